/**
 * How the class grid reads a score and who needs the teacher. Pure and
 * client-safe: the grid (a client component) and lib/data/dashboard.ts share it.
 */

/** Below this share a score is "Low" (the colour band). */
export const LOW_SCORE = 0.6;
/**
 * An average below this share needs the teacher: more wrong than right, a
 * failing grade (the teacher home's LOW_SCORE too). Lower than the "Low" band
 * on purpose: in the demo class a 60 % line flagged 14 of 28 students, half
 * the class, which is a reteach for everyone (item analysis), not a list of
 * students to see today; 50 % flags 8 of 28 with missing work and falling
 * scores included.
 */
export const ATTENTION_AVERAGE = 0.5;
/** At or above this share a score is "Strong". */
export const STRONG_SCORE = 0.8;
/** A latest score this far below the student's earlier mean is "falling". */
export const FALLING_DROP = 0.15;

export type ScoreBand = "strong" | "ok" | "low";

export function scoreBand(score: number): ScoreBand {
  return score >= STRONG_SCORE ? "strong" : score >= LOW_SCORE ? "ok" : "low";
}

export interface Attention {
  /** Past-due assignments not done: Missing, or Incomplete without the quiz submitted (unfinished reading beside a submitted quiz doesn't count). */
  missing: number;
  low: boolean;
  falling: boolean;
}

/** "Who needs help first": more reasons first, then the lower average (none sorts as 0 when work is missing, else last). */
export function needsHelpRank(row: { attention: Attention; average: number | null }): [number, number] {
  const reasons = row.attention.missing + (row.attention.low ? 1 : 0) + (row.attention.falling ? 1 : 0);
  return [reasons, row.average ?? (row.attention.missing ? 0 : 1.01)];
}
