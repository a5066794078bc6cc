/**
 * Item and distractor analysis of one quiz for one class, for its teacher:
 * which questions and which wrong choices tripped students up, each tied to
 * the paragraph that holds the evidence.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { assignments, attempts, classMembers, lessonLevels, questions, questionVersions, quizzes, responses, reviewCards, users } from "../../db/tables";
import { analyzeItems, chosenOptions, mostMissed, type ItemStats } from "../analysis/item-analysis";
import { requireUser } from "./session";
import { scheduleAnswer } from "../review/schedule";
import { AppError } from "../errors";
import { describeAnswer } from "../quiz/describe";
import type { PublicQuestionData, QuestionKeyData } from "../quiz/types";
import { getOwnedClassOrThrow } from "./class-access";
import { lockStudents, studentWriteTransaction } from "./row-locks";

export interface AnalyzedQuestion {
  questionId: string;
  position: number;
  data: PublicQuestionData;
  key: QuestionKeyData;
  evidence: { anchor: string; text: string | null };
  stats: ItemStats;
  mostMissed: boolean;
  /** Who stands behind each number (first attempts only, like the statistics). */
  people: {
    /** Option id (or "true"/"false") -> the students who chose it. */
    byOption: Record<string, StudentRef[]>;
    /** Students without full credit, each with their answer in words. */
    missed: (StudentRef & { answer: string })[];
    right: number;
  };
}

export interface StudentRef {
  id: string;
  displayName: string;
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
  const members = await db
    .select({ id: classMembers.studentId, displayName: users.displayName })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(eq(classMembers.classId, classId))
    .orderBy(asc(users.displayName));
  const memberIds = members.map((m) => m.id);
  const nameOf = new Map(members.map((m) => [m.id, m.displayName]));
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
    ? await db
        .select({ attemptId: responses.attemptId, questionId: responses.questionId, credit: responses.credit, answer: responses.answer, shown: questionVersions.publicData })
        .from(responses)
        .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
        .where(inArray(responses.attemptId, attemptIds))
    : [];

  const quizQuestions = await db
    .select({ id: questions.id, position: questions.position, data: questionVersions.publicData, key: questionVersions.keyData, evidence: questionVersions.evidence })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)))
    .orderBy(asc(questions.position));

  const [level] = await db.select({ body: lessonLevels.body }).from(lessonLevels).where(eq(lessonLevels.lessonId, quiz.lessonId)).orderBy(asc(lessonLevels.level)).limit(1);
  const paragraphs = new Map<string, string>();
  for (const section of level?.body.sections ?? []) for (const p of section.paragraphs) paragraphs.set(p.anchor, p.plain);

  const stats = analyzeItems(
    rows.map((r) => ({ studentId: studentByAttempt.get(r.attemptId) ?? r.attemptId, questionId: r.questionId, credit: r.credit, answer: r.answer })),
    quizQuestions.map((q) => q.id),
  );
  const statsById = new Map(stats.map((s) => [s.questionId, s]));
  const missed = new Set(mostMissed(stats).filter((s) => s.facility < 0.7).map((s) => s.questionId));
  const byStudentName = (a: StudentRef, b: StudentRef) => a.displayName.localeCompare(b.displayName);
  const peopleOf = (questionId: string): AnalyzedQuestion["people"] => {
    const byOption: Record<string, StudentRef[]> = {};
    const missedBy: (StudentRef & { answer: string })[] = [];
    let right = 0;
    for (const r of rows.filter((row) => row.questionId === questionId)) {
      const id = studentByAttempt.get(r.attemptId)!;
      const student = { id, displayName: nameOf.get(id) ?? "Former student" };
      const answer = r.answer;
      for (const option of chosenOptions(answer)) (byOption[option] ??= []).push(student);
      if (r.credit >= 1) right += 1;
      else missedBy.push({ ...student, answer: describeAnswer(r.shown, answer).join("; ") });
    }
    for (const list of Object.values(byOption)) list.sort(byStudentName);
    return { byOption, missed: missedBy.sort(byStudentName), right };
  };
  return {
    quizId: quiz.id,
    quizTitle: quiz.title,
    lessonId: quiz.lessonId,
    students: attemptIds.length,
    questions: quizQuestions.map((q) => ({
      questionId: q.id,
      position: q.position,
      data: q.data,
      key: q.key,
      evidence: { anchor: q.evidence, text: paragraphs.get(q.evidence) ?? null },
      stats: statsById.get(q.id)!,
      mostMissed: missed.has(q.id),
      people: peopleOf(q.id),
    })),
  };
}

/**
 * "Assign a review of this question": the question comes due now in the
 * review queue of every student who missed it on their first attempt (the
 * students the analysis names). Cards they already have keep their history;
 * only the due date moves. Returns how many students it reached.
 */
export async function assignQuestionReview(classId: string, quizId: string, questionId: string, now = new Date()): Promise<{ students: number }> {
  const analysis = await getQuizItemAnalysis(classId, quizId);
  const question = analysis.questions.find((q) => q.questionId === questionId);
  if (!question) throw new AppError("not_found", "That question isn't in this quiz.");
  const studentIds = question.people.missed.map((s) => s.id);
  if (studentIds.length === 0) throw new AppError("bad_request", "Nobody missed this question, so there is nothing to review.");
  await studentWriteTransaction(getDb(), async (tx) => {
    // Submissions and reviews rewrite these cards from what they read, so a due date moved here while one
    // of them runs would be overwritten, and a card inserted here could collide with one a submission
    // inserts: each student's lock orders the two, and the cards are read only once all are held.
    await lockStudents(tx, studentIds);
    const existing = new Set(
      (await tx.select({ userId: reviewCards.userId }).from(reviewCards).where(and(eq(reviewCards.questionId, questionId), inArray(reviewCards.userId, studentIds)))).map((r) => r.userId),
    );
    if (existing.size) await tx.update(reviewCards).set({ due: now }).where(and(eq(reviewCards.questionId, questionId), inArray(reviewCards.userId, [...existing])));
    const fresh = studentIds.filter((id) => !existing.has(id));
    if (fresh.length) {
      const { card } = scheduleAnswer(null, 0, now);
      await tx.insert(reviewCards).values(fresh.map((userId) => ({ userId, questionId, ...card, due: now })));
    }
  });
  return { students: studentIds.length };
}
