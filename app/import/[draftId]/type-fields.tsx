"use client";

/** The answer fields of one question, by type: choices, true/false, accepted answers, numbers, order, pairs. */
import type { DraftQuestion } from "@/lib/import/types";
import { TextInput, nextId, splitList } from "./inputs";

export function TypeFields({ question, onChange, idPrefix }: { question: DraftQuestion; onChange: (q: DraftQuestion) => void; idPrefix: string }) {
  switch (question.type) {
    case "single":
    case "multiple": {
      const isCorrect = (id: string) => (question.type === "single" ? question.answer === id : question.answer.includes(id));
      const toggle = (id: string) => {
        if (question.type === "single") onChange({ ...question, answer: id });
        else onChange({ ...question, answer: question.answer.includes(id) ? question.answer.filter((a) => a !== id) : [...question.answer, id] });
      };
      return (
        <fieldset>
          <legend className="field-label">Choices (mark the correct {question.type === "single" ? "one" : "ones"})</legend>
          <ul className="mt-1 space-y-2">
            {question.choices.map((choice, i) => (
              <li key={choice.id} className="flex items-center gap-2">
                <input
                  type={question.type === "single" ? "radio" : "checkbox"}
                  name={`${idPrefix}-correct`}
                  checked={isCorrect(choice.id)}
                  onChange={() => toggle(choice.id)}
                  aria-label={`Choice ${i + 1} is correct`}
                  className="size-4 accent-brand-700 dark:accent-brand-300"
                />
                <input
                  className="field-input mt-0 text-sm"
                  value={choice.text}
                  aria-label={`Choice ${i + 1}`}
                  onChange={(e) => onChange({ ...question, choices: question.choices.map((c) => (c.id === choice.id ? { ...c, text: e.target.value } : c)) })}
                />
                <button
                  type="button"
                  className="btn-secondary min-h-8 px-2 py-1"
                  aria-label={`Remove choice ${i + 1}`}
                  disabled={question.choices.length <= 2}
                  onClick={() => {
                    const choices = question.choices.filter((c) => c.id !== choice.id);
                    if (question.type === "single") onChange({ ...question, choices, answer: question.answer === choice.id ? choices[0]!.id : question.answer });
                    else onChange({ ...question, choices, answer: question.answer.filter((a) => a !== choice.id) });
                  }}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn-secondary mt-2 min-h-8 px-3 py-1"
            disabled={question.choices.length >= 6}
            onClick={() => onChange({ ...question, choices: [...question.choices, { id: nextId(question.choices.map((c) => c.id), ""), text: "" }] })}
          >
            Add choice
          </button>
        </fieldset>
      );
    }
    case "true_false":
      return (
        <fieldset>
          <legend className="field-label">Correct answer</legend>
          <div className="mt-1 flex gap-4">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex items-center gap-2 text-sm">
                <input type="radio" name={`${idPrefix}-tf`} checked={question.answer === value} onChange={() => onChange({ ...question, answer: value })} className="size-4 accent-brand-700 dark:accent-brand-300" />
                {value ? "True" : "False"}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "short_answer":
      return <TextInput id={`${idPrefix}-accepted`} label="Accepted answers (separate with ;)" value={question.answer.join("; ")} onChange={(v) => onChange({ ...question, answer: splitList(v) })} />;
    case "cloze":
      return (
        <TextInput
          id={`${idPrefix}-accepted`}
          label="Accepted answers for the blank (separate with ;)"
          value={(question.answer.blank ?? Object.values(question.answer)[0] ?? []).join("; ")}
          onChange={(v) => onChange({ ...question, answer: { ...question.answer, [Object.keys(question.answer)[0] ?? "blank"]: splitList(v) } })}
        />
      );
    case "numeric":
      return (
        <div className="grid gap-3 sm:grid-cols-3">
          <TextInput id={`${idPrefix}-number`} label="Answer" value={String(question.answer)} onChange={(v) => onChange({ ...question, answer: Number(v) })} />
          <TextInput id={`${idPrefix}-tolerance`} label="Allowed difference" value={String(question.tolerance)} onChange={(v) => onChange({ ...question, tolerance: Number(v) })} />
          <TextInput id={`${idPrefix}-unit`} label="Unit (optional)" value={question.unit ?? ""} onChange={(v) => onChange(v ? { ...question, unit: v } : { ...question, unit: undefined })} />
        </div>
      );
    case "ordering": {
      const ordered = question.answer.map((id) => question.items.find((i) => i.id === id)!).filter(Boolean);
      const move = (from: number, to: number) => {
        const answer = [...question.answer];
        const [moved] = answer.splice(from, 1);
        answer.splice(to, 0, moved!);
        onChange({ ...question, answer });
      };
      return (
        <fieldset>
          <legend className="field-label">Items in the correct order (students see them shuffled)</legend>
          <ol className="mt-1 space-y-2">
            {ordered.map((item, i) => (
              <li key={item.id} className="flex items-center gap-2">
                <span className="w-5 text-sm font-semibold tabular-nums">{i + 1}.</span>
                <input className="field-input mt-0 text-sm" aria-label={`Item ${i + 1}`} value={item.text} onChange={(e) => onChange({ ...question, items: question.items.map((x) => (x.id === item.id ? { ...x, text: e.target.value } : x)) })} />
                <button type="button" className="btn-secondary min-h-8 px-2 py-1" aria-label={`Move item ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button type="button" className="btn-secondary min-h-8 px-2 py-1" aria-label={`Move item ${i + 1} down`} disabled={i === ordered.length - 1} onClick={() => move(i, i + 1)}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
        </fieldset>
      );
    }
    case "matching":
      return (
        <fieldset>
          <legend className="field-label">Pairs (left matches right)</legend>
          <ul className="mt-1 space-y-2">
            {question.left.map((left, i) => {
              const right = question.right.find((r) => r.id === question.answer[left.id]);
              return (
                <li key={left.id} className="grid gap-2 sm:grid-cols-[1fr_auto_12rem]">
                  <input className="field-input mt-0 text-sm" aria-label={`Left item ${i + 1}`} value={left.text} onChange={(e) => onChange({ ...question, left: question.left.map((l) => (l.id === left.id ? { ...l, text: e.target.value } : l)) })} />
                  <span aria-hidden="true" className="self-center text-center">
                    →
                  </span>
                  <select
                    className="field-input mt-0 text-sm"
                    aria-label={`Match for left item ${i + 1}`}
                    value={right?.id ?? ""}
                    onChange={(e) => onChange({ ...question, answer: { ...question.answer, [left.id]: e.target.value } })}
                  >
                    {question.right.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.text}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </fieldset>
      );
  }
}
