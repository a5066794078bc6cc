import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/open";
import { assignments, attempts, classes, classMembers, lessons, questions, questionVersions, quizzes, responses, userPreferences } from "@/db/tables";
import { checkQuestion, getAttemptForTaking, getAttemptResults, listMyAttempts, saveDraft, startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { getMyMastery } from "@/lib/data/mastery";
import { getPublicQuiz, getQuizSummary, listVisibleQuizzes } from "@/lib/data/quizzes";
import { computeMastery } from "@/lib/quiz/mastery";
import type { Answer, AnswerKey } from "@/lib/quiz/types";
import { createTestDb, realContent } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";
import { perfectAnswer } from "../helpers/answers";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
let db: Database;

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
});

beforeEach(() => signOutTestUser());

async function learner() {
  const user = await seedUser({ role: "learner" });
  signInAs(user);
  return user;
}

async function keysOf(attemptId: string): Promise<Map<string, AnswerKey>> {
  const [attempt] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  const layout = attempt!.layout;
  const map = new Map<string, AnswerKey>();
  for (const entry of layout.questions) {
    const [version] = await db.select().from(questionVersions).where(eq(questionVersions.id, entry.versionId));
    map.set(entry.questionId, (version!.keyData).key);
  }
  return map;
}


/** Every string anywhere inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function keys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keys);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]);
  return [];
}

describe("quizzes for taking carry no keys", () => {
  it("getPublicQuiz and getAttemptForTaking return no key, explanation or feedback for any quiz", async () => {
    await learner();
    for (const quiz of realContent().quizzes) {
      const publicQuiz = await getPublicQuiz(quiz.id);
      const { attemptId } = await startOrResumeAttempt({ quizId: quiz.id, mode: "test" });
      const taking = await getAttemptForTaking(attemptId);
      for (const dto of [publicQuiz, taking]) {
        expect(keys(dto)).not.toContain("keyData");
        expect(keys(dto)).not.toContain("explanation");
        expect(keys(dto)).not.toContain("feedback");
        expect(keys(dto)).not.toContain("answer");
        const text = strings(dto).join("\n");
        for (const question of quiz.questions) {
          expect(text).not.toContain(question.explanation);
          if ("choices" in question) for (const choice of question.choices) if (choice.feedback) expect(text).not.toContain(choice.feedback);
        }
      }
    }
  });

  it("lists the curriculum quizzes and hides another teacher's private quiz (as not found)", async () => {
    const owner = await seedUser({ role: "teacher" });
    await db.insert(lessons).values({ id: "private-lesson", title: "Private", summary: "s", topicId: "article", origin: "imported", ownerId: owner.id, asOf: "2017-07-31", meta: {}, contentHash: "x" });
    await db.insert(quizzes).values({ id: "private-quiz", lessonId: "private-lesson", title: "Private quiz", description: "d", ownerId: owner.id });
    await learner();
    const listed = (await listVisibleQuizzes()).map((q) => q.id);
    expect(listed).toContain(QUIZ_ID);
    expect(listed).not.toContain("private-quiz");
    await expect(getQuizSummary("private-quiz")).rejects.toMatchObject({ code: "not_found" });
    await expect(startOrResumeAttempt({ quizId: "private-quiz", mode: "test" })).rejects.toMatchObject({ code: "not_found" });
    signInAs(owner);
    expect((await getQuizSummary("private-quiz")).title).toBe("Private quiz");
  });
});

describe("starting, autosaving and resuming", () => {
  it("stores the versions shown and a shuffled order, and resumes the same attempt", async () => {
    await learner();
    const first = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const again = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    expect(first.resumed).toBe(false);
    expect(again).toEqual({ attemptId: first.attemptId, resumed: true, assignmentId: null });
    const practice = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" });
    expect(practice.attemptId).not.toBe(first.attemptId);

    const taking = await getAttemptForTaking(first.attemptId);
    const current = await db.select({ id: questions.id, versionId: questions.currentVersionId }).from(questions).where(eq(questions.quizId, QUIZ_ID));
    expect(taking.questions.map((q) => q.versionId).sort()).toEqual(current.map((q) => q.versionId).sort());
    // Ordering questions never start in the right order.
    const keyMap = await keysOf(first.attemptId);
    for (const question of taking.questions) {
      if (question.data.type !== "ordering") continue;
      const key = keyMap.get(question.questionId);
      expect(question.data.items.map((item) => item.id)).not.toEqual(key?.type === "ordering" ? key.answer : []);
    }
    // The order is stable across reloads.
    expect((await getAttemptForTaking(first.attemptId)).questions).toEqual(taking.questions);
  });

  it("autosaves answers; a reload gets them back; null clears one", async () => {
    await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const taking = await getAttemptForTaking(attemptId);
    const single = taking.questions.find((q) => q.data.type === "single")!;
    const numeric = taking.questions.find((q) => q.data.type === "numeric")!;
    const choice = single.data.type === "single" ? single.data.choices[1]!.id : "";
    await saveDraft(attemptId, { [single.questionId]: { type: "single", choice }, [numeric.questionId]: { type: "numeric", value: 15 } });
    expect((await getAttemptForTaking(attemptId)).answers).toEqual({ [single.questionId]: { type: "single", choice }, [numeric.questionId]: { type: "numeric", value: 15 } });
    await saveDraft(attemptId, { [numeric.questionId]: null });
    expect(Object.keys((await getAttemptForTaking(attemptId)).answers)).toEqual([single.questionId]);
  });

  it("refuses answers that don't fit the question, and stores nothing", async () => {
    await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const taking = await getAttemptForTaking(attemptId);
    const single = taking.questions.find((q) => q.data.type === "single")!;
    const ordering = taking.questions.find((q) => q.data.type === "ordering")!;
    const before = await db.select({ draft: attempts.draft }).from(attempts).where(eq(attempts.id, attemptId));
    await expect(saveDraft(attemptId, { [single.questionId]: { type: "single", choice: "zz" } })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("not one of its choices") });
    await expect(saveDraft(attemptId, { "no-such-question": { type: "single", choice: "a" } })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("not part of this attempt") });
    await expect(saveDraft(attemptId, { [single.questionId]: { type: "numeric", value: 3 } })).rejects.toMatchObject({ code: "bad_request" });
    await expect(saveDraft(attemptId, { [ordering.questionId]: { type: "ordering", order: ["x"] } })).rejects.toMatchObject({ code: "bad_request" });
    // A good answer next to a bad one is not saved either.
    await expect(
      saveDraft(attemptId, { [single.questionId]: { type: "single", choice: "a" }, [ordering.questionId]: { type: "ordering", order: [] } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect(await db.select({ draft: attempts.draft }).from(attempts).where(eq(attempts.id, attemptId))).toEqual(before);
    await expect(submitAttempt(attemptId, { [single.questionId]: { type: "single", choice: "zz" } })).rejects.toMatchObject({ code: "bad_request" });
    const [after] = await db.select({ status: attempts.status }).from(attempts).where(eq(attempts.id, attemptId));
    expect(after!.status).toBe("in_progress");
    expect(await db.select().from(responses).where(eq(responses.attemptId, attemptId))).toEqual([]);
  });

  it("another user's attempt is not found for every operation", async () => {
    await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" });
    const taking = await getAttemptForTaking(attemptId);
    const q = taking.questions.find((item) => item.data.type === "true_false")!;
    await learner();
    await expect(getAttemptForTaking(attemptId)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveDraft(attemptId, { [q.questionId]: { type: "true_false", value: true } })).rejects.toMatchObject({ code: "not_found" });
    await expect(checkQuestion(attemptId, q.questionId, { type: "true_false", value: true })).rejects.toMatchObject({ code: "not_found" });
    await expect(submitAttempt(attemptId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getAttemptResults(attemptId)).rejects.toMatchObject({ code: "not_found" });
    const [row] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row!.status).toBe("in_progress");
    expect(row!.draft).toEqual({});
  });

  it("signed-out callers are refused", async () => {
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" })).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("submitting", () => {
  it("50 simultaneous identical submissions produce exactly one graded attempt", async () => {
    const user = await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const keyMap = await keysOf(attemptId);
    const answers = Object.fromEntries([...keyMap].map(([questionId, key]) => [questionId, perfectAnswer(key)]));
    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt(attemptId, answers)));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ attemptId, score: keyMap.size, maxScore: keyMap.size });
    const submitted = await db.select().from(attempts).where(and(eq(attempts.userId, user.id), eq(attempts.status, "submitted")));
    expect(submitted).toHaveLength(1);
    expect(await db.select().from(responses).where(eq(responses.attemptId, attemptId))).toHaveLength(keyMap.size);
  });

  it("an autosave landing between a submission's grading and its write is graded, never overwritten", async () => {
    await learner();
    // One of the two starts a few microtask turns after the other, so for some offsets the autosave commits while
    // the submission has already read and graded outside the lock but not yet taken it (without the regrade under
    // the lock, this test fails: the submission would overwrite the saved answer with the draft it read).
    for (let offset = -30; offset <= 30; offset += 1) {
      const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
      const keyMap = await keysOf(attemptId);
      const [questionId, key] = [...keyMap][0]!;
      const after = async <T>(turns: number, fn: () => Promise<T>) => {
        for (let i = 0; i < turns; i += 1) await Promise.resolve();
        return fn();
      };
      const [result, saved] = await Promise.allSettled([
        after(Math.max(0, -offset), () => submitAttempt(attemptId)),
        after(Math.max(0, offset), () => saveDraft(attemptId, { [questionId]: perfectAnswer(key) })),
      ]);
      const [attempt] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
      const [response] = await db.select().from(responses).where(and(eq(responses.attemptId, attemptId), eq(responses.questionId, questionId)));
      expect(result.status).toBe("fulfilled");
      expect(attempt!.status).toBe("submitted");
      if (saved.status === "fulfilled") {
        // The saved answer is part of what was submitted and graded.
        expect(attempt!.draft[questionId]).toEqual(perfectAnswer(key));
        expect(response!.credit).toBe(1);
        expect(result.status === "fulfilled" && result.value.score).toBe(1);
      } else {
        expect(saved.reason).toMatchObject({ code: "conflict" });
        expect(response!.credit).toBe(0);
      }
      await db.delete(attempts).where(eq(attempts.id, attemptId));
    }
  });

  it("a second submission returns the stored result and changes nothing; drafts and checks are refused", async () => {
    await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const first = await submitAttempt(attemptId);
    expect(first.score).toBe(0);
    const keyMap = await keysOf(attemptId);
    const [questionId, key] = [...keyMap][0]!;
    const second = await submitAttempt(attemptId, { [questionId]: perfectAnswer(key) }, new Date(Date.now() + 60_000));
    expect(second).toEqual(first);
    await expect(saveDraft(attemptId, { [questionId]: perfectAnswer(key) })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already been submitted") });
    const stored = await db.select().from(responses).where(and(eq(responses.attemptId, attemptId), eq(responses.questionId, questionId)));
    expect(stored[0]!.credit).toBe(0);
  });

  it("results show every question with outcome, explanation, picked feedback and an evidence link at the reader's level", async () => {
    const user = await learner();
    await db.insert(userPreferences).values({ userId: user.id, readingLevel: 3 });
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const taking = await getAttemptForTaking(attemptId);
    const keyMap = await keysOf(attemptId);
    const answers: Record<string, Answer> = {};
    const single = taking.questions.find((q) => q.data.type === "single" && q.questionId === "sanc-q13")!;
    answers[single.questionId] = { type: "single", choice: "b" };
    const multiple = taking.questions.find((q) => q.data.type === "multiple")!;
    const multipleKey = keyMap.get(multiple.questionId)!;
    if (multipleKey.type === "multiple") answers[multiple.questionId] = { type: "multiple", choices: multipleKey.answer.slice(0, 1) };
    const tf = taking.questions.find((q) => q.data.type === "true_false")!;
    answers[tf.questionId] = perfectAnswer(keyMap.get(tf.questionId)!);
    await submitAttempt(attemptId, answers);

    const results = await getAttemptResults(attemptId);
    expect(results.questions).toHaveLength(taking.questions.length);
    const byId = new Map(results.questions.map((q) => [q.questionId, q]));
    expect(byId.get(single.questionId)).toMatchObject({ outcome: "incorrect", feedback: [expect.stringContaining("not UN resolutions")] });
    expect(byId.get(tf.questionId)!.outcome).toBe("correct");
    const expectedMultiple = multipleKey.type === "multiple" && multipleKey.answer.length > 1 ? "partial" : "correct";
    expect(byId.get(multiple.questionId)!.outcome).toBe(expectedMultiple);
    for (const question of results.questions) {
      expect(question.explanation.length).toBeGreaterThan(10);
      expect(question.evidence.length).toBeGreaterThan(0);
      for (const link of question.evidence) expect(link.href).toMatch(/^\/lessons\/sanctions\?level=3#[a-z0-9-]+$/);
      expect(question.correctLines.length).toBeGreaterThan(0);
    }
    expect(results.counts.correct + results.counts.partial + results.counts.incorrect).toBe(results.questions.length);
    expect(results.score).toBeCloseTo(results.questions.reduce((sum, q) => sum + q.credit, 0), 4);
    expect((await listMyAttempts())[0]).toMatchObject({ attemptId, status: "submitted", percent: results.percent });
  });
});

describe("practice mode", () => {
  it("a check reveals only that question; the first checked answer counts; retries are graded but don't replace it", async () => {
    await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" });
    const keyMap = await keysOf(attemptId);
    const taking = await getAttemptForTaking(attemptId);
    const tf = taking.questions.find((q) => q.data.type === "true_false")!;
    const key = keyMap.get(tf.questionId)!;
    if (key.type !== "true_false") throw new Error("expected a true/false key");
    const wrong = await checkQuestion(attemptId, tf.questionId, { type: "true_false", value: !key.answer });
    expect(wrong).toMatchObject({ outcome: "incorrect", scored: { outcome: "incorrect" } });
    expect(wrong.explanation.length).toBeGreaterThan(10);
    const retry = await checkQuestion(attemptId, tf.questionId, { type: "true_false", value: key.answer });
    expect(retry).toMatchObject({ outcome: "correct", scored: { credit: 0, outcome: "incorrect" } });

    // After a reload the check is still shown, and only for the checked question.
    const reloaded = await getAttemptForTaking(attemptId);
    expect(Object.keys(reloaded.checks)).toEqual([tf.questionId]);
    expect(reloaded.answers[tf.questionId]).toEqual({ type: "true_false", value: key.answer });

    const answers = Object.fromEntries([...keyMap].map(([questionId, k]) => [questionId, perfectAnswer(k)]));
    const result = await submitAttempt(attemptId, answers);
    expect(result.score).toBe(keyMap.size - 1);
    const results = await getAttemptResults(attemptId);
    expect(results.questions.find((q) => q.questionId === tf.questionId)!.outcome).toBe("incorrect");
  });

  it("test mode refuses single-question checks", async () => {
    await learner();
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const taking = await getAttemptForTaking(attemptId);
    const tf = taking.questions.find((q) => q.data.type === "true_false")!;
    await expect(checkQuestion(attemptId, tf.questionId, { type: "true_false", value: true })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("practice mode") });
    expect(await db.select().from(responses).where(eq(responses.attemptId, attemptId))).toEqual([]);
  });
});

describe("assignments: due dates and attempt limits are enforced on the server", () => {
  async function assignedStudent(options: { dueAt?: Date; attemptLimit?: number; quizMode?: "practice" | "test"; lateAllowed?: boolean }) {
    const teacher = await seedUser({ role: "teacher" });
    const student = await seedUser({ role: "student" });
    const [klass] = await db.insert(classes).values({ teacherId: teacher.id, name: "Period 3" }).returning();
    await db.insert(classMembers).values({ classId: klass!.id, studentId: student.id });
    const [assignment] = await db
      .insert(assignments)
      .values({ classId: klass!.id, lessonId: "sanctions", quizId: QUIZ_ID, dueAt: options.dueAt ?? null, attemptLimit: options.attemptLimit ?? null, quizMode: options.quizMode ?? "test", lateAllowed: options.lateAllowed ?? true })
      .returning();
    signInAs(student);
    return { student, assignment: assignment! };
  }

  it("refuses to start after the due date when late work is off, with a clear message", async () => {
    const { assignment } = await assignedStudent({ dueAt: new Date(Date.now() - 60_000), lateAllowed: false });
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: assignment.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("was due") });
  });

  it("refuses to submit after the due date when late work is off", async () => {
    const due = new Date(Date.now() + 60_000);
    const { assignment } = await assignedStudent({ dueAt: due, lateAllowed: false });
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: assignment.id });
    await expect(submitAttempt(attemptId, {}, new Date(due.getTime() + 1000))).rejects.toMatchObject({ code: "conflict" });
    expect((await submitAttempt(attemptId)).attemptId).toBe(attemptId);
  });

  it("uses the teacher's mode and stops at the attempt limit", async () => {
    const { assignment } = await assignedStudent({ attemptLimit: 1, quizMode: "practice" });
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: assignment.id });
    expect((await getAttemptForTaking(attemptId)).mode).toBe("practice");
    await submitAttempt(attemptId);
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: assignment.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("all 1 attempt") });
  });

  it("a student outside the class gets not found", async () => {
    const { assignment } = await assignedStudent({});
    await learner();
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: assignment.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("mastery", () => {
  it("matches the stored attempts: computed from the responses of submitted attempts only", async () => {
    await learner();
    expect((await getMyMastery()).topics.every((t) => t.level === "Not started")).toBe(true);

    // One perfect sanctions attempt, one empty thaad attempt, one open attempt that must not count.
    const perfect = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    const keyMap = await keysOf(perfect.attemptId);
    await submitAttempt(perfect.attemptId, Object.fromEntries([...keyMap].map(([questionId, key]) => [questionId, perfectAnswer(key)])));
    const empty = await startOrResumeAttempt({ quizId: "thaad-quiz", mode: "test" });
    await submitAttempt(empty.attemptId);
    const open = await startOrResumeAttempt({ quizId: "six-party-talks-quiz", mode: "test" });
    const openKeys = await keysOf(open.attemptId);
    await saveDraft(open.attemptId, Object.fromEntries([...openKeys].map(([questionId, key]) => [questionId, perfectAnswer(key)])));

    const progress = await getMyMastery();
    const stored = await db
      .select({ topicId: questionVersions.topicId, skills: questionVersions.skills, credit: responses.credit, attemptId: responses.attemptId })
      .from(responses)
      .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId));
    const mine = stored.filter((row) => row.attemptId === perfect.attemptId || row.attemptId === empty.attemptId);
    expect(progress.responsesCounted).toBe(mine.length);
    for (const topic of progress.topics) {
      const credits = mine.filter((row) => row.topicId === topic.id).map((row) => row.credit);
      if (credits.length === 0) {
        expect(topic.level).toBe("Not started");
        continue;
      }
      const expected = computeMastery(mine.filter((row) => row.topicId === topic.id), [], []).topics[0]!;
      expect(topic.count).toBe(expected.count);
      expect(topic.level).toBe(expected.level);
    }
    // The sanctions quiz's sanctions-tagged questions were all right; thaad's were all unanswered.
    expect(progress.topics.find((t) => t.id === "sanctions")).toMatchObject({ average: 1 });
    expect(progress.topics.find((t) => t.id === "thaad")).toMatchObject({ average: 0, level: "Attempted" });
  });

  it("tracks topic mastery over time: one snapshot per day with answers, ending at today's mastery", async () => {
    await learner();
    const dayOne = new Date("2026-05-04T15:00:00Z");
    const dayTwo = new Date("2026-05-06T09:30:00Z");
    const missed = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" }, dayOne);
    // Submitted blank: every question earns 0 on day one.
    await submitAttempt(missed.attemptId, {}, dayOne);
    const perfect = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" }, dayTwo);
    const keyMap = await keysOf(perfect.attemptId);
    await submitAttempt(perfect.attemptId, Object.fromEntries([...keyMap].map(([questionId, key]) => [questionId, perfectAnswer(key)])), dayTwo);

    const { trend, topics } = await getMyMastery();
    expect(trend.days.map((day) => day.day)).toEqual(["2026-05-04", "2026-05-06"]);
    const sanctionsIndex = trend.topics.findIndex((topic) => topic.id === "sanctions");
    const [first, second] = trend.days.map((day) => day.topics[sanctionsIndex]!);
    expect(first).toMatchObject({ average: 0, level: "Attempted" });
    expect(second!.average).toBeGreaterThan(first!.average);
    // The last day is today's mastery, topic for topic.
    expect(trend.days.at(-1)!.topics).toEqual(topics.map(({ label: _label, ...entry }) => entry));
    expect(trend.topics.map((topic) => topic.label)).toEqual(topics.map((topic) => topic.label));
  });
});
