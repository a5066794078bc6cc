/**
 * A guest's quiz history, kept only in this browser's localStorage under
 * {@link GUEST_STORAGE_KEY}. A later feature merges it into an account on
 * sign-up (once per `mergeKey`, see `guest_merges` in db/schema.ts), so the
 * shape is versioned and records everything an attempt row needs.
 *
 * ```ts
 * {
 *   version: 1,
 *   mergeKey: "uuid",                       // random per browser; a merge applies it once
 *   drafts: {                               // quizzes in progress, by quiz id
 *     [quizId]: {
 *       startedAt: "ISO date",
 *       layout: [{ questionId, versionId, order?, rightOrder? }],   // shuffled order shown
 *       answers: { [questionId]: Answer },  // lib/quiz/types.ts
 *     }
 *   },
 *   attempts: [{                            // graded on the server, newest last
 *     id: "uuid", quizId, quizTitle, mode: "test",
 *     startedAt, submittedAt, score, maxScore,
 *     responses: [{ questionId, versionId, answer, credit, outcome, answeredAt }]
 *   }]
 * }
 * ```
 */
import type { LayoutEntry } from "@/lib/quiz/layout";
import type { Answer, Outcome } from "@/lib/quiz/types";

export const GUEST_STORAGE_KEY = "civics-lab:guest:v1";
/** Oldest attempts are dropped past this, so storage stays small. */
export const MAX_GUEST_ATTEMPTS = 100;

export interface GuestDraft {
  startedAt: string;
  layout: LayoutEntry[];
  answers: Record<string, Answer>;
}

export interface GuestResponse {
  questionId: string;
  versionId: number;
  answer: Answer | null;
  credit: number;
  outcome: Outcome;
  answeredAt: string;
}

export interface GuestAttempt {
  id: string;
  quizId: string;
  quizTitle: string;
  mode: "test";
  startedAt: string;
  submittedAt: string;
  score: number;
  maxScore: number;
  responses: GuestResponse[];
}

export interface GuestHistory {
  version: 1;
  mergeKey: string;
  drafts: Record<string, GuestDraft>;
  attempts: GuestAttempt[];
}

function empty(): GuestHistory {
  return { version: 1, mergeKey: crypto.randomUUID(), drafts: {}, attempts: [] };
}

/** Reads the history; anything unreadable or of another version starts fresh rather than crashing the page. */
export function readGuestHistory(): GuestHistory {
  try {
    const raw = window.localStorage.getItem(GUEST_STORAGE_KEY);
    if (!raw) return empty();
    const parsed = JSON.parse(raw) as Partial<GuestHistory>;
    if (parsed.version !== 1 || typeof parsed.mergeKey !== "string" || typeof parsed.drafts !== "object" || !Array.isArray(parsed.attempts)) return empty();
    return parsed as GuestHistory;
  } catch {
    return empty();
  }
}

export function writeGuestHistory(history: GuestHistory): boolean {
  try {
    window.localStorage.setItem(GUEST_STORAGE_KEY, JSON.stringify({ ...history, attempts: history.attempts.slice(-MAX_GUEST_ATTEMPTS) }));
    return true;
  } catch {
    // Private browsing or a full quota: the quiz still works, only history is lost.
    return false;
  }
}

export function updateGuestHistory(change: (history: GuestHistory) => void): GuestHistory {
  const history = readGuestHistory();
  change(history);
  writeGuestHistory(history);
  return history;
}
