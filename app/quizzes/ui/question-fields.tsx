"use client";

import { useRef, useState } from "react";
import type { Answer, PublicQuestionData } from "@/lib/quiz/types";

/**
 * The input for one question, for every question type. Everything works with
 * the keyboard and a screen reader: ordering uses Move up / Move down buttons
 * and the arrow keys with a live announcement, plus drag and drop by mouse,
 * pen or touch (pointer events); matching uses one labelled select per item,
 * cloze blanks are labelled inputs inside the sentence.
 */
/** Practice feedback on chosen options: option id (or "true"/"false") -> right or wrong. */
export type OptionMarks = Record<string, "right" | "wrong">;

export interface QuestionFieldsProps {
  /** Unique per question on the page, used for ids. */
  idPrefix: string;
  number: number;
  data: PublicQuestionData;
  answer: Answer | undefined;
  onChange: (answer: Answer | null) => void;
  disabled?: boolean;
  /** After a practice check: marks on the chosen options (words and icons, not colour alone). */
  marks?: OptionMarks;
}

const TYPE_HINT: Record<PublicQuestionData["type"], string> = {
  single: "Choose one answer.",
  multiple: "Choose all that apply.",
  true_false: "Choose true or false.",
  ordering: "Put the items in order: drag them, use the Move up and Move down buttons, or focus an item and press the up and down arrow keys.",
  matching: "Choose a match for each item.",
  short_answer: "Type a short answer.",
  numeric: "Type a number.",
  cloze: "Fill in each blank.",
};

export function QuestionFields(props: QuestionFieldsProps) {
  const { idPrefix, number, data } = props;
  const hintId = `${idPrefix}-hint`;
  const promptId = `${idPrefix}-prompt`;
  return (
    <fieldset className="min-w-0" aria-describedby={hintId} disabled={props.disabled}>
      <legend id={promptId} className="text-base font-semibold leading-snug text-stone-900 sm:text-lg dark:text-stone-50">
        <span className="mr-2 text-brand-700 dark:text-brand-300">{number}.</span>
        {data.prompt}
      </legend>
      <p id={hintId} className="field-hint mt-1">
        {TYPE_HINT[data.type]}
      </p>
      <div className="mt-4">
        <Body {...props} />
      </div>
    </fieldset>
  );
}

const optionClass =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 dark:border-stone-600 dark:bg-stone-900 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-900/40 dark:has-[:focus-visible]:outline-brand-300";
const controlClass = "mt-1 size-4 shrink-0 accent-brand-700 dark:accent-brand-300 focus-visible:outline-none";

/** The right/wrong tag on a checked option; the option's border changes colour too, but the words carry the meaning. */
function Mark({ mark }: { mark: "right" | "wrong" | undefined }) {
  if (!mark) return null;
  return mark === "right" ? (
    <span data-mark="right" className="ml-auto shrink-0 rounded-full bg-green-100 px-2 py-0.5 text-sm font-semibold text-green-900 dark:bg-green-950 dark:text-green-200">
      <span aria-hidden="true">✓ </span>Right
    </span>
  ) : (
    <span data-mark="wrong" className="ml-auto shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">
      <span aria-hidden="true">✗ </span>Not right
    </span>
  );
}

function markedClass(mark: "right" | "wrong" | undefined): string {
  return mark === "right" ? " !border-green-600 dark:!border-green-400" : mark === "wrong" ? " !border-red-600 dark:!border-red-400" : "";
}

function Body({ idPrefix, data, answer, onChange, marks = {} }: QuestionFieldsProps) {
  switch (data.type) {
    case "single":
      return (
        <div className="grid gap-2">
          {data.choices.map((choice) => (
            <label key={choice.id} className={optionClass + markedClass(marks[choice.id])}>
              <input type="radio" className={controlClass} name={idPrefix} value={choice.id} checked={answer?.type === "single" && answer.choice === choice.id} onChange={() => onChange({ type: "single", choice: choice.id })} />
              <span>{choice.text}</span>
              <Mark mark={marks[choice.id]} />
            </label>
          ))}
        </div>
      );
    case "multiple": {
      const picked = answer?.type === "multiple" ? answer.choices : [];
      return (
        <div className="grid gap-2">
          {data.choices.map((choice) => (
            <label key={choice.id} className={optionClass + markedClass(marks[choice.id])}>
              <input
                type="checkbox"
                className={controlClass}
                name={idPrefix}
                value={choice.id}
                checked={picked.includes(choice.id)}
                onChange={(event) => {
                  const next = event.target.checked ? [...picked, choice.id] : picked.filter((id) => id !== choice.id);
                  onChange(next.length ? { type: "multiple", choices: next } : null);
                }}
              />
              <span>{choice.text}</span>
              <Mark mark={marks[choice.id]} />
            </label>
          ))}
        </div>
      );
    }
    case "true_false":
      return (
        <div className="grid gap-2 sm:grid-cols-2">
          {[true, false].map((value) => (
            <label key={String(value)} className={optionClass + markedClass(marks[String(value)])}>
              <input type="radio" className={controlClass} name={idPrefix} value={String(value)} checked={answer?.type === "true_false" && answer.value === value} onChange={() => onChange({ type: "true_false", value })} />
              <span>{value ? "True" : "False"}</span>
              <Mark mark={marks[String(value)]} />
            </label>
          ))}
        </div>
      );
    case "ordering":
      return <OrderingField idPrefix={idPrefix} data={data} answer={answer} onChange={onChange} />;
    case "matching": {
      const pairs = answer?.type === "matching" ? answer.pairs : {};
      return (
        <div className="grid gap-3">
          {data.left.map((left) => {
            const selectId = `${idPrefix}-${left.id}`;
            return (
              <div key={left.id} className="grid gap-1 sm:grid-cols-[1fr_minmax(12rem,1fr)] sm:items-center sm:gap-4">
                <label htmlFor={selectId} className="text-base">
                  {left.text}
                </label>
                <select
                  id={selectId}
                  className="field-input mt-0"
                  value={pairs[left.id] ?? ""}
                  onChange={(event) => {
                    const next = { ...pairs };
                    if (event.target.value) next[left.id] = event.target.value;
                    else delete next[left.id];
                    onChange(Object.keys(next).length ? { type: "matching", pairs: next } : null);
                  }}
                >
                  <option value="">Choose a match…</option>
                  {data.right.map((right) => (
                    <option key={right.id} value={right.id}>
                      {right.text}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      );
    }
    case "short_answer": {
      const inputId = `${idPrefix}-text`;
      return (
        <div>
          <label htmlFor={inputId} className="sr-only">
            Your answer
          </label>
          <input
            id={inputId}
            type="text"
            className="field-input max-w-md"
            autoComplete="off"
            spellCheck
            maxLength={data.maxLength}
            value={answer?.type === "short_answer" ? answer.text : ""}
            onChange={(event) => onChange(event.target.value === "" ? null : { type: "short_answer", text: event.target.value })}
          />
        </div>
      );
    }
    case "numeric":
      return <NumericField idPrefix={idPrefix} unit={data.unit} answer={answer} onChange={onChange} />;
    case "cloze": {
      const blanks = answer?.type === "cloze" ? answer.blanks : {};
      const blankIds = data.segments.flatMap((segment) => ("blank" in segment ? [segment.blank] : []));
      return (
        <p className="text-base leading-[2.6]">
          {data.segments.map((segment, position) => {
            if ("text" in segment) return <span key={position}>{segment.text}</span>;
            const index = blankIds.indexOf(segment.blank) + 1;
            const inputId = `${idPrefix}-${segment.blank}`;
            return (
              <span key={position} className="inline-block align-baseline">
                <label htmlFor={inputId} className="sr-only">
                  Blank {index} of {blankIds.length}
                </label>
                <input
                  id={inputId}
                  type="text"
                  autoComplete="off"
                  maxLength={200}
                  className="mx-1 inline-block w-40 rounded-md border border-stone-400 bg-white px-2 py-1 text-base focus:border-brand-600 focus:outline-2 focus:outline-brand-600 dark:border-stone-500 dark:bg-stone-900"
                  value={blanks[segment.blank] ?? ""}
                  onChange={(event) => {
                    const next = { ...blanks, [segment.blank]: event.target.value };
                    if (event.target.value === "") delete next[segment.blank];
                    onChange(Object.keys(next).length ? { type: "cloze", blanks: next } : null);
                  }}
                />
              </span>
            );
          })}
        </p>
      );
    }
  }
}

interface DragState {
  id: string;
  from: number;
  pointerId: number;
  startY: number;
  dy: number;
  /** Vertical centres of the rows when the drag began. */
  centers: number[];
}

function OrderingField({ idPrefix, data, answer, onChange }: { idPrefix: string; data: Extract<PublicQuestionData, { type: "ordering" }>; answer: Answer | undefined; onChange: (answer: Answer) => void }) {
  const [announcement, setAnnouncement] = useState("");
  const [drag, setDrag] = useState<DragState | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const byId = new Map(data.items.map((item) => [item.id, item]));
  const stored = answer?.type === "ordering" ? answer.order.filter((id) => byId.has(id)) : [];
  const order = stored.length === data.items.length ? stored : data.items.map((item) => item.id);
  const keyHintId = `${idPrefix}-order-keys`;

  /** Moves an item; `focusOn` says what keeps focus afterwards: the same Move button, or the item row itself (arrow keys). */
  function move(from: number, to: number, focusOn: "up" | "down" | "row" | "none") {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    onChange({ type: "ordering", order: next });
    setAnnouncement(`${byId.get(moved!)?.text} moved to position ${to + 1} of ${next.length}.`);
    if (focusOn === "none") return;
    requestAnimationFrame(() => {
      const row = list.current?.children[to] as HTMLElement | undefined;
      // Moving a row in the DOM drops focus to the body, so it is put back here; but if the student has already moved
      // on to another control (a slow frame), that choice wins: taking focus back would make their next key move this item.
      const active = document.activeElement;
      if (active && active !== document.body && !row?.contains(active)) return;
      if (focusOn === "row") {
        row?.focus();
        return;
      }
      // Keep focus on the same button of the moved item, or the other one at the ends of the list.
      const atEdge = (focusOn === "up" && to === 0) || (focusOn === "down" && to === next.length - 1);
      const wanted = atEdge ? (focusOn === "up" ? "down" : "up") : focusOn;
      row?.querySelector<HTMLButtonElement>(`button[data-move="${wanted}"]`)?.focus();
    });
  }

  /** Where the dragged row would land: how many other rows' centres its centre has passed. */
  function dropIndex(state: DragState): number {
    const center = state.centers[state.from]! + state.dy;
    let index = 0;
    state.centers.forEach((c, i) => {
      if (i !== state.from && c < center) index += 1;
    });
    return index;
  }

  function startDrag(event: React.PointerEvent<HTMLElement>, id: string, from: number) {
    if (event.button !== 0) return;
    const rows = [...(list.current?.children ?? [])] as HTMLElement[];
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ id, from, pointerId: event.pointerId, startY: event.clientY, dy: 0, centers: rows.map((row) => row.getBoundingClientRect().top + row.offsetHeight / 2) });
  }

  function dragMove(event: React.PointerEvent<HTMLElement>) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag({ ...drag, dy: event.clientY - drag.startY });
  }

  function endDrag(event: React.PointerEvent<HTMLElement>) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const to = dropIndex(drag);
    setDrag(null);
    move(drag.from, to, "none");
  }

  const target = drag ? dropIndex(drag) : null;
  return (
    <div>
      <p id={keyHintId} className="sr-only">
        Press the up or down arrow key to move this item.
      </p>
      <ol ref={list} className="grid gap-2" aria-label="Items in your order">
        {order.map((id, index) => {
          const item = byId.get(id)!;
          const dragging = drag?.id === id;
          return (
            <li
              key={id}
              tabIndex={0}
              aria-describedby={keyHintId}
              data-order-item={item.text}
              onKeyDown={(event) => {
                if (event.target !== event.currentTarget) return;
                if (event.key === "ArrowUp") {
                  event.preventDefault();
                  move(index, index - 1, "row");
                } else if (event.key === "ArrowDown") {
                  event.preventDefault();
                  move(index, index + 1, "row");
                }
              }}
              style={dragging ? { transform: `translateY(${drag.dy}px)`, zIndex: 10, position: "relative" } : undefined}
              className={`flex items-center gap-3 rounded-lg border bg-white px-3 py-2 dark:bg-stone-900 ${
                dragging ? "border-brand-600 shadow-lg dark:border-brand-300" : target !== null && !dragging && index === target ? "border-dashed border-brand-600 dark:border-brand-300" : "border-stone-300 dark:border-stone-600"
              }`}
            >
              {/* The handle takes the pointer (touch-action: none keeps the page from scrolling while dragging); keyboard users have the arrows and buttons. */}
              <span
                aria-hidden="true"
                data-drag-handle
                onPointerDown={(event) => startDrag(event, id, index)}
                onPointerMove={dragMove}
                onPointerUp={endDrag}
                onPointerCancel={() => setDrag(null)}
                className="grid size-9 shrink-0 cursor-grab touch-none select-none place-items-center rounded-md text-lg text-stone-500 hover:bg-stone-100 active:cursor-grabbing dark:text-stone-400 dark:hover:bg-stone-800"
              >
                ⠿
              </span>
              <span aria-hidden="true" className="grid size-7 shrink-0 place-items-center rounded-full bg-stone-100 text-sm font-semibold text-stone-700 dark:bg-stone-800 dark:text-stone-200">
                {index + 1}
              </span>
              <span className="flex-1 text-base">{item.text}</span>
              <span className="flex shrink-0 gap-1">
                <button type="button" data-move="up" className="btn-secondary min-h-9 px-2.5" disabled={index === 0} onClick={() => move(index, index - 1, "up")} aria-label={`Move up: ${item.text}`}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" data-move="down" className="btn-secondary min-h-9 px-2.5" disabled={index === order.length - 1} onClick={() => move(index, index + 1, "down")} aria-label={`Move down: ${item.text}`}>
                  <span aria-hidden="true">↓</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p id={`${idPrefix}-announce`} aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function NumericField({ idPrefix, unit, answer, onChange }: { idPrefix: string; unit?: string; answer: Answer | undefined; onChange: (answer: Answer | null) => void }) {
  const initial = answer?.type === "numeric" ? String(answer.value) : "";
  const [text, setText] = useState(initial);
  const inputId = `${idPrefix}-number`;
  const errorId = `${idPrefix}-number-error`;
  const parsed = parseNumber(text);
  const invalid = text.trim() !== "" && parsed === null;
  return (
    <div>
      <label htmlFor={inputId} className="sr-only">
        Your answer{unit ? ` in ${unit}` : ""}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="field-input mt-0 w-40"
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const value = parseNumber(event.target.value);
            onChange(value === null ? null : { type: "numeric", value });
          }}
        />
        {unit ? <span className="muted">{unit}</span> : null}
      </div>
      {invalid ? (
        <p id={errorId} className="field-error">
          Enter a number, like 15 or 7.5.
        </p>
      ) : null}
    </div>
  );
}

/** "1,000" and " 7.5 " are numbers; "", "abc" and "1e400" are not. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/,(?=\d{3}\b)/g, "").replace(/\u2212/g, "-");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
