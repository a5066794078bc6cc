"use client";

/**
 * The bottom of the review screen: what went wrong, whether everything is saved,
 * and the save, publish, download and delete controls. Save and publish post the
 * whole draft (title and questions as JSON) to their server actions.
 */
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import { DeleteDraft } from "./delete-draft";

export function SaveAndPublish({
  draftId,
  title,
  questionsJson,
  dirty,
  published,
  errorQuestion,
  saveState,
  saveAction,
  publishState,
  publishAction,
  onSubmit,
}: {
  draftId: string;
  title: string;
  questionsJson: string;
  dirty: boolean;
  /** The draft has a published lesson (so the button publishes changes and the draft can't be deleted here). */
  published: boolean;
  /** Index of the question the server's error belongs to, or -1 (the message is then shown here). */
  errorQuestion: number;
  saveState: ActionState;
  saveAction: (formData: FormData) => void;
  publishState: ActionState<unknown>;
  publishAction: (formData: FormData) => void;
  onSubmit: () => void;
}) {
  return (
    <div className="card space-y-3" data-no-print>
      {errorQuestion >= 0 ? (
        <p role="alert" className="text-sm font-semibold text-red-800 dark:text-red-300">
          Question {errorQuestion + 1} needs fixing before this can be saved; see the message on that question.
        </p>
      ) : (
        <>
          <FormMessage state={publishState.status === "ok" ? idleState : publishState} />
          <FormMessage state={saveState} />
        </>
      )}
      <p className={`text-sm ${dirty ? "font-semibold text-amber-800 dark:text-amber-300" : "muted"}`} data-testid="save-status">
        {dirty ? "Unsaved changes" : "All changes saved"}
      </p>
      <div className="flex flex-wrap gap-3">
        <form action={saveAction} onSubmit={onSubmit}>
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="title" value={title} />
          <input type="hidden" name="questions" value={questionsJson} />
          <SubmitButton className="btn-secondary" pendingLabel="Saving…">
            Save draft
          </SubmitButton>
        </form>
        <form action={publishAction} onSubmit={onSubmit}>
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="title" value={title} />
          <input type="hidden" name="questions" value={questionsJson} />
          <SubmitButton pendingLabel="Publishing…">{published ? "Publish changes" : "Publish lesson and quiz"}</SubmitButton>
        </form>
        <a href={`/import/${draftId}/download`} className="btn-secondary" download>
          Download content files (.zip)
        </a>
      </div>
      <p className="muted text-sm">Publishing saves your edits first. The download holds lesson.yaml, the reading text and the quiz in the content/ format of the saved draft.</p>
      {!published ? <DeleteDraft draftId={draftId} /> : null}
    </div>
  );
}
