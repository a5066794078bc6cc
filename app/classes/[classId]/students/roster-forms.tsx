"use client";

import { useActionState } from "react";
import type { IssuedCredentials } from "@/lib/data/classes";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import { FormMessage, SubmitButton, fieldErrors, submittedValue } from "@/app/ui/form";
import { addRosterAction, deleteStudentAction, resetPasswordAction } from "../../actions";

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

export function ResetPasswordButton({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const [state, action] = useActionState(resetPasswordAction, idleState);
  const issued = state.status === "ok" && Array.isArray(state.data) ? (state.data)[0] : undefined;
  return (
    <form action={action} className="inline">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="studentId" value={studentId} />
      {issued ? (
        <span role="status" className="text-sm">
          New password: <span className="font-mono font-semibold">{issued.oneTimePassword}</span>
        </span>
      ) : (
        <SubmitButton className="text-sm text-brand-700 hover:underline dark:text-brand-300" pendingLabel="Resetting…">
          Reset password<span className="sr-only"> for {name}</span>
        </SubmitButton>
      )}
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-300">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/**
 * Export or delete one student's data. Deleting asks for "DELETE" typed out,
 * because it removes the account in every class, not just this one.
 */
export function StudentDataControls({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const [state, action] = useActionState(deleteStudentAction, idleState);
  const confirmId = `confirm-delete-${studentId}`;
  const errors = fieldErrors(state, "confirm");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline dark:text-brand-300">
        Data<span className="sr-only"> of {name}</span>
      </summary>
      <div className="mt-2 w-72 max-w-full space-y-3 rounded-lg border border-stone-200 p-3 dark:border-stone-700">
        <a href={`/classes/${classId}/students/${studentId}/export`} download className="font-medium">
          Download {name}&apos;s data (JSON)
        </a>
        <form action={action} className="space-y-2" noValidate>
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="studentId" value={studentId} />
          <p className="text-xs text-stone-700 dark:text-stone-300">Deleting removes the account, answers and progress for good, in every class.</p>
          <label htmlFor={confirmId} className="block font-medium">
            Type &quot;DELETE&quot; to confirm
          </label>
          <input id={confirmId} name="confirm" autoComplete="off" className="field-input" aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${confirmId}-error` : undefined} />
          {errors ? (
            <p id={`${confirmId}-error`} className="text-red-700 dark:text-red-300">
              {errors[0]}
            </p>
          ) : null}
          {state.status === "error" ? (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {state.message}
            </p>
          ) : null}
          <SubmitButton className="btn-danger" pendingLabel="Deleting…">
            Delete account<span className="sr-only"> of {name}</span>
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
