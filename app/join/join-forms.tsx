"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { joinAsCurrentStudentAction, joinAsNewStudentAction } from "./actions";

const codeProps = { autoCapitalize: "characters", autoComplete: "off", spellCheck: false, maxLength: 8, className: "field-input font-mono uppercase tracking-widest" } as const;

export function JoinNewStudentForm({ code }: { code?: string }) {
  const [state, action] = useActionState(joinAsNewStudentAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="Class code" state={state} defaultValue={code} required hint="6 letters and numbers from your teacher, like K7M2QX." {...codeProps} />
      <Field name="displayName" label="Your name" state={state} autoComplete="name" required maxLength={60} hint="Your teacher sees this name." />
      <Field name="username" label="Choose a username" state={state} autoComplete="username" autoCapitalize="none" spellCheck={false} required minLength={3} maxLength={32} hint="3–32 letters, numbers, dots, dashes or underscores. Don't use your email." />
      <Field name="password" label="Choose a password" type="password" state={state} autoComplete="new-password" required minLength={8} maxLength={128} hint="At least 8 characters. A short phrase is easy to remember." />
      <SubmitButton pendingLabel="Joining…" className="btn-primary w-full">
        Join class
      </SubmitButton>
    </form>
  );
}

export function JoinExistingForm({ code }: { code?: string }) {
  const [state, action] = useActionState(joinAsCurrentStudentAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="Class code" state={state} defaultValue={code} required {...codeProps} />
      <SubmitButton pendingLabel="Joining…" className="btn-primary w-full">
        Join class
      </SubmitButton>
    </form>
  );
}
