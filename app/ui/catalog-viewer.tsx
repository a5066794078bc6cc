"use client";

import Link from "next/link";
import { useSyncExternalStore, type ReactNode } from "react";
import type { ViewerCatalogLesson } from "@/lib/viewer";
import { ContinueCard, GuestContinueCard, GuestLessonProgress, ProgressMeter } from "./lesson/catalog-progress";
import { LessonCard, CARD_GRID } from "./catalog";
import { NextStepsList } from "./next-steps-list";
import { useViewer } from "./use-viewer";

/**
 * The catalog's per-reader islands. The page (`/`) is shared by everyone and cached; these
 * ask GET /api/me?catalog=1 (app/ui/use-viewer.ts, one request shared with the header).
 */

/** What only guests see (sign-up calls, the product preview): shown until /api/me says someone is signed in. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  return viewer?.user ? null : <>{children}</>;
}

const noSubscription = () => () => {};

/** After deleting an account the app sends the reader to `/?reason=account-deleted`: the query is read here, never by the shared page. */
export function AccountDeletedNotice() {
  const deleted = useSyncExternalStore(noSubscription, () => new URLSearchParams(window.location.search).get("reason") === "account-deleted", () => false);
  const viewer = useViewer();
  if (!deleted || viewer?.user) return null;
  return (
    <p role="status" data-testid="account-deleted" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
      Your account and everything in it have been deleted. Thank you for learning with Civics Lab.
    </p>
  );
}

/** Continue card, next steps and the reader's private lessons, between the hero and the catalog. */
export function CatalogReaderPanel({ lessons }: { lessons: { id: string; title: string; sectionCount: number }[] }) {
  const viewer = useViewer();
  if (viewer === undefined) return null;
  const user = viewer.user;
  if (!user) return <GuestContinueCard lessons={lessons} />;
  const catalog = viewer.catalog;
  if (!catalog) return null;
  return (
    <>
      {catalog.resume ? <ContinueCard target={catalog.resume} /> : null}
      {user.role !== "teacher" ? (
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <NextStepsList steps={catalog.nextSteps} />
          <section aria-labelledby="progress-link-heading" className="card flex flex-col justify-between gap-3">
            <div>
              <h2 id="progress-link-heading" className="text-lg font-semibold">
                Your progress
              </h2>
              <p className="muted mt-1 text-sm">Topic mastery over time, the lessons you read and every quiz you took.</p>
            </div>
            <Link href="/progress" className="btn-secondary self-start">
              See your progress
            </Link>
          </section>
        </div>
      ) : null}
      {catalog.privateLessons.length > 0 ? <PrivateLessons lessons={catalog.privateLessons} progress={catalog.progress} /> : null}
    </>
  );
}

function PrivateLessons({ lessons, progress }: { lessons: ViewerCatalogLesson[]; progress: Record<string, { read: number; completed: boolean }> }) {
  return (
    <section aria-labelledby="own-lessons-heading">
      <h2 id="own-lessons-heading" className="text-xl font-semibold">
        From your teacher
      </h2>
      <ul className={CARD_GRID}>
        {lessons.map((lesson) => (
          <LessonCard key={lesson.id} lesson={lesson} topic={lesson.topicTitle} progress={<ProgressMeter read={progress[lesson.id]?.read ?? 0} total={lesson.sectionCount} completed={progress[lesson.id]?.completed === true} />} />
        ))}
      </ul>
    </section>
  );
}

/** One card's progress bar: the reader's own from /api/me, a guest's from this browser; its space is held until it is known. */
export function CardProgress({ lessonId, totalSections }: { lessonId: string; totalSections: number }) {
  const viewer = useViewer();
  if (viewer === undefined) return <div className="mt-3 h-[1.375rem]" aria-hidden="true" />;
  if (!viewer.user) return <GuestLessonProgress lessonId={lessonId} totalSections={totalSections} />;
  const own = viewer.catalog?.progress[lessonId];
  return <ProgressMeter read={own?.read ?? 0} total={totalSections} completed={own?.completed === true} />;
}
