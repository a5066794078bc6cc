/**
 * Classical item analysis for one quiz taken by one class, as pure functions.
 *
 * - Facility: mean credit on the item (0..1): the share of the class that got it right,
 *   with partial credit counted partly.
 * - Discrimination index D: mean item credit of the top 27% of students (by total
 *   score) minus that of the bottom 27% (Kelley's groups). Ranges -1..1; below 0.2 is
 *   weak, negative means stronger students did worse (often a flawed key or a trap).
 * - Point-biserial: Pearson correlation between the item credit and the student's
 *   total on the *other* items (corrected, so the item doesn't correlate with itself).
 * - Option shares: for choice items, the share of students picking each option, so a
 *   popular wrong option (a shared misconception) stands out.
 *
 * Only each student's first submitted attempt counts (as Moodle does by default):
 * later attempts measure practice, not the question.
 */
import type { Answer } from "../quiz/types";

export interface ItemResponse {
  studentId: string;
  questionId: string;
  credit: number;
  /** The stored answer (responses.answer); null when the question was left blank. */
  answer: Answer | null;
}

export interface ItemStats {
  questionId: string;
  responses: number;
  facility: number;
  discrimination: number | null;
  pointBiserial: number | null;
  /** Option id (or "true"/"false") -> share of respondents choosing it. */
  optionShares: Record<string, number>;
  /** For free-text and numeric items: the most common wrong answers. */
  commonWrongAnswers: { answer: string; count: number }[];
}

export const GROUP_SHARE = 0.27;

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function pearson(xs: number[], ys: number[]): number | null {
  if (xs.length < 3) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** The options a choice answer picked (choice ids, or "true"/"false"); none for other answers. */
export function chosenOptions(answer: Answer | null): string[] {
  if (answer?.type === "single") return [answer.choice];
  if (answer?.type === "multiple") return answer.choices;
  if (answer?.type === "true_false") return [String(answer.value)];
  return [];
}

function freeTextAnswer(answer: Answer | null): string | null {
  if (answer?.type === "short_answer") return answer.text.trim().toLowerCase().slice(0, 80);
  if (answer?.type === "numeric") return String(answer.value);
  return null;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function analyzeItems(responses: ItemResponse[], questionIds: string[]): ItemStats[] {
  const totals = new Map<string, number>();
  for (const r of responses) totals.set(r.studentId, (totals.get(r.studentId) ?? 0) + r.credit);
  const ranked = [...totals.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const groupSize = Math.max(1, Math.round(ranked.length * GROUP_SHARE));
  const lower = new Set(ranked.slice(0, groupSize).map(([id]) => id));
  const upper = new Set(ranked.slice(-groupSize).map(([id]) => id));
  const hasGroups = ranked.length >= 4;

  return questionIds.map((questionId) => {
    const item = responses.filter((r) => r.questionId === questionId);
    const credits = item.map((r) => r.credit);
    const rest = item.map((r) => (totals.get(r.studentId) ?? 0) - r.credit);
    const upperMean = mean(item.filter((r) => upper.has(r.studentId)).map((r) => r.credit));
    const lowerMean = mean(item.filter((r) => lower.has(r.studentId)).map((r) => r.credit));
    const optionCounts: Record<string, number> = {};
    const wrongCounts = new Map<string, number>();
    for (const r of item) {
      for (const option of chosenOptions(r.answer)) optionCounts[option] = (optionCounts[option] ?? 0) + 1;
      const text = freeTextAnswer(r.answer);
      if (text !== null && r.credit < 1) wrongCounts.set(text, (wrongCounts.get(text) ?? 0) + 1);
    }
    const optionShares = Object.fromEntries(Object.entries(optionCounts).map(([k, n]) => [k, round(n / item.length)]));
    const pb = pearson(credits, rest);
    return {
      questionId,
      responses: item.length,
      facility: round(mean(credits)),
      discrimination: hasGroups && item.length >= 4 ? round(upperMean - lowerMean) : null,
      pointBiserial: pb === null ? null : round(pb),
      optionShares,
      commonWrongAnswers: [...wrongCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([answer, count]) => ({ answer, count })),
    };
  });
}

/** Items that most need the teacher's attention first: lowest facility, then weakest discrimination. */
export function mostMissed(stats: ItemStats[], limit = 3): ItemStats[] {
  return [...stats]
    .filter((s) => s.responses > 0)
    .sort((a, b) => a.facility - b.facility || (a.discrimination ?? 1) - (b.discrimination ?? 1))
    .slice(0, limit);
}
