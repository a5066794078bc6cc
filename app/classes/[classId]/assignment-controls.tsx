"use client";

import { useActionState, useState } from "react";
import { idleState } from "@/lib/action-state";
import { SubmitButton } from "@/app/ui/form";
import { LocalTime } from "@/app/ui/local-time";
import { deleteAssignmentAction, restoreAssignmentAction } from "../actions";

/** "Remove" asks first; the class page then offers Undo for a few minutes (lib/data/assignments.ts ASSIGNMENT_UNDO_MS). */
export function RemoveAssignmentButton({ classId, assignmentId, title }: { classId: string; assignmentId: string; title: string }) {
  const [state, action] = useActionState(deleteAssignmentAction, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-sm text-red-700 hover:underline dark:text-red-300" data-no-print>
        Remove<span className="sr-only"> assignment {title}</span>
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-label={`Confirm removing ${title}`} className="flex flex-wrap items-center gap-2 text-sm" data-no-print>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <span>Remove it from students&apos; lists? Their work is kept, and you can undo for 10 minutes.</span>
      <SubmitButton className="btn-danger px-2 py-1 text-sm" pendingLabel="Removing…">
        Yes, remove<span className="sr-only"> {title}</span>
      </SubmitButton>
      <button type="button" onClick={() => setConfirming(false)} className="text-brand-700 hover:underline dark:text-brand-300">
        Cancel
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function UndoRemoval({ classId, assignmentId, title, undoUntil }: { classId: string; assignmentId: string; title: string; undoUntil: Date }) {
  const [state, action] = useActionState(restoreAssignmentAction, idleState);
  return (
    <form action={action} role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <span>
        Removed &quot;{title}&quot;. Students no longer see it; their work is kept. Undo until <LocalTime date={undoUntil} style="short" />.
      </span>
      <SubmitButton className="btn-secondary px-2 py-1 text-sm" pendingLabel="Restoring…">
        Undo<span className="sr-only"> removing {title}</span>
      </SubmitButton>
      {state.status === "error" ? <span className="text-red-700 dark:text-red-300">{state.message}</span> : null}
    </form>
  );
}
