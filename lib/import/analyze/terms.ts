/**
 * Vocabulary: curriculum glossary matches (kept only when the sense fits the article), candidate terms, noun
 * phrases for cloze gaps, and definitions of the words a student needs — from the article itself first
 * (appositives, parentheses, dashes, "known as"), then the glossary, then WordNet with a sense check. A definition
 * whose sense the article does not support is left out rather than risked (a president's "presidency" must not get
 * the Security Council's rotating presidency).
 */
import type { CandidateTerm, GlossaryEntry, GlossaryMatch, NamedEntity, Sentence, TermDefinition } from "../types";
import type { SentenceTokens } from "./sentences";
import { contentWords, countWords, escapeRegex, wordPattern } from "./text";
import { daleChall } from "dale-chall";
import { baseForm, commonSenses, synset, taggedCount, type Synset, type WordnetPos } from "./wordnet";

/** The New Dale-Chall list of words most students know (1995): never a vocabulary word. */
const FAMILIAR = new Set(daleChall);

/** A word most students know (the New Dale-Chall list), in any inflection WordNet can undo, or a common civic word. */
export function isFamiliar(word: string): boolean {
  const lower = word.toLowerCase();
  const base = baseForm(lower, "n")?.replace(/_/g, " ") ?? lower;
  return FAMILIAR.has(lower) || FAMILIAR.has(base) || EVERYDAY.has(lower) || /^(election|elections|voter|voters|teenager|teenagers|parents|resident|residents|official|officials)$/.test(lower);
}

export function matchGlossary(sentences: Sentence[], glossary: GlossaryEntry[], articleWords: Set<string>, articleText: string): GlossaryMatch[] {
  const out: GlossaryMatch[] = [];
  const lowerText = articleText.toLowerCase();
  for (const entry of glossary) {
    const forms = [entry.term, ...entry.aliases].filter((f) => f.trim().length > 1);
    // Cheap test first: most glossary terms are not in a given article.
    if (!forms.some((f) => lowerText.includes(f.toLowerCase()))) continue;
    const pattern = wordPattern(forms);
    let first: { found: string; sentenceId: string } | undefined;
    let count = 0;
    for (const sentence of sentences) {
      const matches = sentence.text.match(pattern);
      if (!matches) continue;
      count += matches.length;
      first ??= { found: matches[0], sentenceId: sentence.id };
    }
    if (!first) continue;
    // A definition written for a curriculum lesson often adds that lesson's case in a second sentence ("The
    // six-party talks produced one …"): its general first sentence may still fit an article the case does not.
    const general = entry.definition.replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;
    const definition = glossarySenseFits(entry, articleWords, articleText) ? entry.definition : general !== entry.definition.replace(/\s+/g, " ").trim() && glossarySenseFits({ ...entry, definition: general }, articleWords, articleText) ? general : undefined;
    if (definition) out.push({ glossaryId: entry.id, term: entry.term, definition, found: first.found, sentenceId: first.sentenceId, count });
  }
  return out.sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
}

/**
 * The curriculum's definitions are written for its own lessons. One fits an imported article only when every name
 * it mentions ("Security Council", "North Korea") is in the article too, and it shares content words with it.
 */
export function glossarySenseFits(entry: GlossaryEntry, articleWords: Set<string>, articleText: string): boolean {
  const definition = entry.definition.replace(/\s+/g, " ");
  const names = [...definition.matchAll(/(?<=[\p{Ll},;(] )(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)*)/gu)].map((m) => m[1]!);
  if (names.some((name) => !new RegExp(`\\b${escapeRegex(name)}\\b`).test(articleText))) return false;
  const termWords = contentWords([entry.term, ...entry.aliases].join(" "));
  const defining = [...contentWords(definition)].filter((w) => !termWords.has(w));
  const shared = defining.filter((w) => articleWords.has(w)).length;
  return shared >= Math.min(2, defining.length);
}

const DULL_NOUNS = new Set(
  "year years time times day days week weeks month months people person thing things way ways part percent number lot official officials statement statements report reports news story article member members group groups man men woman women country countries state states place places end side point case issue issues".split(" "),
);

/** Noun phrases (up to two adjectives, then nouns) in one sentence, lowercase words only. */
function nounChunks(tokens: string[], pos: string[]): string[] {
  const out: string[] = [];
  let chunk: { token: string; tag: string }[] = [];
  const flush = () => {
    while (chunk.length && chunk.at(-1)!.tag !== "NOUN") chunk.pop();
    while (chunk.length && chunk[0]!.tag !== "NOUN" && chunk[0]!.tag !== "ADJ") chunk.shift();
    if (chunk.length >= 1 && chunk.length <= 3) out.push(chunk.map((c) => c.token).join(" "));
    chunk = [];
  };
  tokens.forEach((token, i) => {
    const tag = pos[i] ?? "";
    const adjectives = chunk.filter((c) => c.tag === "ADJ").length;
    // A token glued to a hyphen, a plus or a digit ("P5+1", "first-ever") is part of a compound: the phrase ends there.
    if (/^[a-z][a-z]*$/.test(token) && (tag === "NOUN" || (tag === "ADJ" && adjectives < 2 && chunk.every((c) => c.tag === "ADJ")))) chunk.push({ token, tag });
    else {
      flush();
    }
  });
  flush();
  return out;
}

export function findNounPhrases(
  sentences: Sentence[],
  tokens: Map<string, SentenceTokens>,
  glossary: GlossaryMatch[],
  entities: NamedEntity[],
): { candidateTerms: CandidateTerm[]; nounPhrases: Record<string, string[]> } {
  const counts = new Map<string, { count: number; sentenceId: string }>();
  const nounPhrases: Record<string, string[]> = {};
  const covered = new Set([...glossary.map((g) => g.found.toLowerCase()), ...glossary.map((g) => g.term.toLowerCase())]);
  const entityWords = new Set(entities.flatMap((e) => e.name.toLowerCase().split(/\s+/)));
  for (const sentence of sentences) {
    const { tokens: words, pos } = tokens.get(sentence.id)!;
    const phrases = nounChunks(words, pos).filter((phrase) => {
      const parts = phrase.split(" ");
      return !DULL_NOUNS.has(parts.at(-1)!) && !parts.some((w) => entityWords.has(w)) && phrase.length >= 5 && isWholePhrase(sentence.text, phrase);
    });
    nounPhrases[sentence.id] = [...new Set(phrases)];
    for (const phrase of phrases) {
      if (covered.has(phrase)) continue;
      const entry = counts.get(phrase) ?? { count: 0, sentenceId: sentence.id };
      entry.count += 1;
      counts.set(phrase, entry);
    }
  }
  const candidateTerms = [...counts.entries()]
    .filter(([phrase, { count }]) => (phrase.includes(" ") ? count >= 2 : count >= 3 && phrase.length >= 7))
    .map(([term, { count, sentenceId }]) => ({ term, count, sentenceId }))
    .sort((a, b) => b.count * b.term.split(" ").length - a.count * a.term.split(" ").length || a.term.localeCompare(b.term))
    .slice(0, 8);
  return { candidateTerms, nounPhrases };
}

/** The phrase occurs in the sentence as whole words, not glued to a hyphen, a plus sign, a digit or a capitalized word of the same noun phrase. */
export function isWholePhrase(sentence: string, phrase: string): boolean {
  // A plain scan (this runs for every phrase of every sentence): occurrences as whole words must not touch a hyphen, plus, slash or digit.
  const text = sentence.toLowerCase();
  const target = phrase.toLowerCase();
  const glue = /[-–+/\p{N}]/u;
  const letter = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(target); at >= 0; at = text.indexOf(target, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + target.length] ?? " ";
    if (letter.test(before) || letter.test(after)) continue;
    if (glue.test(before) || glue.test(after)) return false;
  }
  return true;
}

// ------------------------------------------------------------------ definitions

const IN_TEXT: { regex: RegExp; term: number; definition: number }[] = [
  // "a filibuster (a long speech that delays a vote)"
  { regex: /\b([a-z][a-z-]+(?: [a-z][a-z-]+)?) \(((?:a|an|the|or|meaning|which means|literally) [^()]{6,90})\)/g, term: 1, definition: 2 },
  // "ahupuaʻa (land divisions running from the mountains to the sea)": a word in another language glossed in parentheses
  { regex: /\b([\p{Ll}ʻ'’-]{4,}) \(([\p{Ll}][^()]{6,90}?)\)/gu, term: 1, definition: 2 },
  // "the filibuster, a tactic that lets a minority delay a vote, …"
  { regex: /\b(?:the|a|an) ([a-z][a-z-]+(?: [a-z][a-z-]+)?), ((?:a|an) (?:[a-z-]+ ){0,3}[a-z-]+ (?:that|which|who|used to|meant to|designed to|in which) [^,;()]{4,90}?)(?:,|\.$)/g, term: 1, definition: 2 },
  // "quorum — the minimum number of members who must be present —"
  { regex: /\b([a-z][a-z-]+(?: [a-z][a-z-]+)?) [—–] ((?:a|an|the) [^—–]{8,110}?) [—–]/g, term: 1, definition: 2 },
  // "a process known as reconciliation" / "what is called a filibuster"
  { regex: /\b((?:a|an|the) [a-z][^,;()]{6,80}?),? (?:known as|called) (?:a |an |the )?["“]?([a-z][a-z-]+(?: [a-z][a-z-]+)?)["”]?/g, term: 2, definition: 1 },
  // "sanctions, or penalties, …"
  { regex: /\b([a-z][a-z-]{3,}), or ([a-z][a-z ]{4,40}),/g, term: 1, definition: 2 },
];

export function inTextDefinitions(sentences: Sentence[]): TermDefinition[] {
  const out: TermDefinition[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const { regex, term, definition } of IN_TEXT) {
      for (const match of sentence.text.matchAll(regex)) {
        const word = match[term]!.trim().replace(/^(the|a|an)\s+/i, "");
        const meaning = match[definition]!.trim().replace(/^(meaning|which means|literally)\s+/i, "");
        if (seen.has(word.toLowerCase()) || countWords(meaning) < 2 || STOP_WORDS.has(word.toLowerCase()) || /\d/.test(meaning)) continue;
        seen.add(word.toLowerCase());
        out.push({ term: word, definition: capitalize(meaning), source: "article", found: word, sentenceId: sentence.id });
      }
    }
  }
  return out;
}

/**
 * WordNet's sense of `word` that fits the article, by a simple Lesk overlap: each common (never proper-noun or
 * instance) sense's gloss, usage examples, synonyms and direct hypernyms against the sentence (2 points a word) and
 * the article (1 point). Only the word's most common sense is returned, and only when it wins clearly: no sense of
 * another kind scores as well. Otherwise "can't tell", and no definition.
 */
export function wordnetSense(word: string, pos: WordnetPos, sentence: string, articleWords: Set<string>, strict = false): Synset | undefined {
  if (STOP_WORDS.has(word.toLowerCase())) return undefined;
  const all = commonSenses(word, pos);
  if (all.length === 0) return undefined;
  const local = contentWords(sentence);
  const own = contentWords(word);
  const scored = all.map((s, rank) => {
    // A sense labelled with a field ("(physics) a stress…") fits only an article about that field.
    const domain = /^\(([a-z ]+)\)/.exec(s.gloss)?.[1];
    if (domain && !articleWords.has(domain.replace(/s$/, ""))) return { s, score: -1, rank };
    const parents = s.hypernyms.flatMap((h) => synset(s.pos, h) ?? []);
    const signature = [s.gloss.replace(/;?\s*"[^"]*"/g, ""), s.words.join(" "), ...s.examples, ...parents.map((p) => `${p.words.join(" ")} ${p.gloss.replace(/;?\s*"[^"]*"/g, "")}`)].join(" ");
    const words = [...contentWords(signature)].filter((w) => !own.has(w) && !STOP_WORDS.has(w));
    const score = words.reduce((sum, w) => sum + (local.has(w) ? 2 : articleWords.has(w) ? 1 : 0), 0);
    return { s, score, rank };
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const best = scored[0]!;
  if (all.length === 1) return best.score >= 0 ? best.s : undefined;
  // Several senses: only the most common sense, and only when it beats every sense of another kind.
  const first = scored.find((x) => x.rank === 0)!;
  if (first.score < 1 || scored.some((x) => x.rank !== 0 && x.s.lexFile !== first.s.lexFile && x.score >= first.score) || scored.some((x) => x.rank !== 0 && x.score > first.score)) return undefined;
  // Strict (a question's key): the sentence itself must support the sense, and better than any other sense.
  if (strict) {
    const localOnly = (x: (typeof scored)[number]) => [...contentWords(x.s.gloss.replace(/;?\s*"[^"]*"/g, ""))].filter((w) => !own.has(w) && local.has(w)).length;
    if (localOnly(first) < 1 || scored.some((x) => x.rank !== 0 && x.score >= first.score)) return undefined;
  }
  return first.s;
}

/** Function words are never vocabulary ("by", "whereas"), whatever a dictionary has for them. */
export const STOP_WORDS = new Set(
  "a an the and or but nor so yet for of in on at by to from with without within into onto upon over under about above below after before during since until till through throughout across against among amongst between beside besides beyond toward towards via per than as if unless whether while whereas although though because though thereby therefore thus hence however moreover furthermore nevertheless nonetheless meanwhile otherwise also too very just only even still already again ever never not no yes this that these those such same other another each every either neither both all any some many much more most few fewer less least several own which who whom whose what whatever whichever whoever when whenever where wherever why how here there it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine one ones be is am are was were been being have has had having do does did doing done can could may might must shall should will would ought".split(
    " ",
  ),
);

/** A WordNet gloss as a student-facing definition: the examples after ";" dropped, capitalized, with a full stop. */
export function glossDefinition(s: Synset): string {
  const text = s.gloss.split(/;\s*"/)[0]!.replace(/\s*;\s*$/, "").trim();
  return `${capitalize(text)}${/[.!?]$/.test(text) ? "" : "."}`;
}

/** Words WordNet's counts call rare that every student knows (units, news furniture). */
const EVERYDAY = new Set("percent kilometers kilometres miles meters metres centimetres centimeters millimetres millimeters euros pounds dollars officials reporters yesterday statement statements according including million billion hundreds thousands".split(" "));

/** Uncommon words of the article (few SemCor tags in WordNet), by how often they appear: words a student may need. */
export function uncommonWords(sentences: Sentence[], tokens: Map<string, SentenceTokens>, exclude: Set<string>): { word: string; pos: WordnetPos; sentenceId: string; count: number }[] {
  const found = new Map<string, { word: string; pos: WordnetPos; sentenceId: string; count: number }>();
  for (const sentence of sentences) {
    const { tokens: words, pos } = tokens.get(sentence.id)!;
    words.forEach((token, i) => {
      const tag = pos[i];
      const wnPos: WordnetPos | undefined = tag === "NOUN" ? "n" : tag === "ADJ" ? "a" : tag === "VERB" ? "v" : undefined;
      if (!wnPos || !/^[a-z]{7,}$/.test(token) || exclude.has(token) || EVERYDAY.has(token)) return;
      const key = `${token}:${wnPos}`;
      const entry = found.get(key);
      if (entry) entry.count += 1;
      else found.set(key, { word: token, pos: wnPos, sentenceId: sentence.id, count: 1 });
    });
  }
  return [...found.values()]
    .filter((w) => {
      const tagged = taggedCount(w.word, w.pos);
      const base = baseForm(w.word, w.pos)?.replace(/_/g, " ") ?? w.word;
      return tagged !== undefined && tagged <= 2 && !FAMILIAR.has(base) && !isFamiliar(w.word);
    })
    .sort((a, b) => b.count - a.count || b.word.length - a.word.length || a.word.localeCompare(b.word));
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
