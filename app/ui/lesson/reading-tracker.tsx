"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { saveReadingProgressAction, type SavedProgress } from "@/app/lessons/[slug]/actions";
import { readGuestLevel, readGuestReading, recordGuestReading } from "@/lib/reading/guest-progress";
import { rememberLevelInCookie } from "@/lib/reading/level-cookie";
import { nearestLevel } from "@/lib/reading/levels";
import { useViewer } from "../use-viewer";
import { revealParagraph } from "./dom";

/** How often progress is sent at most while reading. */
const SAVE_INTERVAL_MS = 2500;

export interface TrackedSection {
  id: string;
  heading: string;
  /** The section counts as read once its last paragraph has scrolled up into the reading area. */
  lastAnchor: string;
}

interface Progress {
  sectionsRead: string[];
  lastAnchor: string | null;
  completed: boolean;
}

const noSubscription = () => () => undefined;

/**
 * The lesson page's reading island: follows deep links (scroll, focus,
 * highlight), applies a guest's remembered level, records which sections
 * were read and the paragraph in view (database for signed-in readers,
 * browser storage for guests), and shows progress with a "continue" link.
 */
export function ReadingTracker({
  lessonId,
  level,
  levels,
  levelFromUrlOrAccount,
  sections,
  paragraphNumbers,
}: {
  lessonId: string;
  level: number;
  levels: number[];
  levelFromUrlOrAccount: boolean;
  sections: TrackedSection[];
  paragraphNumbers: Record<string, number>;
}) {
  const router = useRouter();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  // The page is the same for everyone (cached); who is reading comes from GET /api/me.
  const viewer = useViewer();
  const known = viewer !== undefined;
  const signedIn = Boolean(viewer?.user);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // What the reader had when the page opened: the "continue" link must not chase the live position.
  const [resumeAnchor, setResumeAnchor] = useState<string | null>(null);
  const pending = useRef<{ sections: Set<string>; anchor: string | null }>({ sections: new Set(), anchor: null });

  // Signed-in readers: their saved progress, and their saved level when the URL doesn't name one.
  const account = viewer?.user ? viewer.lesson : null;
  useEffect(() => {
    if (!account) return;
    const saved = account.progress;
    // Syncing from the per-reader request, which the cached page can't carry.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setProgress(saved);
    setResumeAnchor(saved && !saved.completed ? saved.lastAnchor : null);
    if (!levelFromUrlOrAccount && account.readingLevel !== null) {
      const target = nearestLevel(levels, account.readingLevel);
      // Next time the server serves this level at once (proxy.ts reads the cookie).
      rememberLevelInCookie(account.readingLevel);
      if (target !== level) router.replace(`/lessons/${lessonId}?level=${target}${window.location.hash}`, { scroll: false });
    }
  }, [account, lessonId, level, levels, levelFromUrlOrAccount, router]);

  // Guests: load stored progress and apply the remembered level when the URL doesn't name one.
  useEffect(() => {
    if (!known || signedIn) return;
    const stored = readGuestReading()[lessonId];
    if (stored) {
      const guestProgress = { sectionsRead: stored.sectionsRead, lastAnchor: stored.lastAnchor, completed: stored.completedAt !== null };
      // Syncing from browser storage, which the server can't see.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setProgress(guestProgress);
      setResumeAnchor(guestProgress.completed ? null : guestProgress.lastAnchor);
    }
    if (!levelFromUrlOrAccount) {
      const remembered = readGuestLevel();
      const target = remembered === null ? level : nearestLevel(levels, remembered);
      if (remembered !== null) rememberLevelInCookie(remembered);
      if (target !== level) router.replace(`/lessons/${lessonId}?level=${target}${window.location.hash}`, { scroll: false });
    }
  }, [known, signedIn, lessonId, level, levels, levelFromUrlOrAccount, router]);

  // Deep links: on load and whenever the hash changes (check feedback links, the continue link).
  useEffect(() => {
    const follow = () => {
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      const target = anchor ? document.getElementById(anchor) : null;
      if (target?.hasAttribute("data-paragraph")) revealParagraph(target, { highlight: true });
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  // Reading: observe paragraphs; flush what was read every few seconds and when the page is hidden.
  // Starts once we know whether to save to the account or to this browser.
  useEffect(() => {
    if (!known) return;
    const sectionByLastAnchor = new Map(sections.map((s) => [s.lastAnchor, s.id]));
    let timer: number | undefined;

    const flush = async () => {
      timer = undefined;
      const batch = pending.current;
      if (batch.sections.size === 0 && !batch.anchor) return;
      pending.current = { sections: new Set(), anchor: null };
      const sectionIds = [...batch.sections];
      if (!signedIn) {
        const saved = recordGuestReading({ lessonId, level, sectionIds, lastAnchor: batch.anchor ?? undefined, totalSections: sections.length });
        setProgress({ sectionsRead: saved.sectionsRead, lastAnchor: saved.lastAnchor, completed: saved.completedAt !== null });
        return;
      }
      const form = new FormData();
      form.set("lessonId", lessonId);
      form.set("level", String(level));
      for (const id of sectionIds) form.append("sectionIds", id);
      if (batch.anchor) form.set("lastAnchor", batch.anchor);
      try {
        const result = await saveReadingProgressAction({ status: "idle" }, form);
        if (result.status === "ok" && result.data) {
          const saved: SavedProgress = result.data;
          setSaveError(null);
          setProgress((previous) => ({ sectionsRead: saved.sectionsRead, lastAnchor: batch.anchor ?? previous?.lastAnchor ?? null, completed: saved.completed }));
        } else if (result.status === "error" || result.status === "invalid") {
          setSaveError(result.message);
        }
      } catch {
        // Offline or the server restarted: keep the batch and try again with the next one.
        batch.sections.forEach((id) => pending.current.sections.add(id));
        pending.current.anchor ??= batch.anchor;
        setSaveError("Your progress couldn't be saved just now. We'll keep trying while you read.");
      }
    };
    const schedule = () => {
      timer ??= window.setTimeout(() => void flush(), SAVE_INTERVAL_MS);
    };

    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const anchor = (entry.target as HTMLElement).id;
          pending.current.anchor = anchor;
          const sectionId = sectionByLastAnchor.get(anchor);
          if (sectionId) pending.current.sections.add(sectionId);
          schedule();
        }
      },
      // The upper two-thirds of the screen is where reading happens.
      { rootMargin: "0px 0px -35% 0px" },
    );
    document.querySelectorAll("[data-paragraph]").forEach((element) => observer.observe(element));
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", onHide);
      if (timer !== undefined) window.clearTimeout(timer);
      void flush();
    };
  }, [known, lessonId, level, sections, signedIn]);

  const readCount = progress?.sectionsRead.filter((id) => sections.some((s) => s.id === id)).length ?? 0;
  const percent = Math.round((readCount / Math.max(1, sections.length)) * 100);
  const showResume = hydrated && resumeAnchor && resumeAnchor !== sections[0]?.lastAnchor && paragraphNumbers[resumeAnchor] !== undefined;

  return (
    <section aria-labelledby="progress-heading" className="card" data-no-print>
      <h2 id="progress-heading" className="text-base font-semibold">
        Your progress
      </h2>
      {progress?.completed ? (
        <p className="mt-2 text-sm font-medium text-green-800 dark:text-green-300">Lesson complete. Nice work!</p>
      ) : (
        <p className="mt-2 text-sm muted">
          {readCount} of {sections.length} sections read
        </p>
      )}
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600 dark:bg-brand-300" style={{ width: `${progress?.completed ? 100 : percent}%` }} />
      </div>
      <ol className="mt-3 space-y-1 text-sm">
        {sections.map((section) => {
          const read = progress?.sectionsRead.includes(section.id) ?? false;
          return (
            <li key={section.id} className="flex items-start gap-2">
              <span aria-hidden="true" className={read ? "text-green-700 dark:text-green-400" : "text-stone-400 dark:text-stone-500"}>
                {read ? "✓" : "○"}
              </span>
              <a href={`#${section.id}`} className="text-stone-800 dark:text-stone-200">
                {section.heading}
                <span className="sr-only">{read ? " (read)" : " (not read yet)"}</span>
              </a>
            </li>
          );
        })}
      </ol>
      {showResume ? (
        <a href={`#${resumeAnchor}`} className="btn-secondary mt-4 w-full" onClick={() => setResumeAnchor(null)}>
          Continue where you left off (paragraph {paragraphNumbers[resumeAnchor]})
        </a>
      ) : null}
      {known && !signedIn && hydrated ? <p className="mt-3 text-xs muted">Saved in this browser. Sign in to keep your progress on every device.</p> : null}
      {saveError ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {saveError}
        </p>
      ) : null}
    </section>
  );
}
