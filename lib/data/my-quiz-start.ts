/**
 * The caller's own parts of a quiz's start page: their assignment of it (students),
 * the attempts they can resume, and their submitted attempts. The page itself is
 * shared by everyone (docs/ARCHITECTURE.md "Cached pages"); this comes through
 * GET /api/me?quiz=<id>, or straight from the per-request page for teachers and
 * private quizzes. Only the caller's own rows are read.
 */
import "server-only";
import { isAppError } from "../errors";
import type { ViewerQuiz } from "../viewer";
import { getMyQuizAssignment, type MyQuizAssignment } from "./assignments";
import { listMyAttempts, openAttemptsAt } from "./attempts";
import { requireUser } from "./session";

async function assignmentOf(quizId: string, assignmentId: string | undefined, lenient: boolean): Promise<{ assignment: MyQuizAssignment | null; notFound: boolean }> {
  try {
    return { assignment: await getMyQuizAssignment(quizId, assignmentId), notFound: false };
  } catch (error) {
    // A link naming someone else's assignment: the shared page offers the quiz without it (the per-request page 404s).
    if (lenient && assignmentId && isAppError(error) && error.code === "not_found") return { assignment: await getMyQuizAssignment(quizId), notFound: true };
    throw error;
  }
}

/** `lenient`: an assignment id that isn't the caller's is reported (`assignmentNotFound`) instead of thrown as not_found. */
export async function getMyQuizStart(quizId: string, assignmentId?: string, { lenient = false } = {}): Promise<ViewerQuiz> {
  const user = await requireUser();
  const { assignment, notFound } = user.role === "student" ? await assignmentOf(quizId, assignmentId, lenient) : { assignment: null, notFound: false };
  const [open, history] = await Promise.all([openAttemptsAt(quizId), listMyAttempts({ quizId, limit: 20 })]);
  return {
    assignment: assignment
      ? {
          id: assignment.id,
          className: assignment.className,
          quizMode: assignment.quizMode,
          dueAt: assignment.dueAt?.toISOString() ?? null,
          timeZone: assignment.timeZone,
          attemptLimit: assignment.attemptLimit,
          attemptsUsed: assignment.attemptsUsed,
          instructions: assignment.instructions,
          late: assignment.late,
          closedReason: assignment.closedReason,
          openAttemptId: assignment.openAttemptId,
          testOpen: assignment.testOpen,
        }
      : null,
    assignmentNotFound: notFound,
    open: { practice: open.practice !== undefined, test: open.test !== undefined },
    history: history
      .filter((attempt) => attempt.status === "submitted")
      .map((attempt) => ({ attemptId: attempt.attemptId, mode: attempt.mode, percent: attempt.percent, submittedAt: attempt.submittedAt?.toISOString() ?? null })),
  };
}
