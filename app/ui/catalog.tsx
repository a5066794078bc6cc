import Link from "next/link";
import type { ReactNode } from "react";
import type { ViewerCatalogLesson } from "@/lib/viewer";

/** One lesson's card in the catalog; `progress` is the reader's bar (a client island on the shared page). */
export function LessonCard({ lesson, topic, progress }: { lesson: ViewerCatalogLesson; topic: string; progress: ReactNode }) {
  return (
    <li className="card relative flex flex-col focus-within:ring-2 focus-within:ring-brand-600 dark:focus-within:ring-brand-300">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-200">{topic}</p>
      <h3 className="mt-2 text-lg font-semibold leading-snug">
        {/* The ::after makes the whole card clickable while the title stays the one link screen readers hear. */}
        <Link href={`/lessons/${lesson.id}`} className="text-stone-900 no-underline after:absolute after:inset-0 after:rounded-xl hover:underline focus-visible:outline-none dark:text-stone-50">
          {lesson.title}
        </Link>
      </h3>
      <p className="mt-2 flex-1 text-sm muted">{lesson.summary}</p>
      <p className="mt-4 text-xs text-stone-700 dark:text-stone-300">
        {lesson.details}
      </p>
      {progress}
    </li>
  );
}

export const CARD_GRID = "mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3";
