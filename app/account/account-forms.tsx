"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { changePasswordAction, deleteAccountAction } from "./actions";

export function ChangePasswordForm({ firstSignIn = false }: { firstSignIn?: boolean }) {
  const [state, action] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="currentPassword"
        label={firstSignIn ? "One-time password from your teacher" : "Current password"}
        type="password"
        state={state}
        autoComplete="current-password"
        required
        maxLength={128}
      />
      <Field
        name="newPassword"
        label={firstSignIn ? "Your new password" : "New password"}
        type="password"
        state={state}
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        hint={firstSignIn ? "At least 8 characters. A short phrase is easy to remember." : "At least 8 characters. Changing it signs you out on every device."}
      />
      <SubmitButton pendingLabel="Saving…">{firstSignIn ? "Save and continue" : "Change password"}</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="password" label="Your password" type="password" state={state} autoComplete="current-password" required maxLength={128} />
      <Field name="confirm" label='Type "DELETE" to confirm' state={state} autoComplete="off" required pattern="DELETE" />
      <SubmitButton className="btn-danger" pendingLabel="Deleting…">
        Delete my account and data
      </SubmitButton>
    </form>
  );
}
