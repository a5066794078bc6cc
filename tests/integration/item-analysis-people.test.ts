import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/open";
import { lessons, quizzes, reviewCards } from "@/db/tables";
import { createAssignment, deleteAssignment } from "@/lib/data/assignments";
import { listClassQuizzes } from "@/lib/data/dashboard";
import { startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { addRosterStudents, createClass, type IssuedCredentials } from "@/lib/data/classes";
import { assignQuestionReview, getQuizItemAnalysis } from "@/lib/data/item-analysis";
import { countDueReviews } from "@/lib/data/review";
import type { Answer } from "@/lib/quiz/types";
import { keyedQuestions, perfectAnswer, type KeyedQuestion } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ = "sanctions-quiz";
const DAY = 86_400_000;
let db: Database;
let teacher: Awaited<ReturnType<typeof seedUser>>;
let classId: string;
let roster: IssuedCredentials[];
let target: KeyedQuestion & { data: { type: "single"; choices: { id: string; text: string }[] } };

beforeEach(async () => {
  db = await createTestDb({ withContent: true });
  signOutTestUser();
  teacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  classId = (await createClass("Period 2")).id;
  roster = await addRosterStudents(classId, ["Ada L", "Bo K", "Cy M"]);
  target = (await keyedQuestions(db, QUIZ)).find((q) => q.data.type === "single") as typeof target;
});

function as(student: IssuedCredentials) {
  signInAs({ id: student.studentId, name: student.displayName, role: "student", username: student.username });
}

/** Each student answers the target question with the given option (or the right one) and everything else right. */
async function classTakesQuiz(choices: (string | null)[], at: Date) {
  signInAs(teacher);
  const { id: assignmentId } = await createAssignment({ classId, lessonId: "sanctions", includeLesson: false, includeQuiz: true, dueAt: null, quizMode: "test" });
  const keyed = await keyedQuestions(db, QUIZ);
  for (const [index, student] of roster.entries()) {
    as(student);
    const answers: Record<string, Answer> = {};
    for (const q of keyed) answers[q.questionId] = perfectAnswer(q.key);
    const choice = choices[index];
    if (choice) answers[target.questionId] = { type: "single", choice };
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ, mode: "test", assignmentId }, at);
    await submitAttempt(attemptId, answers, at);
  }
}

describe("item analysis in plain words: the students behind each number", () => {
  it("names who chose each option and who missed it, with their answer in words", async () => {
    const wrong = target.data.choices.find((c) => c.id !== (target.key as { answer: string }).answer)!;
    await classTakesQuiz([wrong.id, wrong.id, null], new Date());
    signInAs(teacher);
    const analysis = await getQuizItemAnalysis(classId, QUIZ);
    const question = analysis.questions.find((q) => q.questionId === target.questionId)!;
    expect(question.people.right).toBe(1);
    expect(question.people.byOption[wrong.id]!.map((s) => s.displayName)).toEqual(["Ada L", "Bo K"]);
    expect(question.people.byOption[(target.key as { answer: string }).answer]!.map((s) => s.displayName)).toEqual(["Cy M"]);
    expect(question.people.missed).toEqual([
      { id: roster[0]!.studentId, displayName: "Ada L", answer: wrong.text },
      { id: roster[1]!.studentId, displayName: "Bo K", answer: wrong.text },
    ]);
    // Another teacher sees nothing of it.
    signInAs(await seedUser({ role: "teacher" }));
    await expect(getQuizItemAnalysis(classId, QUIZ)).rejects.toMatchObject({ code: "not_found" });
  });

  it("'assign a review' makes the question due now for exactly the students who missed it; nobody else can", async () => {
    const wrong = target.data.choices.find((c) => c.id !== (target.key as { answer: string }).answer)!;
    const taken = new Date(Date.now() - 10 * DAY);
    await classTakesQuiz([wrong.id, null, null], taken);
    const dueOf = async (student: IssuedCredentials) =>
      (await db.select({ due: reviewCards.due }).from(reviewCards).where(and(eq(reviewCards.userId, student.studentId), eq(reviewCards.questionId, target.questionId))))[0]?.due;
    const bosBefore = await dueOf(roster[1]!);

    // Another teacher, a student and a learner change nothing.
    const other = await seedUser({ role: "teacher" });
    signInAs(other);
    await expect(assignQuestionReview(classId, QUIZ, target.questionId)).rejects.toMatchObject({ code: "not_found" });
    as(roster[0]!);
    await expect(assignQuestionReview(classId, QUIZ, target.questionId)).rejects.toMatchObject({ code: "forbidden" });
    signInAs(teacher);
    await expect(assignQuestionReview(classId, QUIZ, "no-such-question")).rejects.toMatchObject({ code: "not_found" });
    await expect(assignQuestionReview(classId, "thaad-quiz", target.questionId)).rejects.toMatchObject({ code: "not_found" });

    const now = new Date();
    expect(await assignQuestionReview(classId, QUIZ, target.questionId, now)).toEqual({ students: 1 });
    expect(await dueOf(roster[0]!)).toEqual(now);
    expect(await dueOf(roster[1]!)).toEqual(bosBefore);
    as(roster[0]!);
    expect(await countDueReviews(new Date(now.getTime() + 1000))).toBeGreaterThanOrEqual(1);

    // A question everyone got right has nobody to review it.
    signInAs(teacher);
    const allRight = (await keyedQuestions(db, QUIZ)).find((q) => q.questionId !== target.questionId)!;
    await expect(assignQuestionReview(classId, QUIZ, allRight.questionId)).rejects.toMatchObject({ code: "bad_request" });
  });

  it("the analysis picker lists each assigned quiz once, in lesson order, without removed assignments", async () => {
    const curriculum = await db
      .select({ quizId: quizzes.id, title: quizzes.title, lessonId: lessons.id, lessonTitle: lessons.title, position: lessons.position })
      .from(quizzes)
      .innerJoin(lessons, eq(lessons.id, quizzes.lessonId));
    const byPosition = curriculum.sort((a, b) => a.position - b.position || a.title.localeCompare(b.title));
    expect(byPosition.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = byPosition as [(typeof byPosition)[0], (typeof byPosition)[0], (typeof byPosition)[0]];
    signInAs(teacher);
    // Assigned out of order, one of them twice, and one removed again.
    for (const q of [second, first, second, third]) await createAssignment({ classId, lessonId: q.lessonId, includeLesson: false, includeQuiz: true, dueAt: null, quizMode: "practice", allowDuplicate: true });
    const removed = (await createAssignment({ classId, lessonId: third.lessonId, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "practice", allowDuplicate: true })).id;
    await deleteAssignment(classId, removed);
    expect(await listClassQuizzes(classId)).toEqual([first, second, third].map(({ position: _position, ...q }) => q));
    signInAs(await seedUser({ role: "teacher" }));
    await expect(listClassQuizzes(classId)).rejects.toMatchObject({ code: "not_found" });
  });
});
