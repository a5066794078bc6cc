"use client";

import { useActionState, useState } from "react";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton, fieldErrors } from "@/app/ui/form";
import { createImportAction } from "./actions";
import { ImportProgress, newProgressToken } from "./import-progress";

const MAX_BYTES = 2 * 1024 * 1024;

export function ImportForm() {
  const [state, action] = useActionState(createImportAction, idleState);
  // Controlled, so a failed submit never loses a long paste.
  const [content, setContent] = useState("");
  const [fileName, setFileName] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const contentErrors = fieldErrors(state, "content");
  // A fresh token for each attempt, so the progress shown is this import's; set as the form is submitted.
  const [progressToken, setProgressToken] = useState("");

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError("That file is larger than 2 MB. Save just the article page, or paste the article's text instead.");
      event.target.value = "";
      return;
    }
    setContent(await file.text());
    setFileName(file.name);
  }

  return (
    <form
      action={action}
      className="space-y-5"
      noValidate
      onSubmit={(event) => {
        const token = newProgressToken();
        // Written into the DOM before React reads the form's data for the action.
        (event.currentTarget.elements.namedItem("progressToken") as HTMLInputElement).value = token;
        setProgressToken(token);
      }}
    >
      <div>
        <label htmlFor="content" className="field-label">
          Article
        </label>
        <textarea
          id="content"
          name="content"
          value={content}
          onChange={(e) => {
            setContent(e.target.value);
            setFileName("");
          }}
          rows={12}
          className="field-input font-serif"
          placeholder="Paste the article's text, Markdown or the page's HTML here…"
          aria-invalid={contentErrors ? true : undefined}
          aria-describedby={["content-hint", contentErrors ? "content-error" : ""].filter(Boolean).join(" ")}
          required
        />
        <p id="content-hint" className="field-hint">
          Plain text, Markdown or HTML, up to 2 MB. Nothing leaves this server: no cloud AI, no network.
        </p>
        {contentErrors ? (
          <p id="content-error" className="field-error">
            {contentErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="file" className="field-label">
          Or upload a file
        </label>
        <input
          id="file"
          type="file"
          accept=".html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown"
          onChange={onFile}
          aria-describedby="file-hint"
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold file:text-stone-800 dark:file:border-stone-600 dark:file:bg-stone-900 dark:file:text-stone-100"
        />
        <p id="file-hint" className="field-hint" aria-live="polite">
          {fileError ? <span className="field-error">{fileError}</span> : fileName ? `Loaded “${fileName}” into the box above.` : "A page saved from a news site (.html), or a .txt or .md file."}
        </p>
        <input type="hidden" name="fileName" value={fileName} />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="field-label mb-2">About the article (optional; read from the page when it says)</legend>
        <Field name="title" label="Title" state={state} maxLength={200} />
        <Field name="outlet" label="Source or outlet" state={state} maxLength={120} />
        <Field name="author" label="Author" state={state} maxLength={120} />
        <Field name="date" label="Publication date" type="date" state={state} hint="Dates like “on Tuesday” are worked out from it." />
        <div className="sm:col-span-2">
          <Field name="url" label="Link to the article" type="url" state={state} maxLength={2000} placeholder="https://" />
        </div>
      </fieldset>
      {/* Next to the button, so the message is on screen where the teacher clicked. */}
      <FormMessage state={state} />
      <input type="hidden" name="progressToken" defaultValue="" />
      <ImportProgress token={progressToken} />
      <SubmitButton pendingLabel="Drafting lesson and quiz…">Draft lesson and quiz</SubmitButton>
    </form>
  );
}
