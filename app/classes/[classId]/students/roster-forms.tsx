"use client";

import { createContext, use, useActionState, useEffect, useRef, useState } from "react";
import type { IssuedCredentials } from "@/lib/data/classes";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import { FormMessage, SubmitButton, fieldErrors, submittedValue } from "@/app/ui/form";
import { addRosterAction, deleteStudentAction, removeStudentAction, resetPasswordAction, undoPasswordResetAction } from "../../actions";
import { LocalTime } from "@/app/ui/local-time";

type Dispatch = (formData: FormData) => void;

interface RosterActionsValue {
  removeState: ActionState;
  remove: Dispatch;
  deleteState: ActionState;
  deleteAccount: Dispatch;
}

const RosterActionsContext = createContext<RosterActionsValue | null>(null);

function useRosterActions(): RosterActionsValue {
  const value = use(RosterActionsContext);
  if (!value) throw new Error("Roster forms must be inside <RosterActions>.");
  return value;
}

/** A failed action's state, if it was about this student (the roster shares one state per action). */
function failureFor(state: ActionState, studentId: string): ActionState {
  return (state.status === "error" || state.status === "invalid") && state.values?.studentId === studentId ? state : idleState;
}

/**
 * Removing or deleting a student takes their row off the roster, so the forms
 * in that row can't show what happened. The action state lives here, above
 * the rows: the latest success is shown (and focused) at the top of the
 * roster, and a failure stays next to the form of the student it was about.
 */
export function RosterActions({ children }: { children: React.ReactNode }) {
  const [removeState, remove] = useActionState(removeStudentAction, idleState);
  const [deleteState, deleteAccount] = useActionState(deleteStudentAction, idleState);
  // Which of the two actions answered last (adjusting state while rendering, not in an effect).
  const [seen, setSeen] = useState({ removeState, deleteState });
  const [latest, setLatest] = useState<ActionState>(idleState);
  if (seen.removeState !== removeState || seen.deleteState !== deleteState) {
    setSeen({ removeState, deleteState });
    setLatest(seen.removeState !== removeState ? removeState : deleteState);
  }
  const notice = latest.status === "ok" ? latest.message : undefined;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The button that was pressed went away with its row; keep focus (and the reader) on the outcome.
    if (notice) noticeRef.current?.focus();
  }, [latest, notice]);
  return (
    <RosterActionsContext value={{ removeState, remove, deleteState, deleteAccount }}>
      <div role="status" aria-live="polite">
        {notice ? (
          <p ref={noticeRef} tabIndex={-1} data-testid="roster-notice" className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 focus:outline-none dark:border-green-800 dark:bg-green-950 dark:text-green-200">
            {notice}
          </p>
        ) : null}
      </div>
      {children}
    </RosterActionsContext>
  );
}

/** Takes the student out of this class (their account and work stay). */
export function RemoveStudentButton({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const { removeState, remove } = useRosterActions();
  const failed = failureFor(removeState, studentId);
  return (
    <form action={remove} className="inline">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="studentId" value={studentId} />
      <SubmitButton className="text-sm text-red-700 hover:underline dark:text-red-300" pendingLabel="Removing…">
        Remove from class<span className="sr-only"> {name}</span>
      </SubmitButton>
      {failed.status === "error" || failed.status === "invalid" ? (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-300">
          {failed.message}
        </span>
      ) : null}
    </form>
  );
}

/** The one-time sign-in sheet: shown once, printable, never stored in readable form. */
function CredentialsSheet({ state, className }: { state: ActionState<IssuedCredentials[]>; className: string }) {
  if (state.status !== "ok" || !state.data) return null;
  const issued = state.data;
  return (
    <section aria-labelledby="sheet-heading" className="mt-4 rounded-lg border-2 border-dashed border-brand-600 p-4 print:border-black" data-print-sheet>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="sheet-heading" className="font-semibold">
          Sign-in sheet · {className}
        </h3>
        <button type="button" onClick={() => window.print()} className="btn-secondary" data-no-print>
          Print sheet
        </button>
      </div>
      <p className="mt-1 text-sm muted">Each student signs in with this username and one-time password, then chooses their own password.</p>
      <table className="mt-3 w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3">
              Name
            </th>
            <th scope="col" className="py-1 pr-3">
              Username
            </th>
            <th scope="col" className="py-1">
              One-time password
            </th>
          </tr>
        </thead>
        <tbody>
          {issued.map((s) => (
            <tr key={s.studentId} className="border-t border-stone-200 dark:border-stone-700">
              <td className="py-2 pr-3">{s.displayName}</td>
              <td className="py-2 pr-3 font-mono">{s.username}</td>
              <td className="py-2 font-mono">{s.oneTimePassword}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function BulkAddForm({ classId, className }: { classId: string; className: string }) {
  const [state, action] = useActionState(addRosterAction, idleState);
  const errors = fieldErrors(state, "names");
  return (
    <div>
      <form action={action} className="space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="classId" value={classId} />
        <div>
          <label htmlFor="names" className="field-label">
            Student names, one per line
          </label>
          <textarea
            id="names"
            name="names"
            rows={6}
            maxLength={5000}
            className="field-input font-mono"
            placeholder={"Ada Lovelace\nFrederick Douglass"}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "names-error names-hint" : "names-hint"}
            defaultValue={submittedValue(state, "names")}
          />
          <p id="names-hint" className="field-hint">
            Up to 60 at a time. We make a username and a one-time password for each; no email needed.
          </p>
          {errors ? (
            <p id="names-error" className="field-error">
              {errors.join(" ")}
            </p>
          ) : null}
        </div>
        <SubmitButton pendingLabel="Adding students…">Add students</SubmitButton>
      </form>
      <CredentialsSheet state={state} className={className} />
    </div>
  );
}

/**
 * Asks first: a reset ends the student's sessions and replaces the password
 * they know. For a few minutes afterwards (lib/data/classes.ts
 * PASSWORD_UNDO_MS) Undo brings their old password back; `undoUntil` comes
 * from the server so the offer survives a reload.
 */
export function ResetPasswordButton({ classId, studentId, name, undoUntil }: { classId: string; studentId: string; name: string; undoUntil?: Date }) {
  const [state, action] = useActionState(resetPasswordAction, idleState);
  const [undoState, undoAction] = useActionState(undoPasswordResetAction, idleState);
  const [confirming, setConfirming] = useState(false);
  // Which form answered last decides what the row shows (a new password, or the undo's outcome).
  const [last, setLast] = useState<"reset" | "undo" | null>(null);
  const issued = last === "reset" && state.status === "ok" && Array.isArray(state.data) ? state.data[0] : undefined;
  const undone = last === "undo" && undoState.status === "ok";
  const undoOpenUntil = undone ? undefined : (issued?.undoUntil ?? (last === "reset" && state.status !== "ok" ? undefined : undoUntil));
  // The forms post the server actions themselves (so the HTML carries no client-only action placeholder);
  // onSubmit runs first and records which one answered.
  return (
    <div className="inline-flex flex-col items-start gap-1 text-sm">
      <form action={action} onSubmit={() => { setLast("reset"); setConfirming(false); }} className="inline">
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="studentId" value={studentId} />
        {issued ? (
          <span role="status">
            New password: <span className="font-mono font-semibold">{issued.oneTimePassword}</span>
          </span>
        ) : confirming ? (
          <span role="group" aria-label={`Confirm password reset for ${name}`} className="inline-flex flex-wrap items-center gap-2">
            <span>Reset {name}&apos;s password? The one they use stops working and they are signed out everywhere. You can undo for 5 minutes.</span>
            <SubmitButton className="btn-danger px-2 py-1 text-sm" pendingLabel="Resetting…">
              Yes, reset<span className="sr-only"> {name}&apos;s password</span>
            </SubmitButton>
            <button type="button" className="text-brand-700 hover:underline dark:text-brand-300" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="text-brand-700 hover:underline dark:text-brand-300" onClick={() => setConfirming(true)}>
            Reset password<span className="sr-only"> for {name}</span>
          </button>
        )}
        {state.status === "error" && last === "reset" ? (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-300">
            {state.message}
          </span>
        ) : null}
      </form>
      {undoOpenUntil && !confirming ? (
        <form action={undoAction} onSubmit={() => setLast("undo")} className="inline-flex flex-wrap items-center gap-2" data-testid="undo-reset">
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="studentId" value={studentId} />
          <SubmitButton className="btn-secondary px-2 py-0.5 text-sm" pendingLabel="Undoing…">
            Undo reset<span className="sr-only"> of {name}&apos;s password</span>
          </SubmitButton>
          <span className="muted text-xs">
            until <LocalTime date={undoOpenUntil} style="short" />
          </span>
        </form>
      ) : null}
      {last === "undo" && undoState.status !== "idle" ? (
        <span role={undoState.status === "ok" ? "status" : "alert"} className={undoState.status === "ok" ? "text-green-800 dark:text-green-200" : "text-red-700 dark:text-red-300"}>
          {undoState.message}
        </span>
      ) : null}
    </div>
  );
}

/**
 * Export or delete one student's data. Deleting asks for "DELETE" typed out,
 * because it removes the account in every class, not just this one. On narrow
 * screens the panel opens over the roster at full card width (the card is its
 * positioning box) instead of squeezing into the actions column.
 */
export function StudentDataControls({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const { deleteState, deleteAccount: action } = useRosterActions();
  const state = failureFor(deleteState, studentId);
  const confirmId = `confirm-delete-${studentId}`;
  const warningId = `delete-warning-${studentId}`;
  const errors = fieldErrors(state, "confirm");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline dark:text-brand-300">
        Data<span className="sr-only"> of {name}</span>
      </summary>
      <div className="absolute inset-x-3 z-10 mt-2 space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-lg sm:static sm:w-80 sm:shadow-none dark:border-stone-700 dark:bg-stone-900">
        <div>
          <a href={`/classes/${classId}/students/${studentId}/export`} download className="font-medium">
            Download {name}&apos;s data (JSON)
          </a>
          <p className="field-hint">Everything Civics Lab keeps about them, in one file.</p>
        </div>
        <form action={action} className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-700" noValidate>
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="studentId" value={studentId} />
          <p className="font-semibold text-red-800 dark:text-red-300">Delete {name}&apos;s account</p>
          <p id={warningId} className="text-stone-700 dark:text-stone-300">
            Removes the account and all its answers, progress and review history, in every class. This can&apos;t be undone. To take them out of this class only, use
            Remove from class.
          </p>
          <label htmlFor={confirmId} className="block pt-1 font-medium">
            Type &quot;DELETE&quot; to confirm
          </label>
          <input
            id={confirmId}
            name="confirm"
            autoComplete="off"
            className="field-input"
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${warningId} ${confirmId}-error` : warningId}
          />
          {errors ? (
            <p id={`${confirmId}-error`} className="field-error">
              {errors[0]}
            </p>
          ) : null}
          {state.status === "error" ? (
            <p role="alert" className="field-error">
              {state.message}
            </p>
          ) : null}
          <div className="pt-1">
            <SubmitButton className="btn-danger" pendingLabel="Deleting…">
              Delete account<span className="sr-only"> of {name}</span>
            </SubmitButton>
          </div>
        </form>
      </div>
    </details>
  );
}
