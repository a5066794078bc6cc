"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { FormMessage, SubmitButton, fieldErrors } from "@/app/ui/form";
import { importFromUrlAction } from "./source-actions";

/** Import from a link: the server fetches the page (only public http/https addresses, 2 MB, 10 s) and drafts from it. */
export function LinkImportForm() {
  const [state, action] = useActionState(importFromUrlAction, idleState);
  const errors = fieldErrors(state, "sourceUrl");
  return (
    <form action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="sourceUrl" className="field-label">
          Import from a link
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="sourceUrl"
            name="sourceUrl"
            type="url"
            inputMode="url"
            placeholder="https://www.example-news.org/2026/03/council-vote"
            maxLength={2000}
            className="field-input mt-0 flex-1"
            aria-invalid={errors ? true : undefined}
            aria-describedby={["sourceUrl-hint", errors ? "sourceUrl-error" : ""].filter(Boolean).join(" ")}
          />
          <SubmitButton pendingLabel="Fetching the page…" className="btn-secondary shrink-0">
            Fetch and draft
          </SubmitButton>
        </div>
        <p id="sourceUrl-hint" className="field-hint">
          The server fetches the page once (public web pages only, up to 2 MB). Paywalled pages: save the page and upload it below.
        </p>
        {errors ? (
          <p id="sourceUrl-error" className="field-error">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
