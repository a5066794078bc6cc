/**
 * Reading progress for visitors without an account, kept in localStorage.
 * A later sign-up merges it into the account, so the shape is versioned:
 *
 *   localStorage["civics-lab:guest-reading:v1"] = {
 *     [lessonId]: {
 *       level: number,            // the level last read
 *       sectionsRead: string[],   // section ids ("s-the-news", ...)
 *       lastAnchor: string|null,  // paragraph anchor last in view ("p7")
 *       completedAt: number|null, // epoch ms when every section was read
 *       updatedAt: number,        // epoch ms of the last change
 *     }
 *   }
 *
 * Client-only module (touches window); every reader tolerates missing or
 * corrupt storage and falls back to "no progress".
 */
export const GUEST_READING_KEY = "civics-lab:guest-reading:v1";
export const GUEST_LEVEL_KEY = "civics-lab:reading-level";

export interface GuestLessonProgress {
  level: number;
  sectionsRead: string[];
  lastAnchor: string | null;
  completedAt: number | null;
  updatedAt: number;
}
export type GuestReadingStore = Record<string, GuestLessonProgress>;

// Checked by hand rather than with zod: this runs in the browser, where every kilobyte counts.
function toGuestLessonProgress(value: unknown): GuestLessonProgress | null {
  if (!value || typeof value !== "object") return null;
  const entry = value as Record<string, unknown>;
  const { level, sectionsRead, lastAnchor, completedAt, updatedAt } = entry;
  if (typeof level !== "number" || !Number.isInteger(level) || level < 1 || level > 3) return null;
  if (!Array.isArray(sectionsRead) || !sectionsRead.every((id) => typeof id === "string")) return null;
  if (lastAnchor !== null && typeof lastAnchor !== "string") return null;
  if (completedAt !== null && typeof completedAt !== "number") return null;
  if (typeof updatedAt !== "number") return null;
  return { level, sectionsRead, lastAnchor, completedAt, updatedAt };
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings); progress then simply isn't kept.
    return null;
  }
}

export function readGuestReading(): GuestReadingStore {
  const raw = storage()?.getItem(GUEST_READING_KEY);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object") return {};
    const store: GuestReadingStore = {};
    for (const [lessonId, entry] of Object.entries(parsed)) {
      const progress = toGuestLessonProgress(entry);
      if (progress) store[lessonId] = progress;
    }
    return store;
  } catch {
    return {};
  }
}

/** Merges what was just read into the stored progress for one lesson and returns the result. */
export function recordGuestReading(update: { lessonId: string; level: number; sectionIds: string[]; lastAnchor?: string; totalSections: number }): GuestLessonProgress {
  const store = readGuestReading();
  const previous = store[update.lessonId];
  const sectionsRead = [...new Set([...(previous?.sectionsRead ?? []), ...update.sectionIds])];
  const now = Date.now();
  const next: GuestLessonProgress = {
    level: update.level,
    sectionsRead,
    lastAnchor: update.lastAnchor ?? previous?.lastAnchor ?? null,
    completedAt: previous?.completedAt ?? (sectionsRead.length >= update.totalSections ? now : null),
    updatedAt: now,
  };
  store[update.lessonId] = next;
  try {
    storage()?.setItem(GUEST_READING_KEY, JSON.stringify(store));
  } catch {
    // Quota or disabled storage: nothing to do but keep reading.
  }
  return next;
}

export function readGuestLevel(): number | null {
  const raw = storage()?.getItem(GUEST_LEVEL_KEY);
  const level = raw ? Number(raw) : NaN;
  return Number.isInteger(level) && level >= 1 && level <= 3 ? level : null;
}

export function writeGuestLevel(level: number): void {
  try {
    storage()?.setItem(GUEST_LEVEL_KEY, String(level));
  } catch {
    // See recordGuestReading.
  }
}
