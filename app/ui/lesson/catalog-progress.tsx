"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { GUEST_READING_KEY, readGuestReading, type GuestReadingStore } from "@/lib/reading/guest-progress";

/** Progress bar and label for one lesson card; shared by the server (accounts) and guest views. */
export function ProgressMeter({ read, total, completed }: { read: number; total: number; completed: boolean }) {
  const percent = completed ? 100 : Math.round((Math.min(read, total) / Math.max(1, total)) * 100);
  return (
    <div className="mt-3">
      <p className="text-xs font-medium text-stone-700 dark:text-stone-300">{completed ? "Completed" : read > 0 ? `${read} of ${total} sections read` : "Not started"}</p>
      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700" aria-hidden="true">
        <div className={`h-full rounded-full ${completed ? "bg-green-600 dark:bg-green-400" : "bg-brand-600 dark:bg-brand-300"}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

// localStorage as an external store: re-read when another tab writes to it.
let cachedRaw: string | null | undefined;
let cachedStore: GuestReadingStore = {};
function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === GUEST_READING_KEY) onChange();
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}
function snapshot(): GuestReadingStore {
  const raw = window.localStorage.getItem(GUEST_READING_KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedStore = readGuestReading();
  }
  return cachedStore;
}
const emptyStore = (): GuestReadingStore => ({});

function useGuestReading(): GuestReadingStore {
  return useSyncExternalStore(subscribe, snapshot, emptyStore);
}

/** A guest's progress on one catalog card, from browser storage. */
export function GuestLessonProgress({ lessonId, totalSections }: { lessonId: string; totalSections: number }) {
  const entry = useGuestReading()[lessonId];
  return <ProgressMeter read={entry?.sectionsRead.length ?? 0} total={totalSections} completed={entry?.completedAt != null} />;
}

export interface ContinueTarget {
  lessonId: string;
  title: string;
  level: number;
  lastAnchor: string | null;
  read: number;
  total: number;
}

export function ContinueCard({ target }: { target: ContinueTarget }) {
  const href = `/lessons/${target.lessonId}?level=${target.level}${target.lastAnchor ? `#${target.lastAnchor}` : ""}`;
  return (
    <section aria-labelledby="continue-heading" className="card flex flex-wrap items-center gap-4 border-brand-300 dark:border-brand-700">
      {/* A minimum width so that on a phone the button goes below the title instead of squeezing it. */}
      <div className="min-w-[14rem] flex-1">
        <h2 id="continue-heading" className="text-sm font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-200">
          Continue where you left off
        </h2>
        <p className="mt-1 text-lg font-semibold">{target.title}</p>
        <p className="text-sm muted">
          {target.read} of {target.total} sections read · Level {target.level}
        </p>
      </div>
      <Link href={href} className="btn-primary">
        Continue reading<span className="sr-only">: {target.title}</span>
      </Link>
    </section>
  );
}

/** The guest version of the card: the most recently read lesson that isn't finished. */
export function GuestContinueCard({ lessons }: { lessons: { id: string; title: string; sectionCount: number }[] }) {
  const store = useGuestReading();
  const latest = Object.entries(store)
    .filter(([id, entry]) => entry.completedAt === null && lessons.some((lesson) => lesson.id === id))
    .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)[0];
  if (!latest) return null;
  const [lessonId, entry] = latest;
  const lesson = lessons.find((l) => l.id === lessonId)!;
  return (
    <ContinueCard
      target={{ lessonId, title: lesson.title, level: entry.level, lastAnchor: entry.lastAnchor, read: entry.sectionsRead.length, total: lesson.sectionCount }}
    />
  );
}
