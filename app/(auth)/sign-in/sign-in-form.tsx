"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="login" label="Username or email" state={state} autoComplete="username" autoCapitalize="none" spellCheck={false} required maxLength={254} />
      <Field name="password" label="Password" type="password" state={state} autoComplete="current-password" required maxLength={128} />
      <SubmitButton pendingLabel="Signing in…" className="btn-primary w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
