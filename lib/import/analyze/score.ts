/** Sentence importance: TextRank-style centrality on a word-overlap graph + lead position + counts of facts. */
import type { DateMention, GlossaryMatch, NamedEntity, NumberMention, Sentence } from "../types";
import { contentWords, round } from "./text";

export function scoreSentences(
  sentences: Sentence[],
  facts: { entities: NamedEntity[]; numbers: NumberMention[]; dates: DateMention[]; glossary: GlossaryMatch[]; furniture: Set<string> },
): Record<string, number> {
  const words = sentences.map((s) => contentWords(s.text));
  const n = sentences.length;
  const weights: number[][] = words.map((a, i) =>
    words.map((b, j) => {
      if (i === j || a.size < 2 || b.size < 2) return 0;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared += 1;
      return shared / (Math.log(a.size) + Math.log(b.size));
    }),
  );
  const outSums = weights.map((row) => row.reduce((s, w) => s + w, 0));
  // Each sentence's incoming edges (j ascending, the order of the sums) with their share of j's weight, worked out
  // once rather than in each of the 25 iterations: the same divisions, so the same ranks to the last bit.
  const incoming = Array.from({ length: n }, (_, i) => {
    const from: number[] = [];
    const share: number[] = [];
    for (let j = 0; j < n; j += 1) {
      if (weights[j]![i]! > 0) {
        from.push(j);
        share.push(weights[j]![i]! / outSums[j]!);
      }
    }
    return { from, share };
  });
  let rank = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 25; iteration += 1) {
    rank = rank.map((_, i) => {
      const { from, share } = incoming[i]!;
      let sum = 0;
      for (let k = 0; k < from.length; k += 1) sum += share[k]! * rank[from[k]!]!;
      return 0.15 + 0.85 * sum;
    });
  }
  const maxRank = Math.max(...rank, 1e-9);
  const factCount = new Map<string, number>();
  const bump = (id: string, by: number) => factCount.set(id, (factCount.get(id) ?? 0) + by);
  for (const e of facts.entities) for (const id of e.sentenceIds) bump(id, 1);
  for (const x of facts.numbers) bump(x.sentenceId, 1);
  for (const x of facts.dates) bump(x.sentenceId, 1);
  for (const x of facts.glossary) bump(x.sentenceId, 1.5);
  const scores: Record<string, number> = {};
  sentences.forEach((sentence, i) => {
    const lead = sentence.paragraph === 0 ? 0.3 : sentence.paragraph === 1 ? 0.2 : sentence.paragraph === 2 ? 0.1 : 0;
    const info = Math.min(0.4, 0.1 * (factCount.get(sentence.id) ?? 0));
    scores[sentence.id] = facts.furniture.has(sentence.id) ? 0 : round(rank[i]! / maxRank + lead + info);
  });
  return scores;
}
