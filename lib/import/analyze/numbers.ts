/** Numbers from wink's MONEY, PERCENT and CARDINAL entities, parsed to values; years, labels and compounds skipped. */
import type { NumberKind, NumberMention, Sentence } from "../types";
import type { SentenceTokens } from "./sentences";

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** "$4.5 billion" → 4.5e9; "nearly 30%" → 30; "three" → 3. Undefined for anything else. */
export function parseNumberText(text: string): number | undefined {
  const lower = text.toLowerCase().replace(/^(about|around|nearly|almost|roughly|some|more than|less than|fewer than|over|under|at least|up to|approximately|just over|just under)\s+/, "");
  const match = /^[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(thousand|million|billion|trillion)?\s*(%|percent|per cent|dollars|euros|pounds)?$/.exec(lower);
  if (match) {
    const base = Number(`${match[1]!.replace(/,/g, "")}${match[2] ?? ""}`);
    return base * (match[3] ? SCALES[match[3]]! : 1);
  }
  const word = /^([a-z]+)(?:[\s-]([a-z]+))?\s*(thousand|million|billion|trillion)?\s*(%|percent|per cent)?$/.exec(lower);
  if (word?.[1] && word[1] in NUMBER_WORDS) {
    let value = NUMBER_WORDS[word[1]]!;
    if (word[2]) {
      if (!(word[2] in NUMBER_WORDS)) return undefined;
      value += NUMBER_WORDS[word[2]]!;
    }
    return value * (word[3] ? SCALES[word[3]]! : 1);
  }
  return undefined;
}

const LABEL_BEFORE = /\b(proposition|prop\.|article|chapter|section|amendment|title|resolution|room|route|highway|no\.|number|phase|level|grade|district|ward|measure|question|item|p|g|version|model|flight)\s*$/i;

export function toNumberMention(text: string, type: string, sentenceId: string, sentence: string): NumberMention | undefined {
  if (type !== "MONEY" && type !== "PERCENT" && type !== "CARDINAL") return undefined;
  const value = parseNumberText(text);
  const at = sentence.indexOf(text);
  if (value === undefined || at < 0) return undefined;
  const after = sentence.slice(at + text.length);
  const before = sentence.slice(0, at);
  // "two-thirds", "100-member", "P5+1" and "Proposition 4" are not quantities a student should recall.
  if (/^[-–+\w]/.test(after) || /[-–+\p{L}]$/u.test(before) || LABEL_BEFORE.test(before)) return undefined;
  const kind: NumberKind = type === "MONEY" ? "money" : type === "PERCENT" ? "percent" : "count";
  // Bare years are dates, and "one" is usually a pronoun-like word, not a fact.
  if (kind === "count" && (/^(1[89]|20)\d{2}$/.test(text) || value < 2)) return undefined;
  return { sentenceId, text, kind, value };
}

export function findNumbers(sentences: Sentence[], tokens: Map<string, SentenceTokens>): NumberMention[] {
  const out: NumberMention[] = [];
  for (const sentence of sentences) {
    for (const entity of tokens.get(sentence.id)?.entities ?? []) {
      const mention = toNumberMention(entity.text, entity.type, sentence.id, sentence.text);
      if (mention) out.push(mention);
    }
  }
  return out;
}
