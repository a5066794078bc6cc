"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { GUEST_READING_KEY, readGuestReading } from "@/lib/reading/guest-progress";
import { ROUND_SIZE, buildRound, isRight, termsOfLessons, type PracticeCard, type PracticeTerm } from "@/lib/reading/vocabulary-practice";

type Phase = { kind: "start" } | { kind: "card"; cards: PracticeCard[]; index: number; choice: string | null; checked: boolean; missed: string[]; right: number } | { kind: "done"; cards: PracticeCard[]; missed: string[]; right: number };

// A guest's read lessons live in localStorage; the server render knows none (null), the browser reads them after hydration.
function subscribeStorage(onChange: () => void) {
  const listener = (event: StorageEvent) => {
    if (event.key === GUEST_READING_KEY) onChange();
  };
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}
const guestReadSnapshot = () => Object.keys(readGuestReading()).sort().join("\n");

/**
 * "Which word means this?" rounds from the key vocabulary of the lessons the
 * reader has read. Keyboard: arrows or 1–4 pick, Enter checks, Enter again
 * goes on (the Next button takes focus).
 */
export function VocabularyPractice({ terms, readLessonIds, lessons }: { terms: PracticeTerm[]; readLessonIds: string[] | null; lessons: { id: string; title: string }[] }) {
  const guestRead = useSyncExternalStore(subscribeStorage, guestReadSnapshot, () => null);
  const hydrated = readLessonIds !== null || guestRead !== null;
  const readIds = useMemo(() => readLessonIds ?? (guestRead ? guestRead.split("\n").filter(Boolean) : []), [readLessonIds, guestRead]);
  const deck = useMemo(() => termsOfLessons(terms, readIds), [terms, readIds]);
  const readLessons = lessons.filter((lesson) => readIds.includes(lesson.id));
  const [phase, setPhase] = useState<Phase>({ kind: "start" });
  const focusRef = useRef<HTMLElement | null>(null);
  const [focusKey, setFocusKey] = useState(0);

  useEffect(() => {
    if (focusKey > 0) focusRef.current?.focus();
  }, [focusKey]);

  function start(practise: PracticeTerm[]) {
    setPhase({ kind: "card", cards: buildRound(practise, terms), index: 0, choice: null, checked: false, missed: [], right: 0 });
    setFocusKey((k) => k + 1);
  }

  if (!hydrated) {
    return <p className="muted">Finding the lessons you&apos;ve read…</p>;
  }

  if (phase.kind === "start") {
    if (deck.length === 0) {
      return (
        <section className="card space-y-3" aria-labelledby="vocab-empty-heading">
          <h2 id="vocab-empty-heading" className="text-lg font-semibold">
            No words yet
          </h2>
          <p>Read a lesson first: the key words of every lesson you read show up here to practise.</p>
          {lessons.length ? (
            <ul className="list-disc space-y-1 pl-5">
              {lessons.map((lesson) => (
                <li key={lesson.id}>
                  <Link href={`/lessons/${encodeURIComponent(lesson.id)}`}>{lesson.title}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      );
    }
    const size = Math.min(ROUND_SIZE, deck.length);
    return (
      <div className="space-y-6">
        <section className="card space-y-4" aria-labelledby="vocab-start-heading">
          <h2 id="vocab-start-heading" className="text-lg font-semibold">
            {deck.length} word{deck.length === 1 ? "" : "s"} from {readLessons.length} lesson{readLessons.length === 1 ? "" : "s"} you&apos;ve read
          </h2>
          <p className="text-sm">You see a definition and pick the word it belongs to. {size} words a round; at the end you can go over the ones you missed.</p>
          <button type="button" className="btn-primary" onClick={() => start(deck)}>
            Practise {size} word{size === 1 ? "" : "s"}
          </button>
        </section>
        <details className="card">
          <summary className="cursor-pointer font-semibold">Study the list first</summary>
          <dl className="mt-4 space-y-3 text-sm">
            {deck.map((term) => (
              <div key={term.key}>
                <dt className="font-semibold">
                  <dfn className="not-italic">{term.term}</dfn>
                </dt>
                <dd className="muted">
                  {term.definition}{" "}
                  <span className="whitespace-nowrap">
                    (<Link href={`/lessons/${encodeURIComponent(term.lessons[0]!.id)}`}>{term.lessons[0]!.title}</Link>)
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
    );
  }

  if (phase.kind === "done") {
    const missedCards = phase.cards.filter((card) => phase.missed.includes(card.key));
    return (
      <section className="card space-y-4" aria-labelledby="vocab-done-heading">
        <h2 id="vocab-done-heading" ref={(el) => void (focusRef.current = el)} tabIndex={-1} className="text-lg font-semibold focus:outline-none" data-testid="vocab-score">
          {phase.right} of {phase.cards.length} right
        </h2>
        {missedCards.length ? (
          <>
            <p className="text-sm">Worth another look:</p>
            <dl className="space-y-3 text-sm">
              {missedCards.map((card) => (
                <div key={card.key}>
                  <dt className="font-semibold">{card.answer}</dt>
                  <dd className="muted">{card.definition}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p className="text-sm">Every word right. A new round mixes them up again.</p>
        )}
        <p className="flex flex-wrap gap-3">
          {missedCards.length ? (
            <button type="button" className="btn-primary" onClick={() => start(deck.filter((term) => phase.missed.includes(term.key)))}>
              Practise the {missedCards.length} missed word{missedCards.length === 1 ? "" : "s"}
            </button>
          ) : null}
          <button type="button" className={missedCards.length ? "btn-secondary" : "btn-primary"} onClick={() => start(deck)}>
            New round
          </button>
        </p>
      </section>
    );
  }

  const card = phase.cards[phase.index]!;
  const correct = phase.checked && phase.choice !== null && isRight(card, phase.choice);

  function check(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.kind !== "card") return;
    if (phase.checked) return next();
    if (phase.choice === null) return;
    const right = isRight(card, phase.choice);
    setPhase({ ...phase, checked: true, right: phase.right + (right ? 1 : 0), missed: right ? phase.missed : [...phase.missed, card.key] });
    setFocusKey((k) => k + 1);
  }

  function next() {
    if (phase.kind !== "card") return;
    if (phase.index + 1 >= phase.cards.length) setPhase({ kind: "done", cards: phase.cards, missed: phase.missed, right: phase.right });
    else setPhase({ ...phase, index: phase.index + 1, choice: null, checked: false });
    setFocusKey((k) => k + 1);
  }

  /**
   * 1–4 pick a choice (and move focus to it, so a screen reader says which);
   * Enter checks from anywhere on the card but a button or link (radios
   * don't submit a form on Enter in every browser).
   */
  function onKeyDown(event: React.KeyboardEvent<HTMLFormElement>) {
    if (phase.kind !== "card" || event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    const number = Number(event.key);
    if (!phase.checked && Number.isInteger(number) && number >= 1 && number <= card.options.length) {
      event.preventDefault();
      setPhase({ ...phase, choice: card.options[number - 1]! });
      event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=radio]")[number - 1]?.focus();
      return;
    }
    if (event.key === "Enter" && !phase.checked && !(event.target as HTMLElement).closest("a, button")) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold" data-testid="vocab-position">
        Word {phase.index + 1} of {phase.cards.length}
        <span className="muted font-normal"> · {phase.right} right so far</span>
      </p>
      <div className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700" aria-hidden="true">
        <div className="h-full bg-brand-700 dark:bg-brand-300" style={{ width: `${((phase.index + (phase.checked ? 1 : 0)) / phase.cards.length) * 100}%` }} />
      </div>
      <form className="card space-y-4" onSubmit={check} onKeyDown={onKeyDown} aria-label="Vocabulary card">
        <fieldset className="space-y-3">
          <legend ref={(el) => void (phase.checked ? null : (focusRef.current = el))} tabIndex={-1} className="focus:outline-none">
            <span className="muted block text-sm">Which word means…</span>
            <span className="mt-1 block text-lg font-medium" data-testid="vocab-definition">
              {card.definition}
            </span>
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {card.options.map((option, i) => {
              const isChoice = phase.choice === option;
              const mark = phase.checked ? (isRight(card, option) ? "right" : isChoice ? "wrong" : null) : null;
              return (
                <label
                  key={option}
                  className={`flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 ${
                    mark === "right"
                      ? "border-green-600 bg-green-50 dark:border-green-500 dark:bg-green-950"
                      : mark === "wrong"
                        ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950"
                        : isChoice
                          ? "border-brand-700 dark:border-brand-300"
                          : "border-stone-300 dark:border-stone-600"
                  }`}
                >
                  <input type="radio" name="choice" value={option} checked={isChoice} disabled={phase.checked} onChange={() => setPhase({ ...phase, choice: option })} className="size-4 accent-brand-700" />
                  <span className="muted text-xs tabular-nums" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="font-medium">{option}</span>
                  {mark ? <span className="ml-auto text-sm font-semibold">{mark === "right" ? "✓ right word" : "✗ your pick"}</span> : null}
                </label>
              );
            })}
          </div>
        </fieldset>
        {phase.checked ? (
          <div className="space-y-2" role="status">
            <p className={`font-semibold ${correct ? "text-green-800 dark:text-green-200" : "text-red-800 dark:text-red-200"}`}>{correct ? "Right." : `Not quite: the word is “${card.answer}”.`}</p>
            {card.lesson ? (
              <p className="text-sm">
                Met in <Link href={`/lessons/${encodeURIComponent(card.lesson.id)}`}>{card.lesson.title}</Link>.
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          {phase.checked ? (
            <button type="button" ref={(el) => void (el ? (focusRef.current = el) : null)} className="btn-primary" onClick={next}>
              {phase.index + 1 >= phase.cards.length ? "See how you did" : "Next word"}
            </button>
          ) : (
            <button type="submit" className="btn-primary" disabled={phase.choice === null} aria-disabled={phase.choice === null}>
              Check
            </button>
          )}
          <span className="muted text-xs">Keys: 1–{card.options.length} or arrows to pick, Enter to check and go on.</span>
        </div>
      </form>
    </div>
  );
}
