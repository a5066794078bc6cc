import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PUT as saveDraftRoute } from "@/app/api/attempts/[attemptId]/draft/route";
import { POST as checkRoute } from "@/app/api/attempts/[attemptId]/check/route";
import { POST as submitRoute } from "@/app/api/attempts/[attemptId]/submit/route";
import { POST as guestGradeRoute } from "@/app/api/quizzes/[quizId]/grade/route";
import type { Database } from "@/db/open";
import { attempts, questions, responses } from "@/db/tables";
import { getAttemptForTaking, startOrResumeAttempt } from "@/lib/data/attempts";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
const ORIGIN = "http://localhost:3000";
let db: Database;

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
});
beforeEach(() => signOutTestUser());

function request(method: string, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/x`, { method, body, headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000", ...headers } });
}
const attemptParams = (attemptId: string) => ({ params: Promise.resolve({ attemptId }) });

async function openAttempt(mode: "test" | "practice" = "test") {
  const user = await seedUser();
  signInAs(user);
  const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode });
  const taking = await getAttemptForTaking(attemptId);
  return { user, attemptId, taking };
}

async function expectNothingStored(attemptId: string) {
  const [row] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  expect(row!.draft).toEqual({});
  expect(row!.status).toBe("in_progress");
  expect(await db.select().from(responses).where(eq(responses.attemptId, attemptId))).toEqual([]);
}

describe("bad input gets a 400 with a clear message and stores nothing", () => {
  it("malformed JSON", async () => {
    const { attemptId } = await openAttempt();
    const response = await saveDraftRoute(request("PUT", "{not json"), attemptParams(attemptId));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/not valid JSON/);
    await expectNothingStored(attemptId);
  });

  it("an oversized body (> 64 KB)", async () => {
    const { attemptId, taking } = await openAttempt();
    const shortAnswer = taking.questions.find((q) => q.data.type === "short_answer")!;
    const body = JSON.stringify({ answers: { [shortAnswer.questionId]: { type: "short_answer", text: "x".repeat(70_000) } } });
    for (const route of [() => saveDraftRoute(request("PUT", body), attemptParams(attemptId)), () => submitRoute(request("POST", body), attemptParams(attemptId))]) {
      const response = await route();
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/too large/);
    }
    await expectNothingStored(attemptId);
  });

  it("wrong types, unknown question ids and out-of-range choices", async () => {
    const { attemptId, taking } = await openAttempt();
    const single = taking.questions.find((q) => q.data.type === "single")!;
    const cases: [unknown, RegExp][] = [
      [{ answers: { [single.questionId]: { type: "single", choice: 3 } } }, /not understood/],
      [{ answers: { [single.questionId]: { type: "essay", text: "hi" } } }, /not understood/],
      [{ answers: "everything" }, /not understood/],
      [{ answers: {}, extra: true }, /not understood/],
      [{ answers: { "made-up-question": { type: "single", choice: "a" } } }, /not part of this attempt/],
      [{ answers: { [single.questionId]: { type: "single", choice: "z" } } }, /not one of its choices/],
      [{ answers: { [single.questionId]: { type: "numeric", value: 1 } } }, /expected a single answer/],
    ];
    for (const [body, message] of cases) {
      const response = await saveDraftRoute(request("PUT", JSON.stringify(body)), attemptParams(attemptId));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    const check = await checkRoute(request("POST", JSON.stringify({ questionId: single.questionId, answer: { type: "single", choice: "z" } })), attemptParams(attemptId));
    expect(check.status).toBe(400);
    await expectNothingStored(attemptId);
  });

  it("a cross-site request is refused before anything is read", async () => {
    const { attemptId } = await openAttempt();
    const response = await submitRoute(request("POST", "{}", { origin: "https://evil.example" }), attemptParams(attemptId));
    expect(response.status).toBe(403);
    await expectNothingStored(attemptId);
  });
});

describe("closed and foreign attempts", () => {
  it("someone else's attempt is a 404 for draft, check and submit", async () => {
    const { attemptId, taking } = await openAttempt("practice");
    const tf = taking.questions.find((q) => q.data.type === "true_false")!;
    signInAs(await seedUser());
    const draft = await saveDraftRoute(request("PUT", JSON.stringify({ answers: { [tf.questionId]: { type: "true_false", value: true } } })), attemptParams(attemptId));
    const check = await checkRoute(request("POST", JSON.stringify({ questionId: tf.questionId, answer: { type: "true_false", value: true } })), attemptParams(attemptId));
    const submit = await submitRoute(request("POST", "{}"), attemptParams(attemptId));
    expect([draft.status, check.status, submit.status]).toEqual([404, 404, 404]);
    await expectNothingStored(attemptId);
  });

  it("signed-out callers get 401", async () => {
    const { attemptId } = await openAttempt();
    signOutTestUser();
    expect((await submitRoute(request("POST", "{}"), attemptParams(attemptId))).status).toBe(401);
  });

  it("a submitted attempt: submit again returns the stored result; a draft is refused with 409", async () => {
    const { attemptId, taking } = await openAttempt();
    const first = await submitRoute(request("POST", "{}"), attemptParams(attemptId));
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    const tf = taking.questions.find((q) => q.data.type === "true_false")!;
    const again = await submitRoute(request("POST", JSON.stringify({ answers: { [tf.questionId]: { type: "true_false", value: true } } })), attemptParams(attemptId));
    expect(await again.json()).toEqual(firstBody);
    const draft = await saveDraftRoute(request("PUT", JSON.stringify({ answers: { [tf.questionId]: { type: "true_false", value: true } } })), attemptParams(attemptId));
    expect(draft.status).toBe(409);
    expect((await draft.json()).error.message).toMatch(/already been submitted/);
  });
});

describe("guest grading", () => {
  async function currentVersion(questionId: string) {
    const [row] = await db.select({ versionId: questions.currentVersionId }).from(questions).where(eq(questions.id, questionId));
    return row!.versionId!;
  }

  it("grades on the server and returns explanations without storing anything", async () => {
    const before = (await db.select().from(attempts)).length;
    const versionId = await currentVersion("sanc-q13");
    const response = await guestGradeRoute(request("POST", JSON.stringify({ answers: [{ questionId: "sanc-q13", versionId, answer: { type: "single", choice: "b" } }] })), { params: Promise.resolve({ quizId: QUIZ_ID }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ score: 0, maxScore: 1, questions: [{ questionId: "sanc-q13", outcome: "incorrect", feedback: [expect.stringContaining("not UN resolutions")] }] });
    expect(body.questions[0].evidence).toEqual([expect.objectContaining({ href: expect.stringMatching(/^\/lessons\/sanctions\?level=2#p\d+$/), label: expect.stringMatching(/^paragraph \d+$/) })]);
    expect((await db.select().from(attempts)).length).toBe(before);
  });

  it("refuses versions of another quiz's questions, duplicates and bad choices", async () => {
    const otherQuizVersion = await currentVersion("rtn-q01");
    const own = await currentVersion("sanc-q13");
    const cases: [unknown, RegExp][] = [
      [{ answers: [{ questionId: "rtn-q01", versionId: otherQuizVersion, answer: null }] }, /not part of this quiz/],
      [{ answers: [{ questionId: "sanc-q13", versionId: otherQuizVersion, answer: null }] }, /not part of this quiz/],
      [{ answers: [{ questionId: "sanc-q13", versionId: own, answer: null }, { questionId: "sanc-q13", versionId: own, answer: null }] }, /answered twice/],
      [{ answers: [{ questionId: "sanc-q13", versionId: own, answer: { type: "single", choice: "q" } }] }, /not one of its choices/],
      [{ answers: [] }, /at least one/],
    ];
    for (const [body, message] of cases) {
      const response = await guestGradeRoute(request("POST", JSON.stringify(body)), { params: Promise.resolve({ quizId: QUIZ_ID }) });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
  });

  it("an unknown quiz is a 404", async () => {
    const response = await guestGradeRoute(request("POST", JSON.stringify({ answers: [{ questionId: "x", versionId: 1, answer: null }] })), { params: Promise.resolve({ quizId: "nope" }) });
    expect(response.status).toBe(404);
  });
});
