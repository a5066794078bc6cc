"use client";

import { useActionState, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { idleState } from "@/lib/action-state";
import { Field, FormMessage, SubmitButton, fieldErrors } from "@/app/ui/form";
import { createImportAction } from "./actions";
import { DOCUMENT_PATTERN, uploadDocument } from "./document-upload";
import { ImportProgress, newProgressToken } from "./import-progress";

const MAX_BYTES = 2 * 1024 * 1024;

export function ImportForm() {
  const [state, action] = useActionState(createImportAction, idleState);
  // Controlled, so a failed submit never loses a long paste.
  const [content, setContent] = useState("");
  const [fileName, setFileName] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const contentErrors = fieldErrors(state, "content");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [reading, setReading] = useState<string | null>(null);
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
    // PDFs and Word files are read on the server (pdf.js, mammoth) and go straight to the review page.
    if (DOCUMENT_PATTERN.test(file.name)) {
      setReading(`Reading “${file.name}”…`);
      const result = await uploadDocument(file, formRef.current);
      event.target.value = "";
      if ("draftId" in result) {
        router.push(`/import/${result.draftId}`);
        return;
      }
      setReading(null);
      setFileError(result.error);
      return;
    }
    setContent(await file.text());
    setFileName(file.name);
  }

  return (
    <form
      ref={formRef}
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
          accept=".html,.htm,.txt,.md,.markdown,.pdf,.docx,text/html,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={onFile}
          aria-describedby="file-hint"
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold file:text-stone-800 dark:file:border-stone-600 dark:file:bg-stone-900 dark:file:text-stone-100"
        />
        <p id="file-hint" className="field-hint" aria-live="polite">
          {fileError ? <span className="field-error">{fileError}</span> : reading ? reading : fileName ? `Loaded “${fileName}” into the box above.` : "A page saved from a news site (.html), a PDF with selectable text, a Word file (.docx), or a .txt or .md file. PDF and Word files open the review straight away; fill in the details below first if you want them kept."}
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
