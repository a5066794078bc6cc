"use client";

/**
 * One question in the review list: its skill and evidence, the fields that
 * edit it, the server's complaint about it (shown here, not at the bottom of
 * the page) and the kept-out candidates of the same skill that can replace it
 * in one click.
 */
import type { DraftQuestion } from "@/lib/import/types";
import { TextArea } from "./inputs";
import { TypeFields } from "./type-fields";

export type Kind = DraftQuestion["type"];

export const TYPE_LABEL: Record<Kind, string> = {
  single: "Multiple choice",
  multiple: "Choose all that apply",
  true_false: "True or false",
  ordering: "Put in order",
  matching: "Matching",
  short_answer: "Short answer",
  numeric: "Number",
  cloze: "Fill in the blank",
};

export interface SentenceRef {
  anchor: string;
  paragraph: number;
  text: string;
}

export function mainSkill(question: DraftQuestion): string {
  return question.skills[0] ?? "recall";
}

/** A short, readable line for a question: its prompt, or a cloze sentence with the gap shown. */
export function questionSummary(question: DraftQuestion): string {
  const text = question.type === "cloze" ? question.text.replace(/\{\{\w+\}\}/g, "___") : question.prompt;
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

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

export function QuestionEditor({ question, sentences, onChange, idPrefix }: { question: DraftQuestion; sentences: SentenceRef[]; onChange: (q: DraftQuestion) => void; idPrefix: string }) {
  const evidenceIndex = sentences.findIndex((s) => s.anchor === question.evidenceAnchor && s.text === question.evidence);
  return (
    <div className="space-y-3">
      {question.type === "cloze" ? (
        <TextArea id={`${idPrefix}-text`} label="Sentence with the blank (write {{blank}} where the gap goes)" value={question.text} onChange={(text) => onChange({ ...question, text })} />
      ) : (
        <TextArea id={`${idPrefix}-prompt`} label="Question" value={question.prompt} onChange={(prompt) => onChange({ ...question, prompt })} />
      )}
      <TypeFields question={question} onChange={onChange} idPrefix={idPrefix} />
      <TextArea id={`${idPrefix}-explanation`} label="Explanation shown after answering" value={question.explanation} onChange={(explanation) => onChange({ ...question, explanation })} rows={2} />
      <div>
        <label htmlFor={`${idPrefix}-evidence`} className="field-label">
          Evidence sentence
        </label>
        <select
          id={`${idPrefix}-evidence`}
          className="field-input text-sm"
          value={evidenceIndex}
          onChange={(e) => {
            const s = sentences[Number(e.target.value)];
            if (s) onChange({ ...question, evidence: s.text, evidenceAnchor: s.anchor });
          }}
        >
          {sentences.map((s, i) => (
            <option key={i} value={i}>
              {s.anchor}: {s.text.length > 90 ? `${s.text.slice(0, 90)}…` : s.text}
            </option>
          ))}
        </select>
        <p className="field-hint">
          <span className="font-semibold">{question.evidenceAnchor}:</span> “{question.evidence}”
        </p>
      </div>
    </div>
  );
}

