"use client";

import { useId, useRef, useState } from "react";
import { SentOnceHtml } from "./sent-once-html";

/** An event as the page passes it: keys of its date-and-title and details HTML (lib/reading/lesson-html.ts), sent in the document only. */
export interface TimelineEventKeys {
  id: string;
  head: string;
  details: string;
}

/**
 * The lesson's events, oldest first, as an ordered list. Each event is a
 * button that opens its details; arrow keys (and Home/End) move between
 * events. "Show all details" turns it into a plain list with everything open,
 * which is also what prints. The events' text is in the HTML once (SentOnceHtml); this island
 * gets only their keys.
 */
export function LessonTimeline({ events }: { events: TimelineEventKeys[] }) {
  const [selected, setSelected] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const baseId = useId();

  const move = (event: React.KeyboardEvent, index: number) => {
    const last = events.length - 1;
    const next =
      event.key === "ArrowDown" || event.key === "ArrowRight"
        ? Math.min(last, index + 1)
        : event.key === "ArrowUp" || event.key === "ArrowLeft"
          ? Math.max(0, index - 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setSelected(next);
    buttons.current[next]?.focus();
  };

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2" data-no-print>
        <p className="text-sm muted" id={`${baseId}-hint`}>
          {showAll ? "All events, oldest first." : "Choose an event to see what happened. Arrow keys move between events."}
        </p>
        <button type="button" className="btn-secondary" aria-pressed={showAll} onClick={() => setShowAll((value) => !value)}>
          {showAll ? "Show one at a time" : "Show all details"}
        </button>
      </div>
      <ol className="relative mt-4 space-y-1 border-l-2 border-brand-200 pl-0 dark:border-brand-800">
        {events.map((event, index) => {
          const open = showAll || index === selected;
          const detailsId = `${baseId}-event-${index}`;
          return (
            <li key={event.id} className="relative pl-6">
              <span
                aria-hidden="true"
                className={`absolute -left-[7px] top-3.5 size-3 rounded-full border-2 ${
                  open ? "border-brand-700 bg-brand-700 dark:border-brand-300 dark:bg-brand-300" : "border-brand-400 bg-white dark:border-brand-500 dark:bg-stone-950"
                }`}
              />
              {showAll ? (
                <p className="py-2">
                  <SentOnceHtml as="span" className="contents" htmlKey={event.head} />
                </p>
              ) : (
                <button
                  ref={(element) => {
                    buttons.current[index] = element;
                  }}
                  type="button"
                  aria-expanded={open}
                  aria-controls={detailsId}
                  aria-describedby={index === 0 ? `${baseId}-hint` : undefined}
                  tabIndex={index === selected ? 0 : -1}
                  onClick={() => setSelected(index)}
                  onKeyDown={(keyEvent) => move(keyEvent, index)}
                  className={`w-full rounded-md px-3 py-2 text-left hover:bg-stone-100 dark:hover:bg-stone-800 ${open ? "bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-700" : ""}`}
                >
                  <SentOnceHtml as="span" className="contents" htmlKey={event.head} />
                </button>
              )}
              <SentOnceHtml as="div" id={detailsId} className={`${open ? "" : "hidden"} ${showAll ? "pb-3" : "px-3 pb-3 pt-1"} print:block`} htmlKey={event.details} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
