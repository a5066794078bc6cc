import { eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/open";
import { attempts, guestMerges, lessonLevels, readingProgress, responses, reviewCards } from "@/db/tables";
import { mergeGuestHistory } from "@/lib/data/guest-merge";
import { guestMergeSchema, type GuestMergeInput } from "@/lib/validations/review";
import { keyedQuestions, perfectAnswer, wrongAnswer, type KeyedQuestion } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
const LESSON_ID = "sanctions";
let db: Database;
let quiz: KeyedQuestion[];
let sectionIds: string[];

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  quiz = await keyedQuestions(db, QUIZ_ID);
  const [level] = await db.select().from(lessonLevels).where(eq(lessonLevels.lessonId, LESSON_ID)).limit(1);
  sectionIds = (level!.body).sections.map((s) => s.id);
});

beforeEach(() => signOutTestUser());

function history(overrides: Partial<GuestMergeInput> = {}): GuestMergeInput {
  return {
    mergeKey: crypto.randomUUID(),
    attempts: [
      {
        quizId: QUIZ_ID,
        startedAt: "2026-01-01T10:00:00.000Z",
        submittedAt: "2026-01-01T10:05:00.000Z",
        responses: quiz.map((q) => ({ questionId: q.questionId, versionId: q.versionId, answer: perfectAnswer(q.key) })),
      },
    ],
    reading: { [LESSON_ID]: { level: 2, sectionsRead: sectionIds.slice(0, 1), lastAnchor: null, completedAt: null } },
    ...overrides,
  };
}

async function signedInLearner() {
  const user = await seedUser({ role: "learner" });
  signInAs(user);
  return user;
}

async function countsFor(userId: string) {
  const own = await db.select({ id: attempts.id }).from(attempts).where(eq(attempts.userId, userId));
  const answered = own.length ? await db.select().from(responses).where(inArray(responses.attemptId, own.map((a) => a.id))) : [];
  const cards = await db.select().from(reviewCards).where(eq(reviewCards.userId, userId));
  const reading = await db.select().from(readingProgress).where(eq(readingProgress.userId, userId));
  return { attempts: own.length, responses: answered.length, cards: cards.length, reading: reading.length };
}

describe("guest history merge", () => {
  it("adds the attempts, review cards and reading progress once; the same key again changes nothing", async () => {
    const user = await signedInLearner();
    const input = history();
    expect(await mergeGuestHistory(input)).toEqual({ merged: true, attempts: 1, lessons: 1 });
    const after = await countsFor(user.id);
    expect(after).toEqual({ attempts: 1, responses: quiz.length, cards: quiz.length, reading: 1 });
    expect(await mergeGuestHistory(input)).toEqual({ merged: false, attempts: 0, lessons: 0 });
    expect(await countsFor(user.id)).toEqual(after);
  });

  it("is exactly once under concurrent double merges", async () => {
    const user = await signedInLearner();
    const input = history();
    const results = await Promise.all([mergeGuestHistory(input), mergeGuestHistory(input), mergeGuestHistory(input)]);
    expect(results.filter((r) => r.merged)).toHaveLength(1);
    expect(await countsFor(user.id)).toMatchObject({ attempts: 1, responses: quiz.length });
    expect(await db.select().from(guestMerges).where(eq(guestMerges.userId, user.id))).toHaveLength(1);
  });

  it("re-grades every answer on the server: client credit and scores are ignored", async () => {
    const user = await signedInLearner();
    const wrongable = quiz.filter((q) => wrongAnswer(q.key, q.data));
    const claimed = {
      mergeKey: crypto.randomUUID(),
      attempts: [{ quizId: QUIZ_ID, startedAt: "2026-01-01T10:00:00Z", submittedAt: "2026-01-01T10:05:00Z", score: 99, responses: wrongable.map((q) => ({ questionId: q.questionId, versionId: q.versionId, answer: wrongAnswer(q.key, q.data), credit: 1, outcome: "correct" })) }],
      reading: {},
    };
    const parsed = guestMergeSchema.parse(claimed);
    await mergeGuestHistory(parsed);
    const [attempt] = await db.select().from(attempts).where(eq(attempts.userId, user.id));
    expect(attempt).toMatchObject({ score: 0, maxScore: wrongable.length, mode: "test", status: "submitted" });
    const stored = await db.select().from(responses).where(eq(responses.attemptId, attempt!.id));
    expect(stored.every((r) => r.credit === 0 && r.outcome === "incorrect")).toBe(true);
  });

  it("ignores unknown quizzes, foreign or mismatched versions, invalid answers, unknown lessons and sections, and future dates", async () => {
    const user = await signedInLearner();
    const [first, second] = quiz;
    const now = new Date("2026-06-01T00:00:00Z");
    const summary = await mergeGuestHistory(
      history({
        attempts: [
          { quizId: "no-such-quiz", startedAt: "x", submittedAt: "y", responses: [{ questionId: first!.questionId, versionId: first!.versionId, answer: perfectAnswer(first!.key) }] },
          {
            quizId: QUIZ_ID,
            startedAt: "2999-01-01T00:00:00Z",
            submittedAt: "2999-01-01T00:00:00Z",
            responses: [
              { questionId: first!.questionId, versionId: first!.versionId, answer: perfectAnswer(first!.key) },
              { questionId: "made-up", versionId: first!.versionId, answer: perfectAnswer(first!.key) },
              { questionId: second!.questionId, versionId: 999_999, answer: perfectAnswer(second!.key) },
              { questionId: second!.questionId, versionId: second!.versionId, answer: { type: "single", choice: "not-a-choice" } },
            ],
          },
        ],
        reading: { "no-such-lesson": { level: 2, sectionsRead: ["s-x"], lastAnchor: null, completedAt: null }, [LESSON_ID]: { level: 2, sectionsRead: ["s-made-up", sectionIds[0]!], lastAnchor: "p-nope", completedAt: null } },
      }),
      now,
    );
    expect(summary).toEqual({ merged: true, attempts: 1, lessons: 1 });
    const [attempt] = await db.select().from(attempts).where(eq(attempts.userId, user.id));
    expect(attempt!.submittedAt!.getTime()).toBe(now.getTime());
    expect(await countsFor(user.id)).toMatchObject({ attempts: 1, responses: 1, cards: 1 });
    const [reading] = await db.select().from(readingProgress).where(eq(readingProgress.userId, user.id));
    expect(reading).toMatchObject({ sectionsRead: [sectionIds[0]], lastAnchor: null });
  });

  it("needs a session, and a merge key used by one account does not block another", async () => {
    const input = history();
    await expect(mergeGuestHistory(input)).rejects.toMatchObject({ code: "unauthorized" });
    await signedInLearner();
    expect((await mergeGuestHistory(input)).merged).toBe(true);
    const other = await signedInLearner();
    expect((await mergeGuestHistory(input)).merged).toBe(true);
    expect((await countsFor(other.id)).attempts).toBe(1);
  });

  it("refuses oversized histories at the schema", () => {
    const many = Array.from({ length: 101 }, () => history().attempts[0]!);
    expect(guestMergeSchema.safeParse({ ...history(), attempts: many }).success).toBe(false);
  });
});
