"use client";

import { useActionState, useId } from "react";
import { answerCheckAction } from "@/app/lessons/[slug]/actions";
import type { CheckResult } from "@/lib/data/lessons";
import type { ActionState } from "@/lib/actions";

/**
 * One ungraded "Check your understanding" question. The answer lives on the
 * server; the reader gets right/wrong, and once right the explanation, plus a
 * link back to the paragraph with the evidence.
 */
export function CheckQuestion({
  lessonId,
  check,
  paragraphNumbers,
}: {
  lessonId: string;
  check: { id: string; prompt: string; choices: string[] };
  paragraphNumbers: Record<string, number>;
}) {
  const [state, action, pending] = useActionState<ActionState<CheckResult>, FormData>(answerCheckAction, { status: "idle" });
  const baseId = useId();
  const result = state.status === "ok" ? state.data : undefined;
  const evidenceNumber = result ? paragraphNumbers[result.evidenceAnchor] : undefined;

  return (
    <aside aria-labelledby={`${baseId}-heading`} className="my-8 rounded-xl border border-brand-200 bg-brand-50 p-5 dark:border-brand-800 dark:bg-brand-900/40" data-no-print>
      <h3 id={`${baseId}-heading`} className="text-sm font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-200">
        Check your understanding
      </h3>
      <form action={action} className="mt-2">
        <input type="hidden" name="lessonId" value={lessonId} />
        <input type="hidden" name="checkId" value={check.id} />
        <fieldset>
          <legend className="font-medium">{check.prompt}</legend>
          <div className="mt-3 space-y-2">
            {check.choices.map((choice, index) => (
              <label key={index} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-300 bg-white px-3 py-2 has-checked:border-brand-600 dark:border-stone-600 dark:bg-stone-900 dark:has-checked:border-brand-300">
                <input type="radio" name="choice" value={index} required className="mt-1 size-4 accent-brand-700 dark:accent-brand-300" />
                <span>{choice}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? "Checking…" : "Check answer"}
          </button>
          <span className="text-xs muted">Not graded. Try as often as you like.</span>
        </div>
        <div aria-live="polite" className="mt-3">
          {result ? (
            <div
              className={`rounded-md border px-3 py-2 text-sm ${
                result.correct
                  ? "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
                  : "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
              }`}
            >
              <p className="font-semibold">{result.correct ? "Correct!" : "Not quite. Look at the evidence and try again."}</p>
              {result.feedback ? <p className="mt-1">{result.feedback}</p> : null}
              <p className="mt-1">
                <a href={`#${result.evidenceAnchor}`} className="font-semibold text-inherit underline dark:text-inherit">
                  {evidenceNumber ? `Reread paragraph ${evidenceNumber}` : "Reread the evidence"}
                </a>
              </p>
            </div>
          ) : state.status === "error" || state.status === "invalid" ? (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
              {state.status === "invalid" ? (state.fieldErrors.choice?.[0] ?? state.message) : state.message}
            </p>
          ) : null}
        </div>
      </form>
    </aside>
  );
}
