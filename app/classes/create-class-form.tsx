"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { createClassAction } from "./actions";

export function CreateClassForm() {
  const [state, action] = useActionState(createClassAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      <div className="flex-1">
        <Field name="name" label="New class name" state={state} placeholder="e.g. Civics, period 3" required maxLength={80} />
      </div>
      <SubmitButton pendingLabel="Creating…">Create class</SubmitButton>
      <div className="sm:hidden">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
