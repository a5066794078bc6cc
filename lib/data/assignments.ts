/**
 * Assignments: a lesson and/or its quiz given to a class, with an optional
 * due date, reading level, quiz mode and attempt limit. Teachers manage them
 * for classes they own; students see those of their own classes.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { assignments, attempts, classMembers, classes, lessons, quizzes, readingProgress, type QuizMode } from "../../db/schema";
import { requireUser } from "../auth/session";
import { AppError } from "../errors";
import { getOwnedClassOrThrow } from "./classes";

export interface NewAssignment {
  classId: string;
  lessonId: string;
  includeLesson: boolean;
  includeQuiz: boolean;
  dueAt: Date | null;
  readingLevel?: number;
  quizMode: QuizMode;
  attemptLimit?: number;
}

/** Lessons a teacher may assign: the curriculum and their own imported lessons. */
export async function listAssignableLessons() {
  const teacher = await requireUser(["teacher"]);
  return getDb()
    .select({ id: lessons.id, title: lessons.title, quizId: lessons.quizId, origin: lessons.origin })
    .from(lessons)
    .where(and(eq(lessons.retired, false), or(isNull(lessons.ownerId), eq(lessons.ownerId, teacher.id))))
    .orderBy(asc(lessons.position), asc(lessons.title));
}

export async function createAssignment(input: NewAssignment): Promise<{ id: string }> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    const owned = await getOwnedClassOrThrow(tx, teacher.id, input.classId);
    if (owned.archivedAt) throw new AppError("bad_request", "This class is archived. Unarchive it to assign work.");
    const [lesson] = await tx
      .select({ id: lessons.id, quizId: lessons.quizId })
      .from(lessons)
      .where(and(eq(lessons.id, input.lessonId), eq(lessons.retired, false), or(isNull(lessons.ownerId), eq(lessons.ownerId, teacher.id))));
    if (!lesson) throw new AppError("not_found", "We couldn't find that lesson.");
    if (input.includeQuiz && !lesson.quizId) throw new AppError("bad_request", "This lesson has no quiz to assign.");
    const [row] = await tx
      .insert(assignments)
      .values({
        classId: input.classId,
        lessonId: lesson.id,
        includeLesson: input.includeLesson,
        quizId: input.includeQuiz ? lesson.quizId : null,
        dueAt: input.dueAt,
        readingLevel: input.readingLevel ?? null,
        quizMode: input.quizMode,
        attemptLimit: input.attemptLimit ?? null,
      })
      .returning({ id: assignments.id });
    return { id: row!.id };
  });
}

export async function deleteAssignment(classId: string, assignmentId: string): Promise<void> {
  const teacher = await requireUser(["teacher"]);
  await writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    const removed = await tx.delete(assignments).where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId))).returning({ id: assignments.id });
    if (removed.length === 0) throw new AppError("not_found", "We couldn't find that assignment.");
  });
}

export interface ClassAssignment {
  id: string;
  lessonId: string;
  lessonTitle: string;
  quizId: string | null;
  quizTitle: string | null;
  includeLesson: boolean;
  dueAt: Date | null;
  readingLevel: number | null;
  quizMode: QuizMode;
  attemptLimit: number | null;
  createdAt: Date;
}

/** The columns of a ClassAssignment; queries using it join `lessons` and left-join `quizzes`. */
const classAssignmentColumns = {
  id: assignments.id,
  lessonId: assignments.lessonId,
  lessonTitle: lessons.title,
  quizId: assignments.quizId,
  quizTitle: quizzes.title,
  includeLesson: assignments.includeLesson,
  dueAt: assignments.dueAt,
  readingLevel: assignments.readingLevel,
  quizMode: assignments.quizMode,
  attemptLimit: assignments.attemptLimit,
  createdAt: assignments.createdAt,
};

export async function listClassAssignments(classId: string): Promise<ClassAssignment[]> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  return db
    .select(classAssignmentColumns)
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .leftJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .where(eq(assignments.classId, classId))
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
}

/** "incomplete": past due with only part of the work done; "missing": past due with nothing done. */
export type AssignmentStatus = "not_started" | "in_progress" | "done" | "late" | "incomplete" | "missing";

export interface StudentAssignment extends ClassAssignment {
  className: string;
  status: AssignmentStatus;
  /** Best submitted quiz score as a share of 1, if any. */
  bestScore: number | null;
  attemptsUsed: number;
  lessonCompleted: boolean;
  /** The student's unsubmitted attempt at this assignment, if any: the page offers "Resume" straight into it. */
  openAttemptId: string | null;
}

/** Derives the status a student and teacher see for one assignment. */
export function assignmentStatus(input: {
  now: Date;
  dueAt: Date | null;
  needsLesson: boolean;
  needsQuiz: boolean;
  lessonStarted: boolean;
  lessonCompleted: boolean;
  quizStarted: boolean;
  firstSubmittedAt: Date | null;
}): AssignmentStatus {
  const lessonDone = !input.needsLesson || input.lessonCompleted;
  const quizDone = !input.needsQuiz || input.firstSubmittedAt !== null;
  if (lessonDone && quizDone) {
    const late = input.dueAt !== null && input.needsQuiz && input.firstSubmittedAt !== null && input.firstSubmittedAt > input.dueAt;
    return late ? "late" : "done";
  }
  const started = input.lessonStarted || input.quizStarted;
  if (input.dueAt && input.now > input.dueAt) return started ? "incomplete" : "missing";
  return started ? "in_progress" : "not_started";
}

/** The signed-in student's assignments across their classes, soonest due first. */
export async function listMyAssignments(now = new Date()): Promise<StudentAssignment[]> {
  const student = await requireUser(["student"]);
  const db = getDb();
  const rows = await db
    .select({ ...classAssignmentColumns, className: classes.name })
    .from(classMembers)
    .innerJoin(classes, and(eq(classes.id, classMembers.classId), isNull(classes.archivedAt)))
    .innerJoin(assignments, eq(assignments.classId, classes.id))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .leftJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .where(eq(classMembers.studentId, student.id))
    .orderBy(asc(assignments.dueAt), desc(assignments.createdAt));
  if (rows.length === 0) return [];
  const myAttempts = await db
    .select({ id: attempts.id, assignmentId: attempts.assignmentId, status: attempts.status, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
    .from(attempts)
    .where(and(eq(attempts.userId, student.id), inArray(attempts.assignmentId, rows.map((r) => r.id))));
  const progress = await db
    .select({ lessonId: readingProgress.lessonId, completedAt: readingProgress.completedAt })
    .from(readingProgress)
    .where(and(eq(readingProgress.userId, student.id), inArray(readingProgress.lessonId, [...new Set(rows.map((r) => r.lessonId))])));
  const progressByLesson = new Map(progress.map((p) => [p.lessonId, p]));
  return rows.map((row) => {
    const mine = myAttempts.filter((a) => a.assignmentId === row.id);
    const submitted = mine.filter((a) => a.status === "submitted" && a.submittedAt);
    const scores = submitted.map((a) => (a.maxScore ? (a.score ?? 0) / a.maxScore : 0));
    const firstSubmittedAt = submitted.length ? new Date(Math.min(...submitted.map((a) => a.submittedAt!.getTime()))) : null;
    const reading = progressByLesson.get(row.lessonId);
    return {
      ...row,
      bestScore: scores.length ? Math.max(...scores) : null,
      attemptsUsed: mine.length,
      lessonCompleted: Boolean(reading?.completedAt),
      openAttemptId: mine.find((a) => a.status === "in_progress")?.id ?? null,
      status: assignmentStatus({
        now,
        dueAt: row.dueAt,
        needsLesson: row.includeLesson,
        needsQuiz: row.quizId !== null,
        lessonStarted: Boolean(reading),
        lessonCompleted: Boolean(reading?.completedAt),
        quizStarted: mine.length > 0,
        firstSubmittedAt,
      }),
    };
  });
}

export interface MyQuizAssignment {
  id: string;
  className: string;
  quizMode: QuizMode;
  dueAt: Date | null;
  attemptLimit: number | null;
  attemptsUsed: number;
  openAttemptId: string | null;
  /** Why a new attempt can't start, if it can't. */
  closedReason: string | null;
}

/** The caller's assignment of this quiz, for the quiz start page; not_found unless the student is in its class. */
export async function getMyQuizAssignment(assignmentId: string, quizId: string, now = new Date()): Promise<MyQuizAssignment> {
  const student = await requireUser(["student"]);
  const db = getDb();
  const [row] = await db
    .select({ id: assignments.id, className: classes.name, quizMode: assignments.quizMode, dueAt: assignments.dueAt, attemptLimit: assignments.attemptLimit })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, student.id)))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.quizId, quizId)));
  if (!row) throw new AppError("not_found", "We couldn't find that assignment.");
  const mine = await db.select({ id: attempts.id, status: attempts.status }).from(attempts).where(and(eq(attempts.userId, student.id), eq(attempts.assignmentId, row.id)));
  const open = mine.find((a) => a.status === "in_progress");
  const closedReason =
    row.dueAt && now > row.dueAt
      ? "This assignment is past its due date."
      : !open && row.attemptLimit !== null && mine.length >= row.attemptLimit
        ? `You have used all ${row.attemptLimit} attempt${row.attemptLimit === 1 ? "" : "s"} your teacher allowed.`
        : null;
  return { ...row, attemptsUsed: mine.length, openAttemptId: open?.id ?? null, closedReason };
}
