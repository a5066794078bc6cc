/**
 * Grading for guests: nothing is stored on the server. The browser sends the
 * version of each question it showed and the answers; the server grades with
 * keys the browser never had and returns the results, which the browser keeps
 * in its own history (app/quizzes/[quizId]/guest-history.ts).
 *
 * Public practice only: the quiz must be one anyone may take signed out (the
 * curriculum), never a teacher's private or imported quiz, and a signed-in
 * student with an open test of it is refused (docs/GRADING.md "Tests stay tests").
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { questions, questionVersions } from "../../db/tables";
import { getSessionUser } from "./session";
import { AppError } from "../errors";
import { gradeAnswer } from "../quiz/grade";
import type { Outcome } from "../quiz/types";
import { answerProblem } from "../quiz/validate";
import type { GuestSubmission } from "../validations/attempts";
import { assertNoOpenTest } from "./assignments";
import { countOutcomes, gradedQuestion } from "../quiz/results";
import type { QuestionResult } from "./attempts";
import { DEFAULT_READING_LEVEL, evidenceLinks, findVisibleQuiz } from "./quizzes";

export interface GuestResults {
  quiz: { id: string; title: string; lessonId: string; lessonTitle: string };
  score: number;
  maxScore: number;
  percent: number;
  counts: Record<Outcome, number>;
  questions: (QuestionResult & { versionId: number })[];
  gradedAt: string;
}

export async function gradeGuestSubmission(quizId: string, submission: GuestSubmission, now: Date = new Date()): Promise<GuestResults> {
  const user = await getSessionUser();
  const db = getDb();
  // Visibility as a signed-out guest: private quizzes look missing, even to their own teacher or assigned students.
  const quiz = await findVisibleQuiz(db, null, quizId);
  if (user) await assertNoOpenTest(db, user, quizId, now);
  const questionIds = submission.answers.map((entry) => entry.questionId);
  if (new Set(questionIds).size !== questionIds.length) throw new AppError("bad_request", "A question is answered twice. Nothing was graded.");

  // Versions must belong to the named question of this quiz; older versions are fine (the page may be stale).
  const versions = await db
    .select({ versionId: questionVersions.id, questionId: questionVersions.questionId, type: questionVersions.type, data: questionVersions.publicData, keyData: questionVersions.keyData, evidence: questionVersions.evidence, evidenceAnchors: questionVersions.evidenceAnchors, position: questions.position })
    .from(questionVersions)
    .innerJoin(questions, eq(questions.id, questionVersions.questionId))
    .where(and(eq(questions.quizId, quizId), inArray(questionVersions.id, submission.answers.map((entry) => entry.versionId))))
    .orderBy(asc(questions.position));
  const byVersion = new Map(versions.map((row) => [row.versionId, row]));
  for (const [index, entry] of submission.answers.entries()) {
    const version = byVersion.get(entry.versionId);
    if (!version || version.questionId !== entry.questionId) throw new AppError("bad_request", `Question "${entry.questionId}" is not part of this quiz. Nothing was graded.`);
    const problem = entry.answer ? answerProblem(version.data, entry.answer, `Question ${index + 1}`) : null;
    if (problem) throw new AppError("bad_request", `${problem} Nothing was graded.`);
  }

  const answersByVersion = new Map(submission.answers.map((entry) => [entry.versionId, entry.answer]));
  const results = versions
    .filter((version) => answersByVersion.has(version.versionId))
    .map((version, index) => {
      const keyData = version.keyData;
      const answer = answersByVersion.get(version.versionId) ?? null;
      const question = { questionId: version.questionId, number: index + 1, type: version.type };
      const graded = gradedQuestion(question, version.data, keyData, answer, gradeAnswer(keyData.key, answer));
      return { ...graded, versionId: version.versionId, evidence: evidenceLinks(quiz.lessonId, DEFAULT_READING_LEVEL, version) };
    });
  const counts = countOutcomes(results);
  const score = Math.round(results.reduce((sum, r) => sum + r.credit, 0) * 10_000) / 10_000;
  const maxScore = results.length;
  return {
    quiz: { id: quiz.id, title: quiz.title, lessonId: quiz.lessonId, lessonTitle: quiz.lessonTitle },
    score,
    maxScore,
    percent: maxScore ? Math.round((score / maxScore) * 100) : 0,
    counts,
    questions: results,
    gradedAt: now.toISOString(),
  };
}
