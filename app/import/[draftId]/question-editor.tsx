"use client";

/** The fields that edit one question: its prompt (or cloze sentence), the answer fields of its type, the explanation and the evidence sentence. */
import type { DraftQuestion } from "@/lib/import/types";
import type { SentenceRef } from "./article-sentences";
import { TextArea } from "./inputs";
import { TypeFields } from "./type-fields";

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

