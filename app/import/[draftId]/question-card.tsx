"use client";

/**
 * One question in the review list: its skill and evidence, the fields that
 * edit it, the server's complaint about it (shown here, not at the bottom of
 * the page) and the kept-out candidates of the same skill that can replace it
 * in one click.
 */
import type { DraftQuestion } from "@/lib/import/types";
import type { SentenceRef } from "./article-sentences";
import { QuestionEditor } from "./question-editor";
import { TYPE_LABEL, mainSkill, questionSummary } from "./question-labels";

export function QuestionCard({
  question,
  index,
  sentences,
  skillLabels,
  error,
  replacements,
  active,
  onChange,
  onRemove,
  onReplace,
  onActivate,
  onFocusEvidence,
}: {
  question: DraftQuestion & { uid: number };
  index: number;
  sentences: SentenceRef[];
  skillLabels: Record<string, string>;
  error: string | undefined;
  replacements: DraftQuestion[];
  active: boolean;
  onChange: (next: DraftQuestion) => void;
  onRemove: () => void;
  onReplace: (replacement: DraftQuestion) => void;
  onActivate: () => void;
  onFocusEvidence: () => void;
}) {
  const idPrefix = `q-${question.uid}`;
  const skill = mainSkill(question);
  return (
    <li
      onMouseEnter={onActivate}
      onFocus={onFocusEvidence}
      className={`card space-y-3 ${active ? "border-amber-400 dark:border-amber-300" : ""} ${error ? "border-red-500 dark:border-red-400" : ""}`}
      aria-labelledby={`${idPrefix}-heading`}
      data-skill={skill}
      data-testid="review-question"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`${idPrefix}-heading`} className="font-semibold">
          Question {index + 1}
          <span className="muted ml-2 text-sm font-normal">{TYPE_LABEL[question.type]}</span>
        </h3>
        <button type="button" className="btn-secondary min-h-8 px-3 py-1 text-red-800 dark:text-red-300" onClick={onRemove} aria-label={`Delete question ${index + 1}`}>
          Delete
        </button>
      </div>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded-full border border-brand-700 px-2 py-0.5 text-xs font-semibold text-brand-800 dark:border-brand-300 dark:text-brand-200">
          <span className="sr-only">Skill: </span>
          {skillLabels[skill] ?? skill}
        </span>
        <span className="muted">
          Evidence: <a href={`#article-${question.evidenceAnchor}`}>{question.evidenceAnchor}</a>
        </span>
      </p>
      {error ? (
        <p role="alert" id={`${idPrefix}-error`} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <span className="font-semibold">Fix this question: </span>
          {error}
        </p>
      ) : null}
      <QuestionEditor question={question} sentences={sentences} onChange={onChange} idPrefix={idPrefix} />
      {replacements.length > 0 ? (
        <details className="rounded-md border border-stone-200 p-3 dark:border-stone-700">
          <summary className="cursor-pointer text-sm font-semibold">
            Other {skillLabels[skill] ?? skill} questions ({replacements.length})
          </summary>
          <ul className="mt-2 space-y-3">
            {replacements.map((candidate, i) => (
              <li key={`${candidate.id}-${i}`} className="space-y-1 text-sm">
                <p>
                  <span className="muted">{TYPE_LABEL[candidate.type]}: </span>
                  {questionSummary(candidate)}
                </p>
                <p className="muted text-xs">
                  {candidate.evidenceAnchor}: “{candidate.evidence.length > 120 ? `${candidate.evidence.slice(0, 120)}…` : candidate.evidence}”
                </p>
                <button type="button" className="btn-secondary min-h-8 px-3 py-1" onClick={() => onReplace(candidate)} aria-label={`Replace question ${index + 1} with: ${questionSummary(candidate)}`}>
                  Use this instead
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
