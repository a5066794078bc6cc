import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/open";
import { assignments, attempts, guestMerges, importDrafts, lessonLevels, lessons, loginThrottles, questions, quizzes, responses, reviewCards, reviewLogs, users } from "@/db/tables";
import { createAssignment } from "@/lib/data/assignments";
import { getAttemptResults, listMyAttempts, startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { addRosterStudents, createClass } from "@/lib/data/classes";
import { createImportDraft, publishImportDraft } from "@/lib/data/imports";
import { getLessonForReading } from "@/lib/data/lessons";
import { getMyMastery } from "@/lib/data/mastery";
import { deleteOwnAccount, deleteStudentAccount, exportMyData, exportStudentData } from "@/lib/data/privacy";
import { getQuizSummary } from "@/lib/data/quizzes";
import { listOwnReadingProgress, saveOwnReadingProgress, setOwnReadingLevel } from "@/lib/data/reading-progress";
import { countDueReviews, getNextReviewCard, getReviewStats, submitReview } from "@/lib/data/review";
import { keyedQuestions, perfectAnswer, type KeyedQuestion } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { columnsMentioning } from "../helpers/db-inspect";
import { seedUser, TEST_PASSWORD } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";
import type { StoredDraft } from "@/lib/import/stored-draft";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
const LESSON_ID = "sanctions";
const DAY = 86_400_000;
let db: Database;
let quiz: KeyedQuestion[];

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  quiz = await keyedQuestions(db, QUIZ_ID);
});

beforeEach(() => signOutTestUser());

/**
 * Every column of every table (listed by the engine itself, so tables added
 * later are covered too) whose text contains `needle`, with its row count.
 */
const rowsMentioning = (needle: string) => columnsMentioning(db, needle);

/** A user who has done a bit of everything: quiz, review, reading, preferences, a guest merge (counted by its rate limit), failed sign-ins. */
async function activeUser(role: "learner" | "student" = "learner", existing?: { id: string; username: string; displayName: string }) {
  const user = existing ? { ...existing, role } : await seedUser({ role });
  signInAs(user);
  const now = new Date();
  const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" }, now);
  await submitAttempt(attemptId, Object.fromEntries(quiz.map((q) => [q.questionId, perfectAnswer(q.key)])), now);
  const later = new Date(now.getTime() + 30 * DAY);
  const card = (await getNextReviewCard(later))!;
  const keyed = quiz.find((q) => q.questionId === card.questionId)!;
  await submitReview({ questionId: card.questionId, versionId: card.versionId, dueToken: card.dueToken, answer: perfectAnswer(keyed.key) }, later);
  const [level] = await db.select().from(lessonLevels).where(eq(lessonLevels.lessonId, LESSON_ID)).limit(1);
  await saveOwnReadingProgress({ lessonId: LESSON_ID, level: level!.level, sectionIds: [(level!.body).sections[0]!.id] });
  await setOwnReadingLevel(3);
  await db.insert(guestMerges).values({ userId: user.id, mergeKey: crypto.randomUUID() });
  await db.insert(loginThrottles).values({ key: `account:${user.username}`, failures: 2, windowStart: now });
  await db.insert(loginThrottles).values({ key: `merge:user:${user.id}`, failures: 1, windowStart: now });
  return user;
}

async function teacherWithClass() {
  const teacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  const { id: classId } = await createClass("Period 3");
  const [issued] = await addRosterStudents(classId, ["Robin Example"]);
  await db.insert(assignments).values({ classId, lessonId: LESSON_ID, quizId: QUIZ_ID });
  await db.insert(importDrafts).values({ ownerId: teacher.id, title: "Draft", draft: { note: `by ${teacher.username}` } as unknown as StoredDraft }); // only the teacher's name matters here, not a whole draft
  const [student] = await db.select().from(users).where(eq(users.id, issued!.studentId));
  return { teacher, classId, student: student! };
}

describe("export", () => {
  it("contains the caller's account, answers with prompts, reading, review and preferences, and nobody else's data", async () => {
    const other = await activeUser();
    const user = await activeUser();
    const { data, filename } = await exportMyData();
    expect(filename).toMatch(new RegExp(`^civics-lab-${user.username}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(data.account).toMatchObject({ id: user.id, username: user.username });
    expect(JSON.stringify(data)).not.toContain("password");
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]!.responses).toHaveLength(quiz.length);
    expect(data.attempts[0]!.responses[0]!.prompt).toEqual(expect.any(String));
    expect(data.readingProgress).toHaveLength(1);
    expect(data.reviewCards).toHaveLength(quiz.length);
    expect(data.reviewLogs).toHaveLength(1);
    expect(data.preferences).toEqual({ readingLevel: 3 });
    expect(data.guestMerges).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(other.username);
  });

  it("needs a session", async () => {
    await expect(exportMyData()).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("a teacher exports a student of their class; another teacher, a student or a foreign id gets nothing", async () => {
    const { student } = await teacherWithClass();
    const { data } = await exportStudentData(student.id);
    expect(data.account.id).toBe(student.id);
    expect(data.classesJoined).toHaveLength(1);

    const learner = await seedUser({ role: "learner" });
    await expect(exportStudentData(learner.id)).rejects.toMatchObject({ code: "not_found" });
    signInAs(await seedUser({ role: "teacher" }));
    await expect(exportStudentData(student.id)).rejects.toMatchObject({ code: "not_found" });
    signInAs(learner);
    await expect(exportStudentData(student.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("deleting an account leaves no trace", () => {
  it("a learner's own deletion removes every row mentioning their id or username, and nothing of others", async () => {
    const other = await activeUser();
    const user = await activeUser();
    expect((await rowsMentioning(user.id)).length).toBeGreaterThan(5);
    await expect(deleteOwnAccount("wrong password")).rejects.toMatchObject({ code: "bad_request" });
    await deleteOwnAccount(TEST_PASSWORD);
    expect(await rowsMentioning(user.id)).toEqual([]);
    expect(await rowsMentioning(user.username)).toEqual([]);
    expect((await rowsMentioning(other.id)).length).toBeGreaterThan(5);
  });

  it("a teacher's deletion removes their classes, assignments and drafts; their students stay, unlinked", async () => {
    const { teacher, student } = await teacherWithClass();
    await activeUser("student", student);
    signInAs(teacher);
    await deleteOwnAccount(TEST_PASSWORD);
    expect(await rowsMentioning(teacher.id)).toEqual([]);
    expect(await rowsMentioning(teacher.username)).toEqual([]);
    const [kept] = await db.select().from(users).where(eq(users.id, student.id));
    expect(kept).toMatchObject({ id: student.id, createdById: null });
  });

  it("a teacher deletes a student of their class without a trace; others can't", async () => {
    const { teacher, student } = await teacherWithClass();
    await activeUser("student", student);

    signInAs(await seedUser({ role: "teacher" }));
    await expect(deleteStudentAccount(student.id)).rejects.toMatchObject({ code: "not_found" });
    signInAs(await seedUser({ role: "learner" }));
    await expect(deleteStudentAccount(student.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await rowsMentioning(student.id)).length).toBeGreaterThan(5);

    signInAs(teacher);
    const learner = await seedUser({ role: "learner" });
    await expect(deleteStudentAccount(learner.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteStudentAccount(student.id)).resolves.toEqual({ displayName: "Robin Example" });
    expect(await rowsMentioning(student.id)).toEqual([]);
    expect(await rowsMentioning(student.username)).toEqual([]);
    expect(await db.$count(users, eq(users.id, teacher.id))).toBe(1);
  });
});

describe("a teacher's deletion when students answered their private imported quiz", () => {
  const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

  it("keeps the students' results (retired, ownerless), drops what can't be used any more, and leaves nothing naming the teacher", async () => {
    const { teacher, classId, student } = await teacherWithClass();
    const { id: draftId } = await createImportDraft({ content: article, outlet: "Civics Wire" });
    const imported = await publishImportDraft(draftId);
    const { id: assignmentId } = await createAssignment({ classId, lessonId: imported.lessonId, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "test" });
    const { id: unusedDraftId } = await createImportDraft({ content: article });
    const unused = await publishImportDraft(unusedDraftId);
    // The teacher tries their own quiz too: that attempt goes with their account.
    const privateQuiz = await keyedQuestions(db, imported.quizId);
    const { attemptId: teacherAttempt } = await startOrResumeAttempt({ quizId: imported.quizId, mode: "test" });
    await submitAttempt(teacherAttempt, {});

    // The student: curriculum work (quiz, review, reading) plus the assigned private quiz, submitted,
    // and a practice attempt at it left open.
    await activeUser("student", student);
    const now = new Date();
    const { attemptId } = await startOrResumeAttempt({ quizId: imported.quizId, mode: "test", assignmentId }, now);
    const [first, second] = privateQuiz;
    await submitAttempt(attemptId, { [first!.questionId]: perfectAnswer(first!.key), [second!.questionId]: perfectAnswer(second!.key) }, now);
    const { attemptId: openAttempt } = await startOrResumeAttempt({ quizId: imported.quizId, mode: "practice" }, now);
    const privateQuestionIds = privateQuiz.map((q) => q.questionId);
    expect(await db.$count(reviewCards, and(eq(reviewCards.userId, student.id), inArray(reviewCards.questionId, privateQuestionIds)))).toBe(2);
    const before = await getMyMastery();

    signInAs(teacher);
    await deleteOwnAccount(TEST_PASSWORD);
    expect(await rowsMentioning(teacher.id)).toEqual([]);
    expect(await rowsMentioning(teacher.username)).toEqual([]);

    // The answered lesson and quiz stay for the student's results: no owner, retired, article text gone.
    const [keptLesson] = await db.select().from(lessons).where(eq(lessons.id, imported.lessonId));
    expect(keptLesson).toMatchObject({ ownerId: null, retired: true, origin: "imported" });
    expect(await db.$count(lessonLevels, eq(lessonLevels.lessonId, imported.lessonId))).toBe(0);
    const [keptQuiz] = await db.select().from(quizzes).where(eq(quizzes.id, imported.quizId));
    expect(keptQuiz).toMatchObject({ ownerId: null, retired: true });
    expect(await db.$count(questions, and(eq(questions.quizId, imported.quizId), eq(questions.retired, false)))).toBe(0);
    // The lesson nobody else answered is gone completely.
    expect(await db.$count(lessons, eq(lessons.id, unused.lessonId))).toBe(0);
    expect(await db.$count(quizzes, eq(quizzes.id, unused.quizId))).toBe(0);
    // Unsubmitted attempts can't be finished, so they went; so did the review cards of questions that can't come up again.
    expect(await db.$count(attempts, eq(attempts.id, openAttempt))).toBe(0);
    expect(await db.$count(reviewCards, inArray(reviewCards.questionId, privateQuestionIds))).toBe(0);
    expect(await db.$count(responses, eq(responses.attemptId, attemptId))).toBe(privateQuiz.length);

    // The student's pages still work, and show what they did.
    signInAs({ ...student, role: "student" });
    const mine = await listMyAttempts();
    expect(mine.map((a) => a.attemptId)).toContain(attemptId);
    expect(mine.find((a) => a.attemptId === attemptId)).toMatchObject({ quizTitle: keptQuiz!.title, status: "submitted", score: 2, maxScore: privateQuiz.length });
    expect(mine.every((a) => a.status === "submitted")).toBe(true);
    await expect(listMyAttempts({ quizId: imported.quizId })).resolves.toHaveLength(1);
    const results = await getAttemptResults(attemptId);
    expect(results.quiz).toMatchObject({ id: imported.quizId, lessonTitle: keptLesson!.title, available: false });
    expect(results.questions).toHaveLength(privateQuiz.length);
    expect(results.questions.every((q) => q.evidence.length === 0)).toBe(true);
    expect(results.counts.correct).toBe(2);
    const after = await getMyMastery();
    expect(after.responsesCounted).toBe(before.responsesCounted);
    await expect(listOwnReadingProgress()).resolves.toHaveLength(1);
    const later = new Date(now.getTime() + 400 * DAY);
    const stats = await getReviewStats(later);
    expect(stats).toMatchObject({ due: quiz.length, total: quiz.length });
    await expect(countDueReviews(later)).resolves.toBe(quiz.length);
    const card = await getNextReviewCard(later);
    expect(privateQuestionIds).not.toContain(card!.questionId);
    const keyed = quiz.find((q) => q.questionId === card!.questionId)!;
    await expect(submitReview({ questionId: card!.questionId, versionId: card!.versionId, dueToken: card!.dueToken, answer: perfectAnswer(keyed.key) }, later)).resolves.toMatchObject({ rescheduled: true });
    expect(await db.$count(reviewLogs, eq(reviewLogs.userId, student.id))).toBe(2);
    const { data } = await exportMyData();
    expect(data.attempts.map((a) => a.id)).toContain(attemptId);
    expect(data.classesJoined).toEqual([]);

    // Nobody can open the lesson or take the quiz again.
    await expect(getLessonForReading(imported.lessonId)).resolves.toBeNull();
    await expect(getQuizSummary(imported.quizId)).rejects.toMatchObject({ code: "not_found" });
    await expect(startOrResumeAttempt({ quizId: imported.quizId, mode: "test" })).rejects.toMatchObject({ code: "not_found" });
    signInAs(await seedUser({ role: "learner" }));
    await expect(getLessonForReading(imported.lessonId)).resolves.toBeNull();
    await expect(getQuizSummary(imported.quizId)).rejects.toMatchObject({ code: "not_found" });
  });
});
