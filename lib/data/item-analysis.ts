/**
 * Item and distractor analysis of one quiz for one class, for its teacher:
 * which questions and which wrong choices tripped students up, each tied to
 * the paragraph that holds the evidence.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { assignments, attempts, classMembers, lessonLevels, questions, questionVersions, quizzes, responses } from "../../db/schema";
import { analyzeItems, mostMissed, type ItemStats } from "../analysis/item-analysis";
import { requireUser } from "../auth/session";
import type { LessonBody } from "../content/markdown";
import { AppError } from "../errors";
import type { PublicQuestionData, QuestionKeyData } from "../quiz/types";
import { getOwnedClassOrThrow } from "./classes";

export interface AnalyzedQuestion {
  questionId: string;
  position: number;
  data: PublicQuestionData;
  key: QuestionKeyData;
  evidence: { anchor: string; text: string | null };
  stats: ItemStats;
  mostMissed: boolean;
}

export interface QuizItemAnalysis {
  quizId: string;
  quizTitle: string;
  lessonId: string;
  students: number;
  questions: AnalyzedQuestion[];
}

export async function getQuizItemAnalysis(classId: string, quizId: string): Promise<QuizItemAnalysis> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  const [quiz] = await db
    .select({ id: quizzes.id, title: quizzes.title, lessonId: quizzes.lessonId })
    .from(quizzes)
    .innerJoin(assignments, and(eq(assignments.quizId, quizzes.id), eq(assignments.classId, classId)))
    .where(eq(quizzes.id, quizId))
    .limit(1);
  if (!quiz) throw new AppError("not_found", "That quiz isn't assigned to this class.");

  const classAssignmentIds = (await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.classId, classId), eq(assignments.quizId, quizId)))).map((a) => a.id);
  const memberIds = (await db.select({ id: classMembers.studentId }).from(classMembers).where(eq(classMembers.classId, classId))).map((m) => m.id);
  const submitted = memberIds.length
    ? await db
        .select({ id: attempts.id, userId: attempts.userId, submittedAt: attempts.submittedAt })
        .from(attempts)
        .where(and(inArray(attempts.assignmentId, classAssignmentIds), inArray(attempts.userId, memberIds), eq(attempts.status, "submitted")))
        .orderBy(asc(attempts.submittedAt))
    : [];
  // First submitted attempt per student.
  const firstAttempt = new Map<string, string>();
  for (const a of submitted) if (!firstAttempt.has(a.userId)) firstAttempt.set(a.userId, a.id);
  const attemptIds = [...firstAttempt.values()];
  const studentByAttempt = new Map([...firstAttempt.entries()].map(([userId, attemptId]) => [attemptId, userId]));
  const rows = attemptIds.length
    ? await db.select({ attemptId: responses.attemptId, questionId: responses.questionId, credit: responses.credit, answer: responses.answer }).from(responses).where(inArray(responses.attemptId, attemptIds))
    : [];

  const quizQuestions = await db
    .select({ id: questions.id, position: questions.position, data: questionVersions.publicData, key: questionVersions.keyData, evidence: questionVersions.evidence })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)))
    .orderBy(asc(questions.position));

  const [level] = await db.select({ body: lessonLevels.body }).from(lessonLevels).where(eq(lessonLevels.lessonId, quiz.lessonId)).orderBy(asc(lessonLevels.level)).limit(1);
  const paragraphs = new Map<string, string>();
  for (const section of (level?.body as LessonBody | undefined)?.sections ?? []) for (const p of section.paragraphs) paragraphs.set(p.anchor, p.plain);

  const stats = analyzeItems(
    rows.map((r) => ({ studentId: studentByAttempt.get(r.attemptId) ?? r.attemptId, questionId: r.questionId, credit: r.credit, answer: r.answer })),
    quizQuestions.map((q) => q.id),
  );
  const statsById = new Map(stats.map((s) => [s.questionId, s]));
  const missed = new Set(mostMissed(stats).filter((s) => s.facility < 0.7).map((s) => s.questionId));
  return {
    quizId: quiz.id,
    quizTitle: quiz.title,
    lessonId: quiz.lessonId,
    students: attemptIds.length,
    questions: quizQuestions.map((q) => ({
      questionId: q.id,
      position: q.position,
      data: q.data as PublicQuestionData,
      key: q.key as QuestionKeyData,
      evidence: { anchor: q.evidence, text: paragraphs.get(q.evidence) ?? null },
      stats: statsById.get(q.id)!,
      mostMissed: missed.has(q.id),
    })),
  };
}
