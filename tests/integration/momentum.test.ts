import { beforeEach, describe, expect, it, vi } from "vitest";
import { attempts, reviewLogs } from "@/db/tables";
import { DAILY_REVIEW_GOAL, getMyMomentum, streakFrom } from "@/lib/data/momentum";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const DAY = 86_400_000;
const now = new Date(Date.UTC(2026, 11, 2, 15));
const daysAgo = (n: number, hour = 10) => new Date(Date.UTC(2026, 11, 2 - n, hour));
let db: Awaited<ReturnType<typeof createTestDb>>;

beforeEach(async () => {
  db = await createTestDb({ withContent: true });
  signOutTestUser();
});

async function reviewAt(userId: string, at: Date) {
  await db.insert(reviewLogs).values({ userId, questionId: "q", rating: 3, credit: 1, reviewedAt: at });
}

describe("momentum: daily goal and streak from the learner's own data", () => {
  it("streakFrom counts consecutive days ending today, or yesterday while today is still open", () => {
    const today = Math.floor(now.getTime() / DAY);
    expect(streakFrom(new Set([today, today - 1, today - 2, today - 4]), today)).toBe(3);
    expect(streakFrom(new Set([today - 1, today - 2]), today)).toBe(2);
    expect(streakFrom(new Set([today - 2]), today)).toBe(0);
    expect(streakFrom(new Set(), today)).toBe(0);
  });

  it("counts today's reviews against the goal and days with reviews or submitted quizzes for the streak; nobody else's", async () => {
    const learner = await seedUser({ role: "learner" });
    const other = await seedUser({ role: "learner" });
    for (let i = 0; i < 3; i += 1) await reviewAt(learner.id, daysAgo(0, 9 + i));
    await reviewAt(learner.id, daysAgo(1));
    // Day 2: a submitted quiz and no review still counts; an open attempt on day 3 does not, so the streak stops there.
    await db.insert(attempts).values({ quizId: "sanctions-quiz", userId: learner.id, mode: "test", status: "submitted", layout: { questions: [] }, draft: {}, score: 1, maxScore: 1, submittedAt: daysAgo(2) });
    await db.insert(attempts).values({ quizId: "sanctions-quiz", userId: learner.id, mode: "test", status: "in_progress", layout: { questions: [] }, draft: {}, startedAt: daysAgo(3) });
    await reviewAt(learner.id, daysAgo(4));
    // Someone else's busy week changes nothing for the learner.
    for (let i = 0; i < 7; i += 1) await reviewAt(other.id, daysAgo(i));

    signInAs(learner);
    expect(await getMyMomentum(now)).toEqual({ reviewedToday: 3, dailyGoal: DAILY_REVIEW_GOAL, streakDays: 3, practisedToday: true });
    signInAs(other);
    expect(await getMyMomentum(now)).toMatchObject({ reviewedToday: 1, streakDays: 7 });
    signOutTestUser();
    await expect(getMyMomentum(now)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
