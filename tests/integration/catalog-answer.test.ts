/**
 * The catalog's per-reader answer reads only what it shows (lib/data/my-catalog.ts): the visible
 * lessons without their bodies, the section count of the one lesson to continue, and each topic's
 * last RECENT_WINDOW responses for "what to do next" (getMyTopicMastery), which must give exactly
 * what the full mastery computation gives.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { listCatalogLessons, listVisibleLessons, sectionCountOf } from "@/lib/data/lessons";
import { getMyMastery, getMyTopicMastery } from "@/lib/data/mastery";
import { getMyCatalog } from "@/lib/data/my-catalog";
import { saveOwnReadingProgress } from "@/lib/data/reading-progress";
import type { Answer } from "@/lib/quiz/types";
import { keyedQuestions, perfectAnswer, wrongAnswer } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ = "who-is-responsible-quiz";
const LESSON = "who-is-responsible";

let ada: Awaited<ReturnType<typeof seedUser>>;
let bo: Awaited<ReturnType<typeof seedUser>>;

async function submitWith(pick: (question: Awaited<ReturnType<typeof keyedQuestions>>[number]) => Answer | null) {
  const questions = await keyedQuestions(getDb(), QUIZ);
  const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ, mode: "practice" });
  const answers: Record<string, Answer> = {};
  for (const question of questions) {
    const answer = pick(question);
    if (answer) answers[question.questionId] = answer;
  }
  await submitAttempt(attemptId, answers);
}

beforeAll(async () => {
  await createTestDb({ withContent: true });
  ada = await seedUser({ role: "learner", displayName: "Ada" });
  bo = await seedUser({ role: "learner", displayName: "Bo" });
  signInAs(ada);
  // Oldest first: all right, then twice as wrong as possible. The most recent ten per topic are the wrong ones.
  await submitWith((question) => perfectAnswer(question.key));
  await submitWith((question) => wrongAnswer(question.key, question.data));
  await submitWith((question) => wrongAnswer(question.key, question.data));
  await saveOwnReadingProgress({ lessonId: LESSON, level: 2, sectionIds: ["s-the-news"], lastAnchor: "p5" });
});

beforeEach(() => signOutTestUser());

describe("the catalog's per-reader answer", () => {
  it("topic mastery from each topic's last ten responses is the full computation's, entry for entry", async () => {
    signInAs(ada);
    const full = (await getMyMastery()).topics;
    const recent = await getMyTopicMastery();
    expect(recent).toEqual(full);
    // The window is the newest answers (wrong), not the oldest (right) nor all of them.
    const topic = recent.find((entry) => entry.count > 0)!;
    expect(topic.count).toBe(10);
    expect(topic.average).toBeLessThan(0.5);
    signInAs(bo);
    expect(await getMyTopicMastery()).toEqual((await getMyMastery()).topics);
    expect((await getMyTopicMastery()).every((entry) => entry.count === 0)).toBe(true);
  });

  it("the visible lessons are the catalog's, in its order, and the continue card counts the lesson's sections", async () => {
    signInAs(ada);
    const catalog = await listCatalogLessons();
    expect((await listVisibleLessons()).map((lesson) => lesson.id)).toEqual(catalog.map((lesson) => lesson.id));
    const sections = catalog.find((lesson) => lesson.id === LESSON)!.sectionCount;
    expect(await sectionCountOf(LESSON, 2)).toBe(sections);
    expect(await sectionCountOf(LESSON, 9)).toBeNull();
    const mine = await getMyCatalog();
    expect(mine.resume).toMatchObject({ lessonId: LESSON, level: 2, read: 1, total: sections });
    expect(mine.privateLessons).toEqual([]);
    // Ada's weakest topic is the quiz she got wrong last: "what to do next" offers it.
    expect(mine.nextSteps.map((step) => step.href)).toContain(`/quizzes/${QUIZ}`);
  });
});
