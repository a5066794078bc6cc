/** Small text helpers shared by the analysis, the generators and the gates. */

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whole-word match of any of the forms (longest first); case-insensitive unless told otherwise. */
export function wordPattern(forms: string[], ignoreCase = true): RegExp {
  const alternatives = [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length).map(escapeRegex);
  if (alternatives.length === 0) return /(?!)/gu;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, ignoreCase ? "giu" : "gu");
}

export function countWords(text: string): number {
  return text.match(/\p{L}[\p{L}'’.-]*|\d[\d,.]*/gu)?.length ?? 0;
}

const STOP = new Set(
  "the a an and or but of to in on at by for with from as is are was were be been being that this these those it its he she they them his her their we our you your i not no will would can could should may might has have had do does did said says about after before into over than then there which who whom what when where why how also more most new".split(" "),
);

/** Content words, lightly stemmed, for overlap measures. */
export function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [])
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/['’]s$/, "").replace(/(ies|es|s)$/, "")),
  );
}

/** Share of the smaller set's words found in the other (0..1). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

/** Shared words over all words of both sets (0..1). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.max(1, a.size + b.size - shared);
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Straight and curly double quotes become single curly quotes, so a sentence can be quoted inside a prompt. */
export function innerQuotes(text: string): string {
  return text.replace(/"/g, "'").replace(/“|”/g, "'");
}

export function shorten(text: string, words: number): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(" ")}…`;
}

/** Lowercases the first letter unless the word is a name or acronym ("The council" → "the council", "US" stays). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s+/)[0] ?? "";
  if (/^(I|I['’]\w+)$/.test(first) || /^\p{Lu}{2,}/u.test(first) || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(first)) return text;
  if (/^(The|A|An|This|That|These|Those|In|On|At|After|Before|When|While|Because|As|It|There|Some|Many|Most|Its|Their|His|Her|Our|We|They|He|She)\b/.test(first)) return text[0]!.toLowerCase() + text.slice(1);
  return text;
}
