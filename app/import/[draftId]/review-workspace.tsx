"use client";

import { useActionState, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import type { ArticleDraft, DraftQuestion } from "@/lib/import/types";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { deleteImportAction, publishImportAction, saveImportAction } from "../actions";

type Editable = DraftQuestion & { uid: number };
type Kind = DraftQuestion["type"];

const TYPE_LABEL: Record<Kind, string> = {
  single: "Multiple choice",
  multiple: "Choose all that apply",
  true_false: "True or false",
  ordering: "Put in order",
  matching: "Matching",
  short_answer: "Short answer",
  numeric: "Number",
  cloze: "Fill in the blank",
};

const GENERATOR_LABEL: Record<DraftQuestion["generator"], string> = {
  "cloze-key-sentence": "blank in a key sentence",
  "numeric-choice": "number from the text",
  "who-said-what": "who said what",
  "who-said-single": "who said it",
  "true-false-swap": "changed fact",
  "true-false-original": "statement from the text",
  "timeline-order": "timeline",
  teacher: "written by you",
};

const NEW_TYPES: Kind[] = ["single", "true_false", "short_answer", "multiple", "numeric"];

interface SentenceRef {
  anchor: string;
  paragraph: number;
  text: string;
}

export function ReviewWorkspace({ draftId, initialTitle, draft, publishedLessonId }: { draftId: string; initialTitle: string; draft: ArticleDraft; publishedLessonId: string | null }) {
  const nextUid = useRef(draft.questions.length);
  const [title, setTitle] = useState(initialTitle);
  const [questions, setQuestions] = useState<Editable[]>(() => draft.questions.map((q, i) => ({ ...q, uid: i })));
  const [active, setActive] = useState<number | null>(null);
  const [newType, setNewType] = useState<Kind>("single");
  const [announcement, setAnnouncement] = useState("");
  const [saveState, saveAction] = useActionState(saveImportAction, idleState);
  const [publishState, publishAction] = useActionState(publishImportAction, idleState as ActionState<{ lessonId: string; quizId: string; version: number }>);
  const published = publishedLessonId ?? (publishState.status === "ok" ? publishState.data?.lessonId : undefined) ?? null;
  const sentenceRefs = useRef(new Map<string, HTMLSpanElement>());

  const sentences: SentenceRef[] = useMemo(
    () => draft.paragraphSentences.flatMap((list, paragraph) => list.map((text) => ({ anchor: `p${paragraph + 1}`, paragraph, text }))),
    [draft.paragraphSentences],
  );
  const activeQuestion = questions.find((q) => q.uid === active);
  const activeKey = activeQuestion ? sentenceKey(activeQuestion.evidenceAnchor, activeQuestion.evidence) : null;
  const payload = JSON.stringify(questions.map(({ uid: _uid, ...q }) => q));

  function update(uid: number, next: DraftQuestion) {
    setQuestions((list) => list.map((q) => (q.uid === uid ? { ...next, uid } : q)));
  }

  function remove(uid: number, index: number) {
    setQuestions((list) => list.filter((q) => q.uid !== uid));
    setAnnouncement(`Question ${index + 1} deleted.`);
    if (active === uid) setActive(null);
  }

  function add() {
    const evidence = (activeQuestion ? sentences.find((s) => sentenceKey(s.anchor, s.text) === activeKey) : undefined) ?? sentences[0]!;
    const uid = nextUid.current++;
    setQuestions((list) => [...list, { ...blankQuestion(newType, evidence), uid }]);
    setActive(uid);
    setAnnouncement(`${TYPE_LABEL[newType]} question added at the end.`);
  }

  function focusEvidence(question: Editable) {
    setActive(question.uid);
    sentenceRefs.current.get(sentenceKey(question.evidenceAnchor, question.evidence))?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="article-heading" className="card lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <h2 id="article-heading" className="text-lg font-semibold">
          The article
        </h2>
        <p className="muted mt-1 text-sm">Hover over or move into a question to highlight the sentence that answers it.</p>
        <div className="mt-4 space-y-4 font-serif text-[1.05rem] leading-relaxed">
          {draft.paragraphSentences.map((list, p) => (
            <p key={p} id={`article-p${p + 1}`} className="relative pl-9">
              <span aria-hidden="true" className="absolute left-0 top-1 font-sans text-xs font-semibold text-stone-500 dark:text-stone-400">
                p{p + 1}
              </span>
              {list.map((text, s) => {
                const key = sentenceKey(`p${p + 1}`, text);
                const highlighted = key === activeKey;
                return (
                  <span key={s}>
                    <span
                      ref={(el) => {
                        if (el) sentenceRefs.current.set(key, el);
                      }}
                      data-evidence={highlighted ? "active" : undefined}
                      className={highlighted ? "rounded bg-amber-200 text-stone-950 ring-2 ring-amber-400 dark:bg-amber-300 dark:ring-amber-200" : undefined}
                    >
                      {highlighted ? <span className="sr-only">Evidence: </span> : null}
                      {text}
                    </span>{" "}
                  </span>
                );
              })}
            </p>
          ))}
        </div>
      </section>

      <div className="space-y-6">
        {published ? (
          <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
            <p className="font-semibold">Published as a private lesson and quiz.</p>
            <p className="mt-1">
              Only you can see it. It is in <Link href="/">your lesson list</Link>, ready to assign to your classes. Published drafts can no longer be edited.
            </p>
          </div>
        ) : null}

        <LessonDraftPanel draft={draft} />

        <fieldset disabled={Boolean(published)} className="space-y-4">
          <legend className="sr-only">Lesson and questions</legend>
          <div className="card">
            <label htmlFor="lesson-title" className="field-label">
              Lesson title
            </label>
            <input id="lesson-title" className="field-input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </div>

          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 className="text-lg font-semibold">Questions ({questions.length})</h2>
          </div>
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
          {questions.length === 0 ? <p className="muted">No questions. Add one below.</p> : null}
          <ol className="space-y-4">
            {questions.map((question, index) => (
              <li
                key={question.uid}
                onMouseEnter={() => setActive(question.uid)}
                onFocus={() => focusEvidence(question)}
                className={`card space-y-3 ${question.uid === active ? "border-amber-400 dark:border-amber-300" : ""}`}
                aria-labelledby={`q-${question.uid}-heading`}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h3 id={`q-${question.uid}-heading`} className="font-semibold">
                    Question {index + 1}
                    <span className="muted ml-2 text-sm font-normal">
                      {TYPE_LABEL[question.type]} · {GENERATOR_LABEL[question.generator]}
                    </span>
                  </h3>
                  <button type="button" className="btn-secondary min-h-8 px-3 py-1 text-red-800 dark:text-red-300" onClick={() => remove(question.uid, index)} aria-label={`Delete question ${index + 1}`}>
                    Delete
                  </button>
                </div>
                <QuestionEditor question={question} sentences={sentences} onChange={(next) => update(question.uid, next)} idPrefix={`q-${question.uid}`} />
              </li>
            ))}
          </ol>

          <div className="card flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="new-type" className="field-label">
                New question type
              </label>
              <select id="new-type" className="field-input" value={newType} onChange={(e) => setNewType(e.target.value as Kind)}>
                {NEW_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABEL[t]}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn-secondary" onClick={add}>
              Add question
            </button>
          </div>
        </fieldset>

        <div className="card space-y-3" data-no-print>
          <FormMessage state={publishState.status === "ok" ? idleState : publishState} />
          <FormMessage state={saveState} />
          <div className="flex flex-wrap gap-3">
            {!published ? (
              <>
                <form action={saveAction}>
                  <input type="hidden" name="draftId" value={draftId} />
                  <input type="hidden" name="title" value={title} />
                  <input type="hidden" name="questions" value={payload} />
                  <SubmitButton className="btn-secondary" pendingLabel="Saving…">
                    Save draft
                  </SubmitButton>
                </form>
                <form action={publishAction}>
                  <input type="hidden" name="draftId" value={draftId} />
                  <input type="hidden" name="title" value={title} />
                  <input type="hidden" name="questions" value={payload} />
                  <SubmitButton pendingLabel="Publishing…">Publish lesson and quiz</SubmitButton>
                </form>
              </>
            ) : null}
            <a href={`/import/${draftId}/download`} className="btn-secondary" download>
              Download content files (.zip)
            </a>
          </div>
          <p className="muted text-sm">Publishing saves your edits first. The download holds lesson.yaml, the reading text and the quiz in the content/ format of the saved draft.</p>
          {!published ? <DeleteDraft draftId={draftId} /> : null}
        </div>
      </div>
    </div>
  );
}

function DeleteDraft({ draftId }: { draftId: string }) {
  const [state, action] = useActionState(deleteImportAction, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="text-sm font-semibold text-red-800 underline dark:text-red-300" onClick={() => setConfirming(true)}>
        Delete this draft…
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <span className="text-sm">Delete the draft and all your edits?</span>
      <SubmitButton className="btn-danger" pendingLabel="Deleting…">
        Delete draft
      </SubmitButton>
      <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </form>
  );
}

function LessonDraftPanel({ draft }: { draft: ArticleDraft }) {
  const { lesson } = draft;
  return (
    <section aria-labelledby="lesson-heading" className="card space-y-3">
      <h2 id="lesson-heading" className="text-lg font-semibold">
        Lesson draft
      </h2>
      <details open>
        <summary className="cursor-pointer font-medium">Key facts ({lesson.keyFacts.length})</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {lesson.keyFacts.map((fact) => (
            <li key={fact.text}>
              {fact.text} <span className="muted">({fact.anchor})</span>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">Vocabulary ({lesson.vocabulary.length})</summary>
        <dl className="mt-2 space-y-2 text-sm">
          {lesson.vocabulary.map((v) => (
            <div key={v.term}>
              <dt className="font-semibold">
                {v.term} {v.glossaryId ? <span className="muted font-normal">(glossary)</span> : <span className="muted font-normal">(from the article)</span>}
              </dt>
              <dd className="muted">{v.definition ?? `Used in ${v.anchor}: “${v.sentence}”`}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">Timeline ({lesson.timeline.length})</summary>
        <ol className="mt-2 space-y-1 text-sm">
          {lesson.timeline.map((event) => (
            <li key={`${event.date}-${event.anchor}`}>
              <span className="font-semibold tabular-nums">{event.date}</span> · {event.text}
            </li>
          ))}
        </ol>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">People and groups ({lesson.actors.length})</summary>
        <ul className="mt-2 space-y-2 text-sm">
          {lesson.actors.map((actor) => (
            <li key={actor.name}>
              <span className="font-semibold">{actor.name}</span> <span className="muted">({actor.kind}, mentioned {actor.mentions}×)</span>
              {actor.quotes.map((q) => (
                <blockquote key={q.text} className="muted mt-1 border-l-2 border-stone-300 pl-3 dark:border-stone-600">
                  “{q.text}”
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function sentenceKey(anchor: string, text: string): string {
  return `${anchor}|${text}`;
}

function blankQuestion(type: Kind, evidence: SentenceRef): DraftQuestion {
  const base = {
    id: "new",
    prompt: "",
    explanation: `The article says: “${evidence.text.replace(/["“”]/g, "'")}”`,
    skills: ["recall" as const],
    difficulty: 2 as const,
    evidence: evidence.text,
    evidenceAnchor: evidence.anchor,
    generator: "teacher" as const,
    score: 0,
  };
  switch (type) {
    case "single":
      return { ...base, type, choices: [{ id: "a", text: "" }, { id: "b", text: "" }, { id: "c", text: "" }], answer: "a" };
    case "multiple":
      return { ...base, type, choices: [{ id: "a", text: "" }, { id: "b", text: "" }, { id: "c", text: "" }], answer: ["a"] };
    case "true_false":
      return { ...base, type, answer: true };
    case "numeric":
      return { ...base, type, answer: 0, tolerance: 0 };
    default:
      return { ...base, type: "short_answer", answer: [""] };
  }
}

function QuestionEditor({ question, sentences, onChange, idPrefix }: { question: DraftQuestion; sentences: SentenceRef[]; onChange: (q: DraftQuestion) => void; idPrefix: string }) {
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

function TextArea({ id, label, value, onChange, rows = 2 }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea id={id} className="field-input text-sm field-sizing-content" rows={Math.max(rows, Math.min(8, Math.ceil(value.length / 60)))} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function TextInput({ id, label, value, onChange, className = "" }: { id: string; label: string; value: string; onChange: (v: string) => void; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} className="field-input text-sm" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const splitList = (value: string) => value.split(/\s*;\s*/);

function nextId(ids: string[], prefix: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = prefix ? `${prefix}${n}` : String.fromCharCode(96 + n);
    if (!ids.includes(candidate)) return candidate;
  }
}

function TypeFields({ question, onChange, idPrefix }: { question: DraftQuestion; onChange: (q: DraftQuestion) => void; idPrefix: string }) {
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
