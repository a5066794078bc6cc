/**
 * An attempt's layout: which version of each question the student sees and in
 * what order its choices, items and options appear. Shuffled once per attempt
 * and stored, so a reload shows the same order and results can be explained.
 */
import type { Choice, PublicQuestionData } from "./types";

export interface LayoutEntry {
  questionId: string;
  versionId: number;
  /** Choice ids (single/multiple), item ids (ordering: the starting order) or left ids (matching). */
  order?: string[];
  /** Matching: the order of the options in each dropdown. */
  rightOrder?: string[];
}

export interface AttemptLayout {
  questions: LayoutEntry[];
}

export type Random = () => number;

export function shuffle<T>(items: readonly T[], random: Random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Shuffles ordering items so the starting order is never already the answer
 * (with three items that would happen one time in six).
 */
export function shuffleAwayFrom(ids: readonly string[], answer: readonly string[], random: Random = Math.random): string[] {
  for (let tries = 0; tries < 10; tries += 1) {
    const candidate = shuffle(ids, random);
    if (candidate.some((id, index) => id !== answer[index])) return candidate;
  }
  // Unlucky random source: rotating by one is always different from the answer for two or more items.
  return ids.length > 1 ? [...ids.slice(1), ids[0]!] : [...ids];
}

export function layoutEntry(questionId: string, versionId: number, data: PublicQuestionData, orderingAnswer: readonly string[] | null, random: Random = Math.random): LayoutEntry {
  switch (data.type) {
    case "single":
    case "multiple":
      return { questionId, versionId, order: shuffle(data.choices.map((c) => c.id), random) };
    case "ordering": {
      const ids = data.items.map((item) => item.id);
      return { questionId, versionId, order: orderingAnswer ? shuffleAwayFrom(ids, orderingAnswer, random) : shuffle(ids, random) };
    }
    case "matching":
      return { questionId, versionId, order: shuffle(data.left.map((c) => c.id), random), rightOrder: shuffle(data.right.map((c) => c.id), random) };
    default:
      return { questionId, versionId };
  }
}

function arrange(items: readonly Choice[], order: readonly string[] | undefined): Choice[] {
  if (!order) return [...items];
  const byId = new Map(items.map((item) => [item.id, item]));
  const arranged = order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  // Anything the stored order doesn't mention (it always should) goes last rather than vanishing.
  return [...arranged, ...items.filter((item) => !order.includes(item.id))];
}

/** The question as this attempt shows it: choices, items and options in the stored order. */
export function applyLayout(data: PublicQuestionData, entry: LayoutEntry): PublicQuestionData {
  switch (data.type) {
    case "single":
    case "multiple":
      return { ...data, choices: arrange(data.choices, entry.order) };
    case "ordering":
      return { ...data, items: arrange(data.items, entry.order) };
    case "matching":
      return { ...data, left: arrange(data.left, entry.order), right: arrange(data.right, entry.rightOrder) };
    default:
      return data;
  }
}
