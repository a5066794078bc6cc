"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton, fieldErrors, submittedValue } from "@/app/ui/form";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, idleState);
  const roleErrors = fieldErrors(state, "role");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <fieldset aria-describedby={roleErrors ? "role-error" : undefined}>
        <legend className="field-label">I am</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {[
            { value: "learner", title: "A self-learner", text: "Read, practise and review on my own." },
            { value: "teacher", title: "A teacher", text: "Run classes, assign lessons, see results." },
          ].map((option) => (
            <label key={option.value} className="flex cursor-pointer gap-3 rounded-lg border border-stone-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-600 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-900">
              <input type="radio" name="role" value={option.value} defaultChecked={option.value === (submittedValue(state, "role") ?? "learner")} className="mt-1 accent-brand-700" />
              <span>
                <span className="block text-sm font-semibold">{option.title}</span>
                <span className="block text-sm muted">{option.text}</span>
              </span>
            </label>
          ))}
        </div>
        {roleErrors ? (
          <p id="role-error" className="field-error">
            {roleErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field name="displayName" label="Your name" state={state} autoComplete="name" required maxLength={60} hint="Shown to you and, for teachers, to your students." />
      <Field name="username" label="Username" state={state} autoComplete="username" autoCapitalize="none" spellCheck={false} required minLength={3} maxLength={32} hint="3–32 letters, numbers, dots, dashes or underscores." />
      <Field name="email" label="Email (optional)" type="email" state={state} autoComplete="email" maxLength={254} hint="Lets you sign in with your email too. We never send marketing." />
      <Field name="password" label="Password" type="password" state={state} autoComplete="new-password" required minLength={8} maxLength={128} hint="At least 8 characters. A few unrelated words make a strong one." />
      <SubmitButton pendingLabel="Creating account…" className="btn-primary w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
