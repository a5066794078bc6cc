"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { idleState } from "@/lib/action-state";
import { startAttemptAction } from "./actions";

export function StartForm({ quizId, mode, label, assignmentId }: { quizId: string; mode: "practice" | "test"; label: string; assignmentId?: string }) {
  const [state, action] = useActionState(startAttemptAction, idleState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="mode" value={mode} />
      {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
      <SubmitButton className={mode === "test" ? "btn-primary" : "btn-secondary"} pendingLabel="Opening…">
        {label}
      </SubmitButton>
    </form>
  );
}
