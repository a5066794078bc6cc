/**
 * The teacher's home: "who needs me today" across the teacher's active
 * classes. Built on the class grid (lib/data/dashboard.ts), so every number
 * here matches the class page. Only the signed-in teacher's own classes.
 */
import "server-only";
import { requireUser } from "./session";
import type { ClassAssignment } from "./assignments";
import { listTeacherClasses } from "./classes";
import { getClassGrid, type GridRow } from "./dashboard";

/** A best score under this share of the points is "low" (a failing grade, not merely below average). */
export const LOW_SCORE = 0.5;
/** The newest quiz score this far under the student's earlier average is "falling". */
export const FALLING_DROP = 0.15;
/** Assignments due within this window count as "due soon". */
export const DUE_SOON_DAYS = 7;
const DAY = 86_400_000;

export type NeedReason =
  | { kind: "missing"; assignments: string[] }
  | { kind: "incomplete"; assignments: string[] }
  | { kind: "low_score"; assignment: string; score: number }
  | { kind: "falling"; from: number; to: number }
  | { kind: "not_started_due_soon"; assignment: string; dueAt: Date };

export interface StudentNeed {
  studentId: string;
  displayName: string;
  /** Higher first: missing work weighs most, then low and falling scores, then work due soon. */
  priority: number;
  reasons: NeedReason[];
}

export interface AssignmentPulse {
  id: string;
  title: string;
  dueAt: Date | null;
  hasQuiz: boolean;
  /** Students who submitted the quiz (or, for reading-only work, finished the reading). */
  submitted: number;
  students: number;
  /** Mean best score of those who submitted; null for reading-only work or no submissions. */
  averageScore: number | null;
  state: "overdue" | "due_soon" | "open";
}

export interface ClassToday {
  id: string;
  name: string;
  studentCount: number;
  /** The students most in need, highest priority first (at most `needsPerClass`). */
  needs: StudentNeed[];
  /** How many students need attention in all. */
  needsTotal: number;
  assignments: AssignmentPulse[];
}

/** A short name for a reason line: "UN sanctions on North Korea: from Resolution 1718 to 2397 (2006-2017)" -> "UN sanctions on North Korea". */
export function shortTitle(title: string): string {
  const head = title.split(/:\s/)[0]!.replace(/\s*\([^)]*\)\s*$/, "").trim();
  return head || title;
}

function titleOf(assignment: ClassAssignment): string {
  return shortTitle(assignment.quizTitle && !assignment.includeLesson ? assignment.quizTitle : assignment.lessonTitle);
}

/** Why this student needs the teacher, from their grid row; empty when all is well. */
export function needsOf(row: GridRow, work: ClassAssignment[], now: Date): StudentNeed {
  const reasons: NeedReason[] = [];
  const missing = work.filter((a) => row.cells[a.id]?.status === "missing").map(titleOf);
  // Past due and unfinished, counting only what is graded: a submitted quiz with the reading left unfinished is not worth a teacher's morning.
  const incomplete = work
    .filter((a) => {
      const cell = row.cells[a.id];
      return cell?.status === "incomplete" && (a.quizId ? cell.bestScore === null : !cell.lessonCompleted);
    })
    .map(titleOf);
  if (missing.length) reasons.push({ kind: "missing", assignments: missing });
  if (incomplete.length) reasons.push({ kind: "incomplete", assignments: incomplete });

  // Scores in the order the work was given (due date, then creation), which is the grid's order.
  const scored = work.filter((a) => a.quizId && row.cells[a.id]?.bestScore != null).map((a) => ({ assignment: a, score: row.cells[a.id]!.bestScore! }));
  // A failing grade on the newest quiz, or a failing average (the grid's rule): an old failing score since made up for is not
  // today's business (with any low score counting, the demo class listed 14 of 28 students; this way 9).
  const newest = scored.at(-1);
  const newestLow = newest && newest.score < LOW_SCORE ? newest : undefined;
  const lowest = row.attention.low ? (scored.filter((s) => s.score < LOW_SCORE).sort((a, b) => a.score - b.score)[0] ?? newestLow) : newestLow;
  if (lowest) reasons.push({ kind: "low_score", assignment: titleOf(lowest.assignment), score: lowest.score });
  if (scored.length >= 2) {
    const latest = scored.at(-1)!.score;
    const earlier = scored.slice(0, -1).map((s) => s.score);
    const before = earlier.reduce((a, b) => a + b, 0) / earlier.length;
    if (before - latest >= FALLING_DROP) reasons.push({ kind: "falling", from: before, to: latest });
  }
  const soon = work.find((a) => a.dueAt && a.dueAt > now && a.dueAt.getTime() - now.getTime() <= 2 * DAY && row.cells[a.id]?.status === "not_started");
  if (soon) reasons.push({ kind: "not_started_due_soon", assignment: titleOf(soon), dueAt: soon.dueAt! });

  const weight: Record<NeedReason["kind"], number> = { missing: 4, incomplete: 3, low_score: 2, falling: 2, not_started_due_soon: 1 };
  const priority =
    reasons.reduce((sum, r) => sum + weight[r.kind] * (r.kind === "missing" || r.kind === "incomplete" ? r.assignments.length : 1), 0) +
    (lowest ? LOW_SCORE - lowest.score : 0);
  return { studentId: row.studentId, displayName: row.displayName, priority, reasons };
}

function pulseOf(assignment: ClassAssignment, rows: GridRow[], now: Date): AssignmentPulse {
  const hasQuiz = assignment.quizId !== null;
  const cells = rows.map((r) => r.cells[assignment.id]).filter((c) => c !== undefined);
  const done = hasQuiz ? cells.filter((c) => c.bestScore !== null) : cells.filter((c) => c.lessonCompleted);
  const scores = done.map((c) => c.bestScore).filter((s): s is number => s !== null);
  const due = assignment.dueAt?.getTime();
  return {
    id: assignment.id,
    title: titleOf(assignment),
    dueAt: assignment.dueAt,
    hasQuiz,
    submitted: done.length,
    students: rows.length,
    averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    state: due === undefined ? "open" : due < now.getTime() ? "overdue" : due - now.getTime() <= DUE_SOON_DAYS * DAY ? "due_soon" : "open",
  };
}

/**
 * Per active class: the students who most need attention (with reasons) and
 * the assignments that matter now (overdue in the last two weeks, due soon, or
 * undated and recent), each with how many students have turned it in.
 */
export async function getTeacherToday(now = new Date(), options: { needsPerClass?: number } = {}): Promise<ClassToday[]> {
  await requireUser(["teacher"]);
  const classes = (await listTeacherClasses()).filter((c) => !c.archived);
  const limit = options.needsPerClass ?? 5;
  return Promise.all(
    classes.map(async (summary) => {
      const grid = await getClassGrid(summary.id, now);
      const needs = grid.rows
        .map((row) => needsOf(row, grid.assignments, now))
        .filter((n) => n.reasons.length > 0)
        .sort((a, b) => b.priority - a.priority || a.displayName.localeCompare(b.displayName));
      const relevant = grid.assignments.filter((a) => {
        if (!a.dueAt) return now.getTime() - a.createdAt.getTime() <= 14 * DAY;
        return a.dueAt.getTime() >= now.getTime() - 14 * DAY;
      });
      return {
        id: summary.id,
        name: summary.name,
        studentCount: grid.rows.length,
        needs: needs.slice(0, limit),
        needsTotal: needs.length,
        assignments: relevant.map((a) => pulseOf(a, grid.rows, now)),
      };
    }),
  );
}
