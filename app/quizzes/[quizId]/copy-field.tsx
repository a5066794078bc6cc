"use client";

import { useId, useState } from "react";

/** A read-only text box with a Copy button (the text stays selectable when the clipboard is blocked). */
export function CopyField({ label, value, classroomHref }: { label: string; value: string; classroomHref?: string }) {
  const id = useId();
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied.");
    } catch {
      (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
      setStatus("Press Ctrl+C (or ⌘C) to copy the selected text.");
    }
  }
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea id={id} readOnly value={value} rows={value.split("\n").length} className="field-input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" className="btn-secondary" onClick={() => void copy()}>
          Copy
        </button>
        {classroomHref ? (
          <a className="btn-secondary" href={classroomHref} target="_blank" rel="noopener noreferrer">
            Post to Google Classroom<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
        <span role="status" className="text-sm muted">
          {status}
        </span>
      </div>
    </div>
  );
}
