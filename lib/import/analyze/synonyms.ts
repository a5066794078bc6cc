/**
 * Accepted answers for a blank: the word's inflections, and the article's own words for the same thing — a WordNet
 * synonym the article uses ("talks" for "negotiations"), or a narrower word in the neighbouring sentences that the
 * blank refers back to ("whales" for "animals").
 */
import { ancestors, baseForm, senses } from "./wordnet";

export function inflections(phrase: string): string[] {
  const words = phrase.split(" ");
  const head = words.at(-1)!;
  const forms = new Set([phrase]);
  const swap = (h: string) => forms.add([...words.slice(0, -1), h].join(" "));
  if (/[^s]s$/.test(head) && !/ss$/.test(head)) {
    if (/ies$/.test(head)) swap(head.replace(/ies$/, "y"));
    else if (/(ches|shes|xes|sses)$/.test(head)) swap(head.replace(/es$/, ""));
    else swap(head.replace(/s$/, ""));
  } else if (/^[a-z]+$/.test(head) && !/(ing|men|people|children|data)$/.test(head)) {
    if (/[^aeiou]y$/.test(head)) swap(head.replace(/y$/, "ies"));
    else if (/[^aeiou]o$/.test(head)) swap(`${head}es`);
    else if (/(ch|sh|x|s)$/.test(head)) swap(`${head}es`);
    else swap(`${head}s`);
  }
  return [...forms];
}

/** Words of `context` that name the same thing as `answer` (synonyms) or a kind of it (hyponyms), as written there. */
export function articleSynonyms(answer: string, context: string): string[] {
  if (!/^[a-z]+( [a-z]+)?$/.test(answer)) return [];
  const answerSenses = senses(answer.replace(/ /g, "_"), "n");
  if (answerSenses.length === 0) return [];
  const answerBase = baseForm(answer.replace(/ /g, "_"), "n");
  const answerOffsets = new Set(answerSenses.map((s) => s.offset));
  const synonymWords = new Set(answerSenses.flatMap((s) => s.words).filter((w) => w !== answerBase?.replace(/_/g, " ")));
  const out = new Set<string>();
  for (const word of new Set(context.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [])) {
    const base = baseForm(word, "n");
    if (!base || base === answerBase) continue;
    if (synonymWords.has(base.replace(/_/g, " "))) {
      out.add(word);
      continue;
    }
    // A narrower word: its most common sense sits below one of the answer's senses.
    const first = senses(word, "n")[0];
    if (first && [...ancestors(first, 10)].some((o) => answerOffsets.has(o))) out.add(word);
  }
  return [...out].sort();
}
