import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/open";
import { quizzes, reviewCards, reviewLogs } from "@/db/tables";
import { startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { countDueReviews, getNextReviewCard, getReviewStats, submitReview } from "@/lib/data/review";
import type { Answer } from "@/lib/quiz/types";
import { keyedQuestions, perfectAnswer, wrongAnswer, type KeyedQuestion } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
const DAY = 86_400_000;
let db: Database;
let quiz: KeyedQuestion[];

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  quiz = await keyedQuestions(db, QUIZ_ID);
});

beforeEach(() => signOutTestUser());

/** Submits the quiz with the first two wrong-able questions missed and every other question right. */
async function takeQuizMissingTwo(now: Date) {
  const user = await seedUser({ role: "learner" });
  signInAs(user);
  const missed = quiz.filter((q) => wrongAnswer(q.key, q.data)).slice(0, 2);
  const answers: Record<string, Answer> = {};
  for (const q of quiz) answers[q.questionId] = missed.includes(q) ? wrongAnswer(q.key, q.data)! : perfectAnswer(q.key);
  const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" }, now);
  await submitAttempt(attemptId, answers, now);
  return { user, missed: missed.map((q) => q.questionId) };
}

describe("review cards scheduled on submit", () => {
  it("creates one card per answered question: missed ones due soon, known ones later", async () => {
    const now = new Date();
    const { user, missed } = await takeQuizMissingTwo(now);
    expect(missed).toHaveLength(2);
    const cards = await db.select().from(reviewCards).where(eq(reviewCards.userId, user.id));
    expect(cards).toHaveLength(quiz.length);
    const latestMissed = Math.max(...cards.filter((c) => missed.includes(c.questionId)).map((c) => c.due.getTime()));
    const earliestKnown = Math.min(...cards.filter((c) => !missed.includes(c.questionId)).map((c) => c.due.getTime()));
    expect(latestMissed).toBeLessThan(earliestKnown);
    expect(latestMissed - now.getTime()).toBeLessThanOrEqual(DAY);
    expect(earliestKnown - now.getTime()).toBeGreaterThanOrEqual(2 * DAY);
  });

  it("skipped questions get no card, and submitting twice schedules nothing twice", async () => {
    const user = await seedUser({ role: "learner" });
    signInAs(user);
    const first = quiz[0]!;
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    await submitAttempt(attemptId, { [first.questionId]: perfectAnswer(first.key) });
    const [before] = await db.select().from(reviewCards).where(eq(reviewCards.userId, user.id));
    await submitAttempt(attemptId, { [first.questionId]: perfectAnswer(first.key) });
    const after = await db.select().from(reviewCards).where(eq(reviewCards.userId, user.id));
    expect(after).toEqual([before]);
    expect(before!.reps).toBe(1);
  });
});

describe("due count and the review page", () => {
  it("counts only the caller's due cards; guests and other users see 0", async () => {
    const now = new Date();
    await takeQuizMissingTwo(now);
    expect(await countDueReviews(now)).toBe(0);
    expect(await countDueReviews(new Date(now.getTime() + DAY + 1000))).toBe(2);
    expect(await countDueReviews(new Date(now.getTime() + 365 * DAY))).toBe(quiz.length);
    signInAs(await seedUser({ role: "learner" }));
    expect(await countDueReviews(new Date(now.getTime() + 365 * DAY))).toBe(0);
    signOutTestUser();
    expect(await countDueReviews()).toBe(0);
  });

  it("the count, the totals and the queue agree when a quiz is retired: its cards stop counting", async () => {
    const now = new Date();
    await takeQuizMissingTwo(now);
    const later = new Date(now.getTime() + 365 * DAY);
    expect(await countDueReviews(later)).toBe(quiz.length);
    await db.update(quizzes).set({ retired: true }).where(eq(quizzes.id, QUIZ_ID));
    try {
      expect(await countDueReviews(later)).toBe(0);
      expect(await getReviewStats(later)).toMatchObject({ due: 0, total: 0, nextDue: null });
      expect(await getNextReviewCard(later)).toBeNull();
      // The cards themselves stay (history), they just aren't offered.
      expect((await db.select().from(reviewCards)).length).toBeGreaterThan(0);
    } finally {
      await db.update(quizzes).set({ retired: false }).where(eq(quizzes.id, QUIZ_ID));
    }
  });

  it("serves the most overdue card without its key, grades it, reschedules it and logs the review once", async () => {
    const now = new Date();
    const { user, missed } = await takeQuizMissingTwo(now);
    const later = new Date(now.getTime() + 2 * DAY);
    const card = await getNextReviewCard(later);
    expect(card).not.toBeNull();
    expect(missed).toContain(card!.questionId);
    expect(JSON.stringify(card)).not.toMatch(/"(key|answer|explanation|feedback)"/);

    const keyed = quiz.find((q) => q.questionId === card!.questionId)!;
    const result = await submitReview({ questionId: card!.questionId, versionId: card!.versionId, dueToken: card!.dueToken, answer: perfectAnswer(keyed.key) }, later);
    expect(result).toMatchObject({ outcome: "correct", rescheduled: true });
    expect(result.nextDue.getTime()).toBeGreaterThan(later.getTime() + DAY);

    const repeat = await submitReview({ questionId: card!.questionId, versionId: card!.versionId, dueToken: card!.dueToken, answer: perfectAnswer(keyed.key) }, later);
    expect(repeat.rescheduled).toBe(false);
    const logs = await db.select().from(reviewLogs).where(and(eq(reviewLogs.userId, user.id), eq(reviewLogs.questionId, card!.questionId)));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ rating: 3, credit: 1 });
    expect((await getReviewStats(later)).due).toBe(1);
  });

  it("a missed review comes back sooner than a remembered one", async () => {
    const now = new Date();
    await takeQuizMissingTwo(now);
    const later = new Date(now.getTime() + 2 * DAY);
    const first = (await getNextReviewCard(later))!;
    const firstKey = quiz.find((q) => q.questionId === first.questionId)!;
    const wrong = await submitReview({ questionId: first.questionId, versionId: first.versionId, dueToken: first.dueToken, answer: wrongAnswer(firstKey.key, firstKey.data)! }, later);
    const second = (await getNextReviewCard(later))!;
    const secondKey = quiz.find((q) => q.questionId === second.questionId)!;
    const right = await submitReview({ questionId: second.questionId, versionId: second.versionId, dueToken: second.dueToken, answer: perfectAnswer(secondKey.key) }, later);
    expect(wrong.outcome).toBe("incorrect");
    expect(wrong.nextDue.getTime()).toBeLessThan(right.nextDue.getTime());
  });

  it("another user cannot review someone else's card (not_found), and bad answers are refused", async () => {
    const now = new Date();
    await takeQuizMissingTwo(now);
    const later = new Date(now.getTime() + 2 * DAY);
    const card = (await getNextReviewCard(later))!;
    await expect(submitReview({ questionId: card.questionId, versionId: card.versionId, dueToken: card.dueToken, answer: { type: "single", choice: "no-such-choice" } }, later)).rejects.toMatchObject({ code: "bad_request" });
    signInAs(await seedUser({ role: "learner" }));
    const keyed = quiz.find((q) => q.questionId === card.questionId)!;
    await expect(submitReview({ questionId: card.questionId, versionId: card.versionId, dueToken: card.dueToken, answer: perfectAnswer(keyed.key) }, later)).rejects.toMatchObject({ code: "not_found" });
    signOutTestUser();
    await expect(getNextReviewCard(later)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
