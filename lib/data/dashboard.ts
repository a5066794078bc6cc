/**
 * The teacher's class dashboard: a students × assignments grid, the data
 * behind exports, and item analysis. Only for the class's own teacher.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { assignments, attempts, classMembers, lessons, questionVersions, quizzes, readingProgress, responses, users } from "../../db/tables";
import { requireUser } from "./session";
import { assignmentStatus, type AssignmentStatus, type ClassAssignment, listClassAssignments } from "./assignments";
import { ATTENTION_AVERAGE, FALLING_DROP, type Attention } from "../quiz/score-bands";
import { assertStudentOfTeacherOrThrow, getOwnedClassOrThrow } from "./class-access";

export { FALLING_DROP, LOW_SCORE, STRONG_SCORE, scoreBand, needsHelpRank, type Attention, type ScoreBand } from "../quiz/score-bands";

export interface GridCell {
  status: AssignmentStatus;
  bestScore: number | null;
  attempts: number;
  lessonCompleted: boolean;
  /** What the cell adds to the average: the best score, 0 for past-due quiz work not submitted, null when it doesn't count (yet). */
  counted: number | null;
}

export interface GridRow {
  studentId: string;
  displayName: string;
  username: string;
  /**
   * Mean over quiz assignments of the best submitted score, with past-due quizzes
   * not submitted counted as 0; quizzes not yet due and not submitted are left out.
   * Null when nothing counts yet.
   */
  average: number | null;
  /** How many past-due quizzes were counted as 0 in the average. */
  zeros: number;
  attention: Attention;
  /** Whether any of the attention reasons holds. */
  needsAttention: boolean;
  cells: Record<string, GridCell>;
}

export interface AssignmentSummary {
  submitted: number;
  total: number;
  /** Mean best score of those who submitted. */
  average: number | null;
}

export interface ClassGrid {
  assignments: ClassAssignment[];
  rows: GridRow[];
  summaries: Record<string, AssignmentSummary>;
}

export async function getClassGrid(classId: string, now = new Date()): Promise<ClassGrid> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  const work = await listClassAssignments(classId);
  const students = await db
    .select({ id: users.id, displayName: users.displayName, username: users.username })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(eq(classMembers.classId, classId))
    .orderBy(asc(users.displayName));
  const studentIds = students.map((s) => s.id);
  const assignmentIds = work.map((a) => a.id);
  const tries =
    studentIds.length && assignmentIds.length
      ? await db
          .select({ userId: attempts.userId, assignmentId: attempts.assignmentId, status: attempts.status, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
          .from(attempts)
          .where(and(inArray(attempts.assignmentId, assignmentIds), inArray(attempts.userId, studentIds)))
      : [];
  const lessonIds = [...new Set(work.map((a) => a.lessonId))];
  const reading =
    studentIds.length && lessonIds.length
      ? await db
          .select({ userId: readingProgress.userId, lessonId: readingProgress.lessonId, completedAt: readingProgress.completedAt })
          .from(readingProgress)
          .where(and(inArray(readingProgress.userId, studentIds), inArray(readingProgress.lessonId, lessonIds)))
      : [];
  const readingKey = (userId: string, lessonId: string) => `${userId}|${lessonId}`;
  const readingMap = new Map(reading.map((r) => [readingKey(r.userId, r.lessonId), r]));
  const triesByKey = new Map<string, typeof tries>();
  for (const t of tries) {
    const key = `${t.userId}|${t.assignmentId}`;
    triesByKey.set(key, [...(triesByKey.get(key) ?? []), t]);
  }

  const rows: GridRow[] = students.map((student) => {
    const cells: Record<string, GridCell> = {};
    const counted: number[] = [];
    // Best score per submitted quiz, by when it was first submitted, for "falling".
    const history: { at: number; score: number }[] = [];
    let zeros = 0;
    let missing = 0;
    for (const assignment of work) {
      const mine = triesByKey.get(`${student.id}|${assignment.id}`) ?? [];
      const submitted = mine.filter((t) => t.status === "submitted" && t.submittedAt);
      const scores = submitted.map((t) => (t.maxScore ? (t.score ?? 0) / t.maxScore : 0));
      const bestScore = scores.length ? Math.max(...scores) : null;
      const progress = readingMap.get(readingKey(student.id, assignment.lessonId));
      const firstSubmittedAt = submitted.length ? new Date(Math.min(...submitted.map((t) => t.submittedAt!.getTime()))) : null;
      const status = assignmentStatus({
        now,
        dueAt: assignment.dueAt,
        startAt: assignment.startAt,
        needsLesson: assignment.includeLesson,
        needsQuiz: assignment.quizId !== null,
        lessonStarted: Boolean(progress),
        lessonCompleted: Boolean(progress?.completedAt),
        quizStarted: mine.length > 0,
        firstSubmittedAt,
      });
      // Past-due work counts as not done when nothing was done or the quiz wasn't submitted; a submitted quiz with the reading unfinished doesn't.
      if (status === "missing" || (status === "incomplete" && assignment.quizId !== null && bestScore === null) || (status === "incomplete" && assignment.quizId === null)) missing += 1;
      let cellCounted: number | null = null;
      if (assignment.quizId) {
        if (bestScore !== null) {
          cellCounted = bestScore;
          history.push({ at: firstSubmittedAt!.getTime(), score: bestScore });
        } else if (assignment.dueAt && now > assignment.dueAt) {
          // Missing counts as 0, as in a gradebook: otherwise skipping work would raise the average.
          cellCounted = 0;
          zeros += 1;
        }
      }
      if (cellCounted !== null) counted.push(cellCounted);
      cells[assignment.id] = { bestScore, attempts: mine.length, lessonCompleted: Boolean(progress?.completedAt), status, counted: cellCounted };
    }
    const average = counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : null;
    history.sort((a, b) => a.at - b.at);
    const latest = history.at(-1);
    const earlier = history.slice(0, -1);
    const earlierMean = earlier.length ? earlier.reduce((sum, h) => sum + h.score, 0) / earlier.length : null;
    const attention: Attention = {
      missing,
      low: average !== null && average < ATTENTION_AVERAGE,
      falling: latest !== undefined && earlierMean !== null && latest.score <= earlierMean - FALLING_DROP,
    };
    return {
      studentId: student.id,
      displayName: student.displayName,
      username: student.username,
      average,
      zeros,
      attention,
      needsAttention: attention.missing > 0 || attention.low || attention.falling,
      cells,
    };
  });
  const summaries: Record<string, AssignmentSummary> = {};
  for (const assignment of work) {
    const scores = rows.map((r) => r.cells[assignment.id]!.bestScore).filter((x): x is number => x !== null);
    const done = rows.filter((r) => ["done", "late"].includes(r.cells[assignment.id]!.status)).length;
    summaries[assignment.id] = { submitted: assignment.quizId ? scores.length : done, total: rows.length, average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null };
  }
  return { assignments: work, rows, summaries };
}

/** Quizzes assigned to this class (for the item-analysis picker). */
export async function listClassQuizzes(classId: string) {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  // The sort key is selected too: PostgreSQL refuses `select distinct … order by` a column outside the select list.
  const rows = await db
    .selectDistinct({ quizId: quizzes.id, title: quizzes.title, lessonId: lessons.id, lessonTitle: lessons.title, position: lessons.position })
    .from(assignments)
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(and(eq(assignments.classId, classId), isNotNull(assignments.quizId), isNull(assignments.deletedAt)))
    .orderBy(asc(lessons.position), asc(quizzes.title));
  return rows.map(({ position: _position, ...quiz }) => quiz);
}

export interface StudentAttemptDetail {
  attemptId: string;
  assignmentId: string | null;
  quizTitle: string;
  submittedAt: Date | null;
  score: number | null;
  missed: { questionId: string; prompt: string; outcome: "partial" | "incorrect"; evidence: string }[];
}

/** A student's submitted attempts on this class's assignments, with what they missed; for the class's teacher. */
export async function getStudentDetailForTeacher(classId: string, studentId: string) {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await assertStudentOfTeacherOrThrow(db, teacher.id, classId, studentId);
  const grid = await getClassGrid(classId);
  const row = grid.rows.find((r) => r.studentId === studentId)!;
  const assignmentIds = grid.assignments.map((a) => a.id);
  const tries = assignmentIds.length
    ? await db
        .select({ id: attempts.id, assignmentId: attempts.assignmentId, quizTitle: quizzes.title, submittedAt: attempts.submittedAt, score: attempts.score, maxScore: attempts.maxScore })
        .from(attempts)
        .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
        .where(and(eq(attempts.userId, studentId), eq(attempts.status, "submitted"), inArray(attempts.assignmentId, assignmentIds)))
        .orderBy(desc(attempts.submittedAt))
    : [];
  const misses = tries.length
    ? await db
        .select({ attemptId: responses.attemptId, questionId: responses.questionId, outcome: responses.outcome, data: questionVersions.publicData, evidence: questionVersions.evidence })
        .from(responses)
        .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
        .where(and(inArray(responses.attemptId, tries.map((t) => t.id)), ne(responses.outcome, "correct")))
    : [];
  const attemptsDetail: StudentAttemptDetail[] = tries.map((t) => ({
    attemptId: t.id,
    assignmentId: t.assignmentId,
    quizTitle: t.quizTitle,
    submittedAt: t.submittedAt,
    score: t.maxScore ? (t.score ?? 0) / t.maxScore : null,
    missed: misses
      .filter((m) => m.attemptId === t.id)
      .map((m) => ({ questionId: m.questionId, prompt: (m.data as { prompt: string }).prompt, outcome: m.outcome as "partial" | "incorrect", evidence: m.evidence })),
  }));
  return { student: { id: row.studentId, displayName: row.displayName, username: row.username, average: row.average }, assignments: grid.assignments, cells: row.cells, attempts: attemptsDetail };
}
