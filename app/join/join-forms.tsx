"use client";

import { startTransition, useActionState } from "react";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import { Field, FormMessage, submittedValue } from "@/app/ui/form";
import { joinAsCurrentStudentAction, joinAsNewStudentAction } from "./actions";

const codeProps = { autoCapitalize: "characters", autoComplete: "off", spellCheck: false, maxLength: 20, className: "field-input font-mono uppercase tracking-widest" } as const;

/**
 * Submits without React's automatic form reset: a wrong code or a taken
 * username must never wipe what the student typed (passwords included, which
 * stay in the browser and are never sent back).
 */
function useKeepingForm(action: (state: ActionState, formData: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, idleState);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending };
}

function JoinButton({ pending }: { pending: boolean }) {
  return (
    <button type="submit" className="btn-primary w-full" disabled={pending} aria-disabled={pending}>
      {pending ? "Joining…" : "Join class"}
    </button>
  );
}

export function JoinNewStudentForm({ code }: { code?: string }) {
  const { state, onSubmit, pending } = useKeepingForm(joinAsNewStudentAction);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="Class code" state={state} required hint="6 letters and numbers from your teacher, like K7M2QX. Dashes, spaces and small letters are fine." {...codeProps} defaultValue={submittedValue(state, "code") ?? code} />
      <Field name="displayName" label="Your name" state={state} autoComplete="name" required maxLength={60} hint="Your teacher sees this name." />
      <Field name="username" label="Choose a username" state={state} autoComplete="username" autoCapitalize="none" spellCheck={false} required minLength={3} maxLength={32} hint="3–32 letters, numbers, dots, dashes or underscores. Don't use your email." />
      <Field name="password" label="Choose a password" type="password" state={state} autoComplete="new-password" required minLength={8} maxLength={128} hint="At least 8 characters. A short phrase is easy to remember." />
      <JoinButton pending={pending} />
    </form>
  );
}

export function JoinExistingForm({ code }: { code?: string }) {
  const { state, onSubmit, pending } = useKeepingForm(joinAsCurrentStudentAction);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="Class code" state={state} required {...codeProps} defaultValue={submittedValue(state, "code") ?? code} />
      <JoinButton pending={pending} />
    </form>
  );
}
