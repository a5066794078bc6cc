import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { assignments } from "@/db/tables";
import type { Database } from "@/db/open";
import { createAssignment } from "@/lib/data/assignments";
import { getAttemptForTaking, startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { addRosterStudents, createClass, joinClassAsCurrentStudent } from "@/lib/data/classes";
import { buildResponsesCsv } from "@/lib/data/exports";
import { getStudentAttemptForTeacher } from "@/lib/data/teacher-attempts";
import type { Answer } from "@/lib/quiz/types";
import { keyedQuestions, perfectAnswer, wrongAnswer } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const QUIZ = "sanctions-quiz";
let db: Database;
let teacher: Awaited<ReturnType<typeof seedUser>>;
let otherTeacher: Awaited<ReturnType<typeof seedUser>>;
let classId: string;
let student: { studentId: string; username: string; displayName: string };

beforeEach(async () => {
  db = await createTestDb({ withContent: true });
  signOutTestUser();
  teacher = await seedUser({ role: "teacher" });
  otherTeacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  classId = (await createClass("Period 2")).id;
  student = (await addRosterStudents(classId, ["Ada Lovelace"]))[0]!;
});

function asStudent() {
  signInAs({ id: student.studentId, name: student.displayName, role: "student", username: student.username });
}

/** Student answers the assigned quiz: the first single-choice question wrong, everything else right. */
async function submitAssigned(assignmentId: string) {
  asStudent();
  const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ, mode: "test", assignmentId });
  const keyed = await keyedQuestions(db, QUIZ);
  const firstSingle = keyed.find((q) => q.data.type === "single")!;
  const answers: Record<string, Answer> = {};
  for (const q of keyed) answers[q.questionId] = q === firstSingle ? wrongAnswer(q.key, q.data)! : perfectAnswer(q.key);
  await submitAttempt(attemptId, answers);
  return { attemptId, firstSingle, wrong: answers[firstSingle.questionId] as { type: "single"; choice: string } };
}

/** RFC 4180 rows as objects keyed by the header (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    rows.at(-1)!.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push([]);
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || rows.at(-1)!.length) rows.at(-1)!.push(cell);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

describe("a student's attempt, for their teacher", () => {
  it("shows each answer beside the key with option texts and the evidence paragraph", async () => {
    signInAs(teacher);
    const { id: assignmentId } = await createAssignment({ classId, lessonId: "sanctions", includeLesson: false, includeQuiz: true, dueAt: null, quizMode: "test" });
    // Level 1 of a level-2-only lesson: refused by the form now, but assignments made before that may hold one.
    await db.update(assignments).set({ readingLevel: 1 }).where(eq(assignments.id, assignmentId));
    const { attemptId, firstSingle, wrong } = await submitAssigned(assignmentId);

    signInAs(teacher);
    const view = await getStudentAttemptForTeacher(classId, student.studentId, attemptId);
    expect(view.student.displayName).toBe("Ada Lovelace");
    expect(view.quiz.id).toBe(QUIZ);
    expect(view.attemptNumber).toBe(1);
    expect(view.counts.incorrect).toBe(1);
    expect(view.answers.length).toBe((await keyedQuestions(db, QUIZ)).length);
    const missed = view.answers.find((a) => a.questionId === firstSingle.questionId)!;
    expect(missed.outcome).toBe("incorrect");
    const data = firstSingle.data as { choices: { id: string; text: string }[] };
    const wrongText = data.choices.find((c) => c.id === wrong.choice)!.text;
    const rightText = data.choices.find((c) => c.id === (firstSingle.key as { answer: string }).answer)!.text;
    expect(missed.answerLines).toEqual([wrongText]);
    expect(missed.correctLines).toEqual([rightText]);
    // Every option, with what the student chose and what is right.
    expect(missed.options).toHaveLength(data.choices.length);
    expect(missed.options.find((o) => o.chosen)).toMatchObject({ text: wrongText, correct: false });
    expect(missed.options.find((o) => o.correct)).toMatchObject({ text: rightText, chosen: false });
    // Evidence as text and as a link; level 1 was assigned but this lesson has only level 2, so the link opens level 2.
    expect(missed.evidence.text).toBeTruthy();
    expect(missed.evidence.href).toBe(`/lessons/sanctions?level=2#${missed.evidence.anchor}`);
    expect(missed.explanation.length).toBeGreaterThan(0);
  });

  it("another teacher, another class, self-started attempts, open attempts and other students are not_found", async () => {
    signInAs(teacher);
    const { id: assignmentId } = await createAssignment({ classId, lessonId: "sanctions", includeLesson: false, includeQuiz: true, dueAt: null, quizMode: "test" });
    const { attemptId } = await submitAssigned(assignmentId);

    // Another teacher, even with a class of their own that the student also joined.
    signInAs(otherTeacher);
    const theirs = await createClass("Theirs");
    await expect(getStudentAttemptForTeacher(classId, student.studentId, attemptId)).rejects.toMatchObject({ code: "not_found" });
    asStudent();
    await joinClassAsCurrentStudent(theirs.joinCode);
    signInAs(otherTeacher);
    await expect(getStudentAttemptForTeacher(theirs.id, student.studentId, attemptId)).rejects.toMatchObject({ code: "not_found" });

    // The right teacher, but the student's own practice (not class work) and an open attempt stay private.
    asStudent();
    const practice = await startOrResumeAttempt({ quizId: "thaad-quiz", mode: "practice" });
    await getAttemptForTaking(practice.attemptId);
    await submitAttempt(practice.attemptId, {});
    const open = await startOrResumeAttempt({ quizId: QUIZ, mode: "test", assignmentId });
    signInAs(teacher);
    await expect(getStudentAttemptForTeacher(classId, student.studentId, practice.attemptId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getStudentAttemptForTeacher(classId, student.studentId, open.attemptId)).rejects.toMatchObject({ code: "not_found" });

    // The attempt under another student's id.
    const [bo] = await addRosterStudents(classId, ["Bo K"]);
    await expect(getStudentAttemptForTeacher(classId, bo!.studentId, attemptId)).rejects.toMatchObject({ code: "not_found" });

    // Students (even the attempt's owner) and learners can't use the teacher view.
    asStudent();
    await expect(getStudentAttemptForTeacher(classId, student.studentId, attemptId)).rejects.toMatchObject({ code: "forbidden" });
    signInAs(await seedUser({ role: "learner" }));
    await expect(getStudentAttemptForTeacher(classId, student.studentId, attemptId)).rejects.toMatchObject({ code: "forbidden" });

    signInAs(teacher);
    await expect(getStudentAttemptForTeacher(classId, student.studentId, attemptId)).resolves.toMatchObject({ attemptId });
  });

  it("the responses CSV writes the option text the student chose, not JSON", async () => {
    signInAs(teacher);
    const { id: assignmentId } = await createAssignment({ classId, lessonId: "sanctions", includeLesson: false, includeQuiz: true, dueAt: null, quizMode: "test" });
    const { firstSingle, wrong } = await submitAssigned(assignmentId);
    signInAs(teacher);
    const { csv } = await buildResponsesCsv(classId);
    const rows = parseCsv(csv);
    expect(rows.length).toBe((await keyedQuestions(db, QUIZ)).length);
    const wrongText = (firstSingle.data as { choices: { id: string; text: string }[] }).choices.find((c) => c.id === wrong.choice)!.text;
    const row = rows.find((r) => r.Question === firstSingle.questionId)!;
    expect(row.Answer).toBe(wrongText.replace(/^[=+\-@]/, "'$&"));
    expect(row.Outcome).toBe("incorrect");
    for (const r of rows) expect(r.Answer).not.toMatch(/^\{|"type"/);
  });
});
