"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { GUEST_READING_KEY, readGuestReading } from "@/lib/reading/guest-progress";
import { readGuestHistory, writeGuestHistory } from "@/app/quizzes/ui/guest-history";
import { sendJson } from "./send-json";

/**
 * After sign-in or sign-up: sends this browser's guest quiz history and
 * reading progress to the account once (the server applies a merge key only
 * once), then clears the browser copy and starts a fresh merge key. If the
 * request fails, the browser keeps everything and tries again next page load.
 */
export function GuestMerge() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const history = readGuestHistory();
    const reading = readGuestReading();
    if (history.attempts.length === 0 && Object.keys(reading).length === 0) return;
    const controller = new AbortController();
    void (async () => {
      try {
        const summary = await sendJson<{ merged: boolean; attempts: number; lessons: number }>(
          "/api/guest-merge",
          {
            mergeKey: history.mergeKey,
            attempts: history.attempts.map((a) => ({ quizId: a.quizId, startedAt: a.startedAt, submittedAt: a.submittedAt, responses: a.responses.map((r) => ({ questionId: r.questionId, versionId: r.versionId, answer: r.answer })) })),
            reading: Object.fromEntries(Object.entries(reading).map(([lessonId, p]) => [lessonId, { level: p.level, sectionsRead: p.sectionsRead, lastAnchor: p.lastAnchor, completedAt: p.completedAt }])),
          },
          { signal: controller.signal },
        );
        writeGuestHistory({ version: 1, mergeKey: crypto.randomUUID(), drafts: history.drafts, attempts: [] });
        try {
          window.localStorage.removeItem(GUEST_READING_KEY);
        } catch {
          // Storage disabled: nothing was stored to clear.
        }
        if (summary.merged && summary.attempts + summary.lessons > 0) {
          const parts = [summary.attempts ? `${summary.attempts} quiz${summary.attempts === 1 ? "" : "zes"}` : null, summary.lessons ? `${summary.lessons} lesson${summary.lessons === 1 ? "" : "s"}` : null].filter(Boolean);
          setMessage(`We added ${parts.join(" and ")} from this browser to your account.`);
          router.refresh();
        }
      } catch {
        // Offline, aborted or refused (rate limit): the history stays in the browser for the next try.
      }
    })();
    return () => controller.abort();
  }, [router]);

  return (
    <div aria-live="polite" className="mx-auto max-w-6xl px-4">
      {message ? (
        <p data-testid="guest-merge-message" className="mt-3 flex items-center justify-between gap-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
          {message}
          <button type="button" className="text-sm font-medium underline" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
