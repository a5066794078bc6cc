/**
 * Quizzes as students see them before submitting: titles and the public side
 * of each question. Nothing in this module selects `question_versions.key_data`;
 * keys are read only by the grading paths in ./attempts.ts and ./guest-grading.ts
 * and by the teacher-only exports and printed key in ./quiz-export.ts.
 */
import { anchorLabel, storedAnchors } from "../content/evidence";
import "server-only";
import { and, asc, count, eq, exists, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import type { Database } from "../../db/open";
import { assignments, classMembers, lessons, questions, questionVersions, quizzes, userPreferences } from "../../db/tables";
import { getSessionUser, type SessionUser } from "./session";
import { AppError } from "../errors";
import type { PublicQuestionData, QuestionType } from "../quiz/types";
import { visibleLessonCondition } from "./lessons";

export const DEFAULT_READING_LEVEL = 2;

/**
 * Quizzes this user may take: those of lessons they may read, and not someone
 * else's private quiz unless it is assigned to one of the user's classes.
 */
export function visibleQuizCondition(user: SessionUser | null) {
  if (!user) return and(eq(quizzes.retired, false), isNull(quizzes.ownerId), visibleLessonCondition(user));
  const assignedToMe = exists(
    getDb()
      .select({ one: sql`1` })
      .from(assignments)
      .innerJoin(classMembers, eq(classMembers.classId, assignments.classId))
      .where(and(eq(assignments.quizId, quizzes.id), eq(classMembers.studentId, user.id), isNull(assignments.deletedAt))),
  );
  return and(eq(quizzes.retired, false), or(isNull(quizzes.ownerId), eq(quizzes.ownerId, user.id), assignedToMe), visibleLessonCondition(user));
}

export interface QuizSummary {
  id: string;
  title: string;
  description: string;
  lessonId: string;
  lessonTitle: string;
  questionCount: number;
}

export interface PublicQuestion {
  questionId: string;
  versionId: number;
  type: QuestionType;
  data: PublicQuestionData;
}

/** What lib/import/to-content.ts writes as an imported quiz's description: a note for its teacher, not for students. */
export const IMPORT_AUTHORING_NOTE = "Questions drafted from the article and reviewed by the teacher.";

/** The description a viewer should read: students of an imported quiz get one written for them instead of the authoring note. */
export function descriptionFor(quiz: { description: string; ownerId: string | null; lessonTitle: string }, viewer: SessionUser | null): string {
  if (quiz.ownerId !== null && quiz.ownerId !== viewer?.id && quiz.description === IMPORT_AUTHORING_NOTE) return `Questions about “${quiz.lessonTitle}”, chosen by your teacher.`;
  return quiz.description;
}

/** The quiz row if `user` may take it; a missing or hidden quiz is `not_found` (never `forbidden`). */
export async function findVisibleQuiz(db: Database, user: SessionUser | null, quizId: string): Promise<Omit<QuizSummary, "questionCount">> {
  const [row] = await db
    .select({ id: quizzes.id, title: quizzes.title, description: quizzes.description, lessonId: quizzes.lessonId, lessonTitle: lessons.title, ownerId: quizzes.ownerId })
    .from(quizzes)
    .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .where(and(eq(quizzes.id, quizId), visibleQuizCondition(user)));
  if (!row) throw new AppError("not_found", "We couldn't find that quiz.");
  const { ownerId: _owner, ...quiz } = row;
  return { ...quiz, description: descriptionFor(row, user) };
}

/** The quiz's live questions at their current versions, public side only, in quiz order. */
export async function currentPublicQuestions(db: Database, quizId: string): Promise<PublicQuestion[]> {
  const rows = await db
    .select({ questionId: questions.id, versionId: questionVersions.id, type: questionVersions.type, data: questionVersions.publicData })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)))
    .orderBy(asc(questions.position));
  return rows;
}

/** Public sides of specific versions (what an attempt showed), keyed by version id. */
export async function publicVersions(db: Database, versionIds: readonly number[]): Promise<Map<number, PublicQuestion & StoredEvidence>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ questionId: questionVersions.questionId, versionId: questionVersions.id, type: questionVersions.type, data: questionVersions.publicData, evidence: questionVersions.evidence, evidenceAnchors: questionVersions.evidenceAnchors })
    .from(questionVersions)
    .where(inArray(questionVersions.id, [...versionIds]));
  return new Map(rows.map((row) => [row.versionId, row]));
}

/** `audience: "everyone"` reads the quiz as a guest would, without the session: the shared, cached start page. */
export async function getQuizSummary(quizId: string, audience: "reader" | "everyone" = "reader"): Promise<QuizSummary> {
  const user = audience === "everyone" ? null : await getSessionUser();
  const db = getDb();
  const quiz = await findVisibleQuiz(db, user, quizId);
  const [row] = await db
    .select({ n: count() })
    .from(questions)
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)));
  return { ...quiz, questionCount: row?.n ?? 0 };
}

/** Every quiz this user may take, in catalog order. */
export async function listVisibleQuizzes(): Promise<QuizSummary[]> {
  const user = await getSessionUser();
  const rows = await getDb()
    .select({ id: quizzes.id, title: quizzes.title, description: quizzes.description, lessonId: quizzes.lessonId, lessonTitle: lessons.title, questionCount: count(questions.id), ownerId: quizzes.ownerId })
    .from(quizzes)
    .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .leftJoin(questions, and(eq(questions.quizId, quizzes.id), eq(questions.retired, false)))
    .where(visibleQuizCondition(user))
    // lessons.id too: PostgreSQL only lets the lesson's columns through when their table's key is grouped.
    .groupBy(quizzes.id, lessons.id)
    .orderBy(asc(lessons.position), asc(quizzes.title));
  return rows.map(({ ownerId: _owner, ...quiz }) => ({ ...quiz, description: descriptionFor({ ...quiz, ownerId: _owner }, user) }));
}

/**
 * A quiz for a guest (or anyone) to take without an attempt row: public data
 * only, at the current versions. Choice order is shuffled in the browser.
 */
export async function getPublicQuiz(quizId: string, audience: "reader" | "everyone" = "reader"): Promise<{ quiz: QuizSummary; questions: PublicQuestion[] }> {
  const user = audience === "everyone" ? null : await getSessionUser();
  const db = getDb();
  const quiz = await findVisibleQuiz(db, user, quizId);
  const items = await currentPublicQuestions(db, quizId);
  return { quiz: { ...quiz, questionCount: items.length }, questions: items };
}

/** The reading level evidence links open at: the student's preference, else level 2. */
export async function readingLevelOf(db: Database, userId: string | null): Promise<number> {
  if (!userId) return DEFAULT_READING_LEVEL;
  const [row] = await db.select({ level: userPreferences.readingLevel }).from(userPreferences).where(eq(userPreferences.userId, userId));
  return row?.level ?? DEFAULT_READING_LEVEL;
}

/** A stored version's evidence columns (lib/content/evidence.ts). */
export interface StoredEvidence {
  evidence: string;
  evidenceAnchors: string[] | null;
}

/** One "See it in the text" link: a paragraph the answer rests on. */
export interface EvidenceLink {
  anchor: string;
  href: string;
  /** "paragraph 7" */
  label: string;
}

/** Links to every paragraph a question's answer rests on, in the order the question cites them. */
export function evidenceLinks(lessonId: string, level: number, stored: StoredEvidence): EvidenceLink[] {
  return storedAnchors(stored).map((anchor) => ({ anchor, href: evidenceHref(lessonId, level, anchor), label: anchorLabel(anchor) }));
}

/** "See it in the text": the lesson at the student's level, scrolled to the evidence paragraph. */
export function evidenceHref(lessonId: string, level: number, anchor: string): string {
  return `/lessons/${encodeURIComponent(lessonId)}?level=${level}#${encodeURIComponent(anchor)}`;
}
