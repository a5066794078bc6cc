"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";

export function SubmitButton({ children, pendingLabel, className = "btn-primary" }: { children: React.ReactNode; pendingLabel?: string; className?: string }) {
  const { pending } = useFormStatus();
  // Disabled while pending so a double click submits once.
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}

/** A red error box, announced when it appears. */
export function ErrorAlert({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      {children}
    </p>
  );
}

export function FormMessage({ state }: { state: ActionState }) {
  if (state.status === "error" || state.status === "invalid") return <ErrorAlert>{state.message}</ErrorAlert>;
  if (state.status === "ok" && state.message) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
        {state.message}
      </p>
    );
  }
  return null;
}

export function fieldErrors(state: ActionState, name: string): string[] | undefined {
  return state.status === "invalid" ? state.fieldErrors[name] : undefined;
}

/** What the user submitted last time, so a failed form keeps their input (never passwords). */
export function submittedValue(state: ActionState, name: string): string | undefined {
  return state.status === "invalid" || state.status === "error" ? state.values?.[name] : undefined;
}

export function Field({
  name,
  label,
  state,
  hint,
  ...input
}: { name: string; label: string; state: ActionState; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const errors = fieldErrors(state, name);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors ? `${name}-error` : undefined;
  return (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <input
        id={name}
        name={name}
        className="field-input"
        aria-invalid={errors ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        defaultValue={input.type === "password" ? undefined : submittedValue(state, name)}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errors ? (
        <p id={errorId} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
