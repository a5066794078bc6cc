"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { renameClassAction } from "../../actions";

export function RenameClassForm({ classId, name }: { classId: string; name: string }) {
  const [state, action] = useActionState(renameClassAction, idleState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="classId" value={classId} />
      <Field name="name" label="Class name" state={state} defaultValue={name} required maxLength={80} />
      <SubmitButton pendingLabel="Saving…">Rename</SubmitButton>
    </form>
  );
}
