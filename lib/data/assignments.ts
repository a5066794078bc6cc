/**
 * Assignments: a lesson and/or its quiz given to a class, with an optional
 * due date, reading level, quiz mode and attempt limit. Teachers manage them
 * for classes they own; students see those of their own classes.
 */
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction, type Database } from "../../db/open";
import { assignments, attempts, classMembers, classes, lessonLevels, lessons, quizzes, readingProgress } from "../../db/tables";
import type { QuizMode } from "../quiz/types";
import { requireUser, type SessionUser } from "./session";
import { formatInZone, isValidTimeZone } from "../dates";
import { AppError } from "../errors";
import { recordAudit } from "./audit";
import { getOwnedClassOrThrow } from "./class-access";

/** How long a removed assignment can be restored with Undo. */
export const ASSIGNMENT_UNDO_MS = 10 * 60_000;

/** Assignments the teacher has not removed. */
export const liveAssignment = isNull(assignments.deletedAt);

export interface NewAssignment {
  classId: string;
  lessonId: string;
  includeLesson: boolean;
  includeQuiz: boolean;
  dueAt: Date | null;
  startAt?: Date | null;
  readingLevel?: number;
  quizMode: QuizMode;
  attemptLimit?: number;
  instructions?: string;
  lateAllowed?: boolean;
  timeZone?: string | null;
  /** The teacher saw that this lesson is already assigned to the class and wants it again. */
  allowDuplicate?: boolean;
}

/** Lessons a teacher may assign: the curriculum and their own imported lessons, each with the reading levels it is written at. */
export async function listAssignableLessons() {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  const rows = await db
    .select({ id: lessons.id, title: lessons.title, quizId: lessons.quizId, origin: lessons.origin })
    .from(lessons)
    .where(and(eq(lessons.retired, false), or(isNull(lessons.ownerId), eq(lessons.ownerId, teacher.id))))
    .orderBy(asc(lessons.position), asc(lessons.title));
  if (rows.length === 0) return [];
  const levelRows = await db
    .select({ lessonId: lessonLevels.lessonId, level: lessonLevels.level })
    .from(lessonLevels)
    .where(inArray(lessonLevels.lessonId, rows.map((row) => row.id)))
    .orderBy(asc(lessonLevels.level));
  return rows.map((row) => ({ ...row, levels: levelRows.filter((l) => l.lessonId === row.id).map((l) => l.level) }));
}

export async function createAssignment(input: NewAssignment, now: Date = new Date()): Promise<{ id: string }> {
  const teacher = await requireUser(["teacher"]);
  if (input.dueAt && input.dueAt.getTime() <= now.getTime()) {
    throw new AppError("bad_request", `The due date (${formatInZone(input.dueAt, input.timeZone)}) has already passed. Pick a time in the future.`);
  }
  if (input.startAt && input.dueAt && input.startAt.getTime() >= input.dueAt.getTime()) throw new AppError("bad_request", "The start must come before the due date.");
  return writeTransaction(getDb(), async (tx) => {
    const owned = await getOwnedClassOrThrow(tx, teacher.id, input.classId);
    if (owned.archivedAt) throw new AppError("bad_request", "This class is archived. Unarchive it to assign work.");
    const [lesson] = await tx
      .select({ id: lessons.id, title: lessons.title, quizId: lessons.quizId })
      .from(lessons)
      .where(and(eq(lessons.id, input.lessonId), eq(lessons.retired, false), or(isNull(lessons.ownerId), eq(lessons.ownerId, teacher.id))));
    if (!lesson) throw new AppError("not_found", "We couldn't find that lesson.");
    if (input.includeQuiz && !lesson.quizId) throw new AppError("bad_request", "This lesson has no quiz to assign.");
    if (input.readingLevel) {
      const [level] = await tx.select({ level: lessonLevels.level }).from(lessonLevels).where(and(eq(lessonLevels.lessonId, lesson.id), eq(lessonLevels.level, input.readingLevel)));
      if (!level) throw new AppError("bad_request", `"${lesson.title}" isn't written at level ${input.readingLevel}. Choose one of its levels, or each student's own.`);
    }
    if (!input.allowDuplicate) {
      const [existing] = await tx
        .select({ id: assignments.id })
        .from(assignments)
        .where(and(eq(assignments.classId, input.classId), eq(assignments.lessonId, lesson.id), liveAssignment));
      if (existing) throw new AppError("conflict", `"${lesson.title}" is already assigned to this class. Tick "Assign it again" if you mean to give it a second time.`);
    }
    const [row] = await tx
      .insert(assignments)
      .values({
        classId: input.classId,
        lessonId: lesson.id,
        includeLesson: input.includeLesson,
        quizId: input.includeQuiz ? lesson.quizId : null,
        dueAt: input.dueAt,
        startAt: input.startAt ?? null,
        readingLevel: input.readingLevel ?? null,
        quizMode: input.quizMode,
        attemptLimit: input.attemptLimit ?? null,
        instructions: input.instructions?.trim() ?? "",
        lateAllowed: input.lateAllowed ?? true,
        timeZone: input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : null,
      })
      .returning({ id: assignments.id });
    await recordAudit(tx, { actor: teacher, action: "assignment.created", classId: input.classId, detail: { assignmentId: row!.id, lesson: lesson.title, quiz: input.includeQuiz, mode: input.quizMode } });
    return { id: row!.id };
  });
}

/** Removes an assignment from every view; students' work stays, and `restoreAssignment` brings it back within ASSIGNMENT_UNDO_MS. */
export async function deleteAssignment(classId: string, assignmentId: string, now: Date = new Date()): Promise<{ lessonTitle: string }> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    const removed = await tx
      .update(assignments)
      .set({ deletedAt: now })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId), liveAssignment))
      .returning({ lessonId: assignments.lessonId });
    if (removed.length === 0) throw new AppError("not_found", "We couldn't find that assignment.");
    const [lesson] = await tx.select({ title: lessons.title }).from(lessons).where(eq(lessons.id, removed[0]!.lessonId));
    const lessonTitle = lesson?.title ?? removed[0]!.lessonId;
    await recordAudit(tx, { actor: teacher, action: "assignment.removed", classId, detail: { assignmentId, lesson: lessonTitle } });
    return { lessonTitle };
  });
}

/** Undo of `deleteAssignment`, while the undo window lasts. */
export async function restoreAssignment(classId: string, assignmentId: string, now: Date = new Date()): Promise<void> {
  const teacher = await requireUser(["teacher"]);
  await writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    const restored = await tx
      .update(assignments)
      .set({ deletedAt: null })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId), isNotNull(assignments.deletedAt), gt(assignments.deletedAt, new Date(now.getTime() - ASSIGNMENT_UNDO_MS))))
      .returning({ id: assignments.id });
    if (restored.length === 0) throw new AppError("not_found", "That assignment can no longer be restored.");
    await recordAudit(tx, { actor: teacher, action: "assignment.restored", classId, detail: { assignmentId } });
  });
}

/** Assignments of the class removed within the undo window, newest first. */
export async function listRecentlyRemovedAssignments(classId: string, now: Date = new Date()) {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  const rows = await db
    .select({ id: assignments.id, lessonTitle: lessons.title, deletedAt: assignments.deletedAt })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(and(eq(assignments.classId, classId), gt(assignments.deletedAt, new Date(now.getTime() - ASSIGNMENT_UNDO_MS))))
    .orderBy(desc(assignments.deletedAt));
  return rows.map((row) => ({ id: row.id, lessonTitle: row.lessonTitle, undoUntil: new Date(row.deletedAt!.getTime() + ASSIGNMENT_UNDO_MS) }));
}

export interface ClassAssignment {
  id: string;
  lessonId: string;
  lessonTitle: string;
  quizId: string | null;
  quizTitle: string | null;
  includeLesson: boolean;
  dueAt: Date | null;
  startAt: Date | null;
  readingLevel: number | null;
  quizMode: QuizMode;
  attemptLimit: number | null;
  instructions: string;
  lateAllowed: boolean;
  timeZone: string | null;
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
  startAt: assignments.startAt,
  readingLevel: assignments.readingLevel,
  quizMode: assignments.quizMode,
  attemptLimit: assignments.attemptLimit,
  instructions: assignments.instructions,
  lateAllowed: assignments.lateAllowed,
  timeZone: assignments.timeZone,
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
    .where(and(eq(assignments.classId, classId), liveAssignment))
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
}

/**
 * "upcoming": its start date has not come; "incomplete": past due with only part of the work
 * done; "missing": past due with nothing done.
 */
export type AssignmentStatus = "upcoming" | "not_started" | "in_progress" | "done" | "late" | "incomplete" | "missing";

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
  startAt?: Date | null;
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
  if (!started && input.startAt && input.now < input.startAt) return "upcoming";
  if (input.dueAt && input.now > input.dueAt) return started ? "incomplete" : "missing";
  return started ? "in_progress" : "not_started";
}

/** Visible to students: not removed, and its start date (if any) has come. */
const openedBy = (now: Date) => and(liveAssignment, or(isNull(assignments.startAt), lte(assignments.startAt, now)));

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
    .where(and(eq(classMembers.studentId, student.id), openedBy(now)))
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
        startAt: row.startAt,
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

// ---------------------------------------------------------------- a student's assignments of one quiz

/** One of the student's assignments of a quiz, with their attempts at it. */
export interface QuizAssignmentOfStudent {
  id: string;
  classId: string;
  className: string;
  quizMode: QuizMode;
  dueAt: Date | null;
  startAt: Date | null;
  attemptLimit: number | null;
  lateAllowed: boolean;
  timeZone: string | null;
  instructions: string;
  readingLevel: number | null;
  attemptsUsed: number;
  openAttemptId: string | null;
  submitted: boolean;
}

/**
 * Every live assignment of `quizId` in the student's (unarchived) classes,
 * including those whose start date has not come. Used wherever an attempt at
 * the quiz can start or a key could be shown (lib/data/attempts.ts,
 * lib/data/guest-grading.ts), so that work started anywhere is the
 * assignment's work and a test stays a test.
 */
export async function studentQuizAssignments(db: Database, studentId: string, quizId: string): Promise<QuizAssignmentOfStudent[]> {
  const rows = await db
    .select({
      id: assignments.id,
      classId: assignments.classId,
      className: classes.name,
      quizMode: assignments.quizMode,
      dueAt: assignments.dueAt,
      startAt: assignments.startAt,
      attemptLimit: assignments.attemptLimit,
      lateAllowed: assignments.lateAllowed,
      timeZone: assignments.timeZone,
      instructions: assignments.instructions,
      readingLevel: assignments.readingLevel,
    })
    .from(assignments)
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, studentId)))
    .innerJoin(classes, and(eq(classes.id, assignments.classId), isNull(classes.archivedAt)))
    .where(and(eq(assignments.quizId, quizId), liveAssignment))
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
  if (rows.length === 0) return [];
  const mine = await db
    .select({ id: attempts.id, assignmentId: attempts.assignmentId, status: attempts.status })
    .from(attempts)
    .where(and(eq(attempts.userId, studentId), inArray(attempts.assignmentId, rows.map((row) => row.id))));
  return rows.map((row) => {
    const own = mine.filter((a) => a.assignmentId === row.id);
    return {
      ...row,
      attemptsUsed: own.length,
      openAttemptId: own.find((a) => a.status === "in_progress")?.id ?? null,
      submitted: own.some((a) => a.status === "submitted"),
    };
  });
}

/** Why the student can't start a new attempt at this assignment now, or null. An open attempt can always be resumed (saving and submitting check the due date). */
export function assignmentClosedReason(assignment: QuizAssignmentOfStudent, now: Date): string | null {
  if (assignment.openAttemptId) return null;
  if (assignment.startAt && now < assignment.startAt) return `This assignment opens ${formatInZone(assignment.startAt, assignment.timeZone)}.`;
  if (assignment.dueAt && now > assignment.dueAt && !assignment.lateAllowed) {
    return `This assignment was due ${formatInZone(assignment.dueAt, assignment.timeZone)}, and your teacher isn't accepting late work. Ask your teacher if you need more time.`;
  }
  if (assignment.attemptLimit !== null && assignment.attemptsUsed >= assignment.attemptLimit) {
    return `You have used all ${assignment.attemptLimit} attempt${assignment.attemptLimit === 1 ? "" : "s"} your teacher allowed.`;
  }
  return null;
}

/**
 * A test the student has not submitted and can still take (or will be able
 * to, once it opens): while one exists, nothing may reveal the quiz's keys to
 * them outside that test's own attempt.
 */
export function isOpenTest(assignment: QuizAssignmentOfStudent, now: Date): boolean {
  if (assignment.quizMode !== "test" || assignment.submitted) return false;
  const closedForGood = !assignment.openAttemptId && assignment.dueAt !== null && now > assignment.dueAt && !assignment.lateAllowed;
  return !closedForGood;
}

/**
 * The assignment a start of this quiz belongs to: one with an open attempt
 * (resume it), else the soonest-due one that still needs work and can start,
 * else any that can start. Null when none can (then the start is the
 * student's own, unless a test is open: see lib/data/attempts.ts).
 */
export function assignmentForStart(list: QuizAssignmentOfStudent[], now: Date): QuizAssignmentOfStudent | null {
  const open = list.find((a) => a.openAttemptId);
  if (open) return open;
  const startable = list.filter((a) => assignmentClosedReason(a, now) === null);
  return startable.find((a) => !a.submitted) ?? startable[0] ?? null;
}

export function openTestMessage(test: QuizAssignmentOfStudent): string {
  const due = test.dueAt ? `, due ${formatInZone(test.dueAt, test.timeZone)}` : "";
  return `${test.className} has this quiz as a test${due}. Practice, answer checks, review cards and earlier results for it come back once you submit the test.`;
}

/**
 * A test is a test: while a student has an unsubmitted test assignment of the
 * quiz (even one not open yet), nothing but that test's own attempt may grade
 * or explain its questions for them. `ownAssignmentId` is the assignment of
 * the attempt being used, which is allowed. Called by every path that returns
 * correctness, explanations or keys (docs/GRADING.md "Tests stay tests").
 */
export async function assertNoOpenTest(db: Database, user: SessionUser, quizId: string, now: Date, ownAssignmentId: string | null = null): Promise<void> {
  if (user.role !== "student") return;
  const test = (await studentQuizAssignments(db, user.id, quizId)).find((a) => a.id !== ownAssignmentId && isOpenTest(a, now));
  if (test) throw new AppError("conflict", openTestMessage(test));
}

/** Quizzes under an open test for this student (see isOpenTest): review leaves their cards alone until it is submitted. */
export async function openTestQuizIds(db: Database, user: SessionUser, now: Date): Promise<string[]> {
  if (user.role !== "student") return [];
  const tests = await db
    .select({ quizId: assignments.quizId })
    .from(assignments)
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, user.id)))
    .innerJoin(classes, and(eq(classes.id, assignments.classId), isNull(classes.archivedAt)))
    .where(and(eq(assignments.quizMode, "test"), isNotNull(assignments.quizId), liveAssignment));
  const ids = [...new Set(tests.map((t) => t.quizId!))];
  const locked: string[] = [];
  for (const quizId of ids) if ((await studentQuizAssignments(db, user.id, quizId)).some((a) => isOpenTest(a, now))) locked.push(quizId);
  return locked;
}

export interface MyQuizAssignment extends QuizAssignmentOfStudent {
  /** Why a new attempt can't start, if it can't. */
  closedReason: string | null;
  /** Past due, but the teacher accepts late work: it will be marked Late. */
  late: boolean;
  /** Some test of this quiz is open for the student (isOpenTest): no practice, checks or earlier results until it is submitted. */
  testOpen: boolean;
}

/**
 * The caller's assignment of this quiz for the quiz start page: the one named
 * (not_found unless the student is in its class), or else the one a start
 * would use, or null when the quiz is not assigned to them.
 */
export async function getMyQuizAssignment(quizId: string, assignmentId?: string, now = new Date()): Promise<MyQuizAssignment | null> {
  const student = await requireUser(["student"]);
  const all = await studentQuizAssignments(getDb(), student.id, quizId);
  const list = all.filter((a) => !a.startAt || a.startAt <= now || a.id === assignmentId);
  let chosen: QuizAssignmentOfStudent | null;
  if (assignmentId) {
    chosen = list.find((a) => a.id === assignmentId) ?? null;
    if (!chosen) throw new AppError("not_found", "We couldn't find that assignment.");
  } else {
    // A test not open yet still locks practice, so the page says when it opens.
    chosen = assignmentForStart(list, now) ?? all.find((a) => isOpenTest(a, now)) ?? list[0] ?? null;
  }
  if (!chosen) return null;
  const closedReason = assignmentClosedReason(chosen, now);
  return { ...chosen, closedReason, late: closedReason === null && chosen.dueAt !== null && now > chosen.dueAt, testOpen: all.some((a) => isOpenTest(a, now)) };
}
