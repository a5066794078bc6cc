"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { idleState } from "@/lib/action-state";
import { deleteImportAction } from "../actions";

export function DeleteDraft({ draftId }: { draftId: string }) {
  const [state, action] = useActionState(deleteImportAction, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="text-sm font-semibold text-red-800 underline dark:text-red-300" onClick={() => setConfirming(true)}>
        Delete this draft…
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <span className="text-sm">Delete the draft and all your edits?</span>
      <SubmitButton className="btn-danger" pendingLabel="Deleting…">
        Delete draft
      </SubmitButton>
      <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </form>
  );
}

