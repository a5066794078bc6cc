/**
 * One student's submitted attempt as their teacher sees it: every answer
 * beside the key, with the option texts and the evidence paragraph.
 *
 * Allowed only when the signed-in teacher owns the class, the student is in
 * it, and the attempt was made for one of that class's assignments; anything
 * else is `not_found`, so ids from elsewhere reveal nothing.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { assignments, attempts, lessonLevels, lessons, questionVersions, quizzes, responses, users } from "../../db/tables";
import { requireUser } from "./session";
import { AppError } from "../errors";
import { countOutcomes, gradedQuestion, type GradedQuestion } from "../quiz/results";
import { applyLayout } from "../quiz/layout";
import type { Answer, AnswerKey, Outcome, PublicQuestionData } from "../quiz/types";
import { assertStudentOfTeacherOrThrow } from "./class-access";
import { DEFAULT_READING_LEVEL, evidenceHref, publicVersions } from "./quizzes";

export interface OptionView {
  id: string;
  text: string;
  chosen: boolean;
  correct: boolean;
}

export interface TeacherAnswerView extends GradedQuestion {
  /** Every option in the order the student saw them, for choice questions; empty otherwise. */
  options: OptionView[];
  evidence: { anchor: string; text: string | null; href: string };
}

export interface TeacherAttemptView {
  attemptId: string;
  student: { id: string; displayName: string };
  quiz: { id: string; title: string; lessonId: string; lessonTitle: string };
  assignmentId: string;
  mode: "practice" | "test";
  /** 1 for the student's first attempt at this assignment, and so on. */
  attemptNumber: number;
  attemptsTotal: number;
  score: number;
  maxScore: number;
  percent: number;
  submittedAt: Date;
  counts: Record<Outcome, number>;
  answers: TeacherAnswerView[];
}

const NOT_FOUND = "We couldn't find that attempt.";

function optionsOf(data: PublicQuestionData, key: AnswerKey, answer: Answer | null): OptionView[] {
  if (data.type === "single" || data.type === "multiple") {
    const chosen = new Set(answer?.type === "single" ? [answer.choice] : answer?.type === "multiple" ? answer.choices : []);
    const right = new Set(key.type === "single" ? [key.answer] : key.type === "multiple" ? key.answer : []);
    return data.choices.map((c) => ({ id: c.id, text: c.text, chosen: chosen.has(c.id), correct: right.has(c.id) }));
  }
  if (data.type === "true_false" && key.type === "true_false") {
    const given = answer?.type === "true_false" ? answer.value : null;
    return [true, false].map((value) => ({ id: String(value), text: value ? "True" : "False", chosen: given === value, correct: key.answer === value }));
  }
  return [];
}

export async function getStudentAttemptForTeacher(classId: string, studentId: string, attemptId: string): Promise<TeacherAttemptView> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await assertStudentOfTeacherOrThrow(db, teacher.id, classId, studentId);
  const [attempt] = await db
    .select({ attempt: attempts, readingLevel: assignments.readingLevel, displayName: users.displayName })
    .from(attempts)
    .innerJoin(assignments, and(eq(assignments.id, attempts.assignmentId), eq(assignments.classId, classId)))
    .innerJoin(users, eq(users.id, attempts.userId))
    .where(and(eq(attempts.id, attemptId), eq(attempts.userId, studentId), eq(attempts.status, "submitted")));
  if (!attempt) throw new AppError("not_found", NOT_FOUND);
  const row = attempt.attempt;
  const layout = row.layout;
  const versionIds = layout.questions.map((entry) => entry.versionId);
  const [shown, keyRows, answered, [quiz], siblings] = await Promise.all([
    publicVersions(db, versionIds),
    versionIds.length ? db.select({ id: questionVersions.id, keyData: questionVersions.keyData }).from(questionVersions).where(inArray(questionVersions.id, versionIds)) : Promise.resolve([]),
    db.select().from(responses).where(eq(responses.attemptId, row.id)),
    db
      .select({ id: quizzes.id, title: quizzes.title, lessonId: quizzes.lessonId, lessonTitle: lessons.title })
      .from(quizzes)
      .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
      .where(eq(quizzes.id, row.quizId)),
    db
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(eq(attempts.userId, studentId), eq(attempts.assignmentId, row.assignmentId!), eq(attempts.status, "submitted")))
      .orderBy(asc(attempts.submittedAt)),
  ]);
  if (!quiz) throw new AppError("not_found", NOT_FOUND);
  const levels = await db.select({ level: lessonLevels.level, body: lessonLevels.body }).from(lessonLevels).where(eq(lessonLevels.lessonId, quiz.lessonId)).orderBy(asc(lessonLevels.level));
  const wanted = attempt.readingLevel ?? DEFAULT_READING_LEVEL;
  const level = levels.find((l) => l.level === wanted) ?? levels[0];
  const paragraphs = new Map<string, string>();
  for (const section of level?.body.sections ?? []) for (const p of section.paragraphs) paragraphs.set(p.anchor, p.plain);

  const keys = new Map(keyRows.map((k) => [k.id, k.keyData]));
  const byQuestion = new Map(answered.map((r) => [r.questionId, r]));
  const answers: TeacherAnswerView[] = layout.questions.flatMap((entry, index) => {
    const version = shown.get(entry.versionId);
    const keyData = keys.get(entry.versionId);
    const response = byQuestion.get(entry.questionId);
    if (!version || !keyData || !response) return [];
    const data = applyLayout(version.data, entry);
    const answer = response.answer ?? null;
    const graded = gradedQuestion({ questionId: entry.questionId, number: index + 1, type: version.type }, data, keyData, answer, response);
    return [
      {
        ...graded,
        options: optionsOf(data, keyData.key, answer),
        evidence: { anchor: version.evidence, text: paragraphs.get(version.evidence) ?? null, href: evidenceHref(quiz.lessonId, level?.level ?? wanted, version.evidence) },
      },
    ];
  });
  const counts = countOutcomes(answers);
  const score = row.score ?? 0;
  const maxScore = row.maxScore ?? layout.questions.length;
  return {
    attemptId: row.id,
    student: { id: studentId, displayName: attempt.displayName },
    quiz,
    assignmentId: row.assignmentId!,
    mode: row.mode,
    attemptNumber: siblings.findIndex((s) => s.id === row.id) + 1,
    attemptsTotal: siblings.length,
    score,
    maxScore,
    percent: maxScore > 0 ? Math.round((score / maxScore) * 100) : 0,
    submittedAt: row.submittedAt ?? row.updatedAt,
    counts,
    answers,
  };
}
