/**
 * Accepted answers for a blank: the word's inflections, and the article's own words for the same thing — a WordNet
 * synonym the article uses ("talks" for "negotiations"), or a narrower word in the neighbouring sentences that the
 * blank refers back to ("whales" for "animals").
 */
import { ancestors, baseForm, senses, wordFrequency, type Synset } from "./wordnet";

export function inflections(phrase: string): string[] {
  const words = phrase.split(" ");
  const head = words.at(-1)!;
  const forms = new Set([phrase]);
  // A made-up form ("bu" from "bus", "gas" → "ga") would be accepted as right: only a form WordNet knows, or the plural
  // of a known word, is added.
  const swap = (h: string) => {
    if (h.length < 3 || (!senses(h, "n").length && !senses(head, "n").length)) return;
    if (/s$/.test(head) && !/s$/.test(h) && senses(h, "n").length === 0) return;
    forms.add([...words.slice(0, -1), h].join(" "));
  };
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
  // Only the answer's most common sense: a rare sense's synonyms ("regular" for "customer") are other words to a student.
  const main = answerSenses[0]!;
  const synonymWords = new Set(main.words.filter((w) => w !== answerBase));
  const out = new Set<string>();
  const lower = context.toLowerCase();
  for (const word of new Set(lower.match(/\b[a-z]{4,}\b/g) ?? [])) {
    const base = baseForm(word, "n");
    if (!base || base === answerBase) continue;
    // The word must stand as a noun where the article uses it, not modify another ("regular session").
    if (!usedAsNoun(lower, word)) continue;
    const first = senses(word, "n")[0];
    if (!first) continue;
    // A synonym shares the answer's main sense as its own main sense; a narrower word's main sense sits below it.
    if (synonymWords.has(base) && first.offset === main.offset) {
      out.add(word);
      continue;
    }
    if (ancestors(first, 10).has(main.offset)) out.add(word);
  }
  return [...out].sort();
}

const AFTER_NOUN = /^(?:[\s]*[.,;:!?)”"'’]|\s+(?:the|a|an|of|in|on|at|to|that|which|who|were|was|are|is|had|have|has|and|or|but|with|from|for|by|as|would|will|could|can|may|might|did|do|does|said|say|says)\b|\s*$)/;

function usedAsNoun(text: string, word: string): boolean {
  for (const m of text.matchAll(new RegExp(`\\b${word}\\b`, "g"))) if (AFTER_NOUN.test(text.slice((m.index ?? 0) + word.length))) return true;
  return false;
}

/** The head noun of a modifier + noun phrase ("legislative committee" → "committee"), which a student may rightly write alone. */
export function headWord(phrase: string): string | undefined {
  const words = phrase.split(" ");
  if (words.length < 2 || !/^[a-z]+$/.test(words.at(-1)!)) return undefined;
  return words.at(-1);
}

const SPELLINGS: [RegExp, string][] = [
  [/our(?=s?$|hoods?$)/, "or"],
  [/([^aeiou])re(?=s?$)/, "$1er"],
  [/is(e|es|ed|ing|ation|ations)$/, "iz$1"],
  [/ys(e|es|ed|ing)$/, "yz$1"],
  [/([aeiou])ll(ed|ing|er|ers)$/, "$1l$2"],
  [/ogue(?=s?$)/, "og"],
  [/ence(?=s?$)/, "ense"],
];

/**
 * The other spelling of a British or American word ("millimetres" / "millimeters", "harbour" / "harbor",
 * "organise" / "organize"), when WordNet knows both: a student spelling it their own way is right.
 */
export function spellingVariants(phrase: string): string[] {
  const out = new Set<string>();
  const words = phrase.toLowerCase().split(" ");
  const known = (w: string) => (["n", "v", "a"] as const).some((p) => baseForm(w, p) !== undefined);
  words.forEach((word, i) => {
    for (const [british, american] of SPELLINGS) {
      const toAmerican = word.replace(british, american);
      if (toAmerican !== word && known(toAmerican)) out.add([...words.slice(0, i), toAmerican, ...words.slice(i + 1)].join(" "));
    }
    // American to British: "harbor" → "harbour", "center" → "centre", "organize" → "organise".
    const toBritish = word.replace(/([^aeiou])or(?=s?$)/, "$1our").replace(/([^aeiou])er(?=s?$)/, "$1re").replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1");
    if (toBritish !== word && known(toBritish) && toBritish.replace(/our/, "or").replace(/re(?=s?$)/, "er").replace(/is(?=e|ation)/, "iz") === word) out.add([...words.slice(0, i), toBritish, ...words.slice(i + 1)].join(" "));
  });
  out.delete(phrase.toLowerCase());
  return [...out];
}

/**
 * WordNet synonyms a student may write for a blank, from the one sense the sentence clearly means (`sense`, chosen by
 * the caller's sense check, which must find it in the sentence and clearly ahead of every other sense): single words of that synset that are in use (seen in SemCor) and not the answer's own
 * lemma ("lawmakers" → "legislators"). No sense, no synonyms.
 */
export function senseSynonyms(answer: string, sense: Synset | undefined): string[] {
  if (!sense || sense.pos !== "n") return [];
  const base = baseForm(answer.replace(/ /g, "_"), "n")?.replace(/_/g, " ");
  const plural = /s$/.test(answer) && base !== answer;
  const out: string[] = [];
  for (const word of sense.words) {
    if (word === base || word === answer || !/^[a-z]+$/.test(word) || wordFrequency(word) < 1) continue;
    // A plural answer takes the synonym's plural ("talks" for "negotiations"), a singular one the word itself.
    out.push(...(plural ? inflections(word).filter((f) => /s$/.test(f)) : [word]));
  }
  return out;
}
