/**
 * Choosing which reading level of a lesson to show. Pure and free of zod, so
 * client islands can use it without pulling the content schemas into the
 * browser bundle (labels come from lib/content/schema on the server).
 */
import type { ReadingLevel } from "../content/schema";

export const DEFAULT_READING_LEVEL: ReadingLevel = 2;

export function isReadingLevel(value: unknown): value is ReadingLevel {
  return value === 1 || value === 2 || value === 3;
}

/**
 * The available level closest to the one asked for; on a tie the easier level
 * wins (a reader who asked for 2 in a lesson with only 1 and 3 gets 1).
 * Throws if the lesson has no levels at all, which content:check forbids.
 */
export function nearestLevel(available: readonly number[], wanted: number): number {
  if (available.length === 0) throw new Error("a lesson needs at least one reading level");
  let best = available[0]!;
  for (const level of available) {
    const distance = Math.abs(level - wanted);
    const bestDistance = Math.abs(best - wanted);
    if (distance < bestDistance || (distance === bestDistance && level < best)) best = level;
  }
  return best;
}

/** Parses `?level=` from a URL: anything but a whole number 1-3 counts as absent. */
export function parseLevelParam(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d$/.test(raw)) return undefined;
  const level = Number(raw);
  return isReadingLevel(level) ? level : undefined;
}
