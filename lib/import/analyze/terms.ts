/**
 * Vocabulary: curriculum glossary matches (kept only when the sense fits the article), candidate terms, noun
 * phrases for cloze gaps, and definitions of the words a student needs — from the article itself first
 * (appositives, parentheses, dashes, "known as"), then the glossary, then WordNet with a sense check. A definition
 * whose sense the article does not support is left out rather than risked (a president's "presidency" must not get
 * the Security Council's rotating presidency).
 */
import type { CandidateTerm, GlossaryEntry, GlossaryMatch, NamedEntity, Sentence, TermDefinition } from "../types";
import type { SentenceTokens } from "./sentences";
import { contentWords, escapeRegex, wordPattern } from "./text";
import { daleChall } from "dale-chall";
import { baseForm, commonSenses, isKnown, senseFrequency, synset, wordFrequency, type Synset, type WordnetPos } from "./wordnet";

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
    const uses: { found: string; index: number }[] = [];
    let count = 0;
    sentences.forEach((sentence, index) => {
      const matches = sentence.text.match(pattern);
      if (!matches) return;
      count += matches.length;
      uses.push({ found: matches[0], index });
    });
    if (uses.length === 0) continue;
    // A definition written for a curriculum lesson often adds that lesson's case in a second sentence ("The
    // six-party talks produced one …"): its general first sentence may still fit an article the case does not.
    const general = entry.definition.replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;
    const definition = glossarySenseFits(entry, articleWords, articleText) ? entry.definition : general !== entry.definition.replace(/\s+/g, " ").trim() && glossarySenseFits({ ...entry, definition: general }, articleWords, articleText) ? general : undefined;
    if (!definition) continue;
    // The sense must fit where the word is used, not only somewhere in the article: a use whose neighbourhood shares
    // the definition's own words ("bias" among writers, quotes and coverage is news bias; among sentencing and
    // prisons it is not).
    // A phrase ("ballistic missile", "joint statement") has one meaning in the news; a single word may have several.
    const fitting = uses.find((use) => use.found.includes(" ") || glossaryFitsHere(entry, definition, sentences, use.index));
    if (fitting) out.push({ glossaryId: entry.id, term: entry.term, definition, found: fitting.found, sentenceId: sentences[fitting.index]!.id, count });
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

/** Words a definition uses that say nothing about its field ("one", "example", "usually"). */
const GENERIC_DEFINING = new Set("one ones example examples usually often something someone thing things way ways kind part make makes use uses used people person country countries group called also like much many every other such show shows through include includes help helps".split(" "));

/** The words of a glossary definition that mark its sense, minus the term's own and generic words. */
function definingWords(entry: GlossaryEntry, definition: string): Set<string> {
  const termWords = contentWords([entry.term, ...entry.aliases].join(" "));
  return new Set([...contentWords(definition)].filter((w) => w.length >= 4 && !termWords.has(w) && !GENERIC_DEFINING.has(w)));
}

/** At least two of the definition's marking words (one for a very short definition) in the sentence of a use or the two on either side. */
export function glossaryFitsHere(entry: GlossaryEntry, definition: string, sentences: Sentence[], index: number): boolean {
  const defining = definingWords(entry, definition);
  const window = contentWords(sentences.slice(Math.max(0, index - 2), index + 3).map((s) => s.text).join(" "));
  const shared = [...defining].filter((w) => window.has(w)).length;
  return shared >= 1;
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

/** The article's own definitions live in definitions.ts (real definitions only, never an aside in brackets). */
export { inTextDefinitions } from "./definitions";

/** How far the winning sense must lead the next sense of another meaning (Lesk points: 2 a sentence word, 1 an article word). */
const SENSE_MARGIN = 2;

/**
 * WordNet's sense of `word` (in the part of speech it has in the sentence) that fits the article, by a Lesk overlap:
 * each common sense's gloss, usage examples, synonyms and direct hypernyms against the sentence (2 points a word)
 * and the article (1 point). A sense is returned only on positive evidence and a clear win: at least one of its
 * words in the sentence itself, at least 2 points, and a lead of `SENSE_MARGIN` over every sense of another meaning
 * (a sense that shares its kind and a parent with the winner is a nuance of it, not a rival). WordNet's first sense
 * gets no default: "overhaul" is not car maintenance unless the sentence says so. A sense other than the first must
 * win by more, and one that names a place or field the article never mentions ("… in the United Kingdom",
 * "(physics) …") is never taken. Otherwise "can't tell", and no definition.
 */
export function wordnetSense(word: string, pos: WordnetPos, sentence: string, articleWords: Set<string>, strict = false): Synset | undefined {
  if (STOP_WORDS.has(word.toLowerCase())) return undefined;
  // The tagger's part of speech must be one the word really has in use: "cordial" tagged a noun (a liqueur, never
  // seen in SemCor) is the adjective (friendly, seen) misread.
  if (rarePartOfSpeech(word, pos)) return undefined;
  const every = commonSenses(word, pos);
  const all = every.filter((s) => senseFitsArticle(s, articleWords, sentence) && domainFits(s, word, articleWords));
  if (all.length === 0) return undefined;
  const local = contentWords(sentence);
  const own = contentWords(word.replace(/_/g, " "));
  const scored = all.map((s) => {
    const parents = s.hypernyms.flatMap((h) => synset(s.pos, h) ?? []);
    const signature = [stripExamples(s.gloss), s.words.join(" "), ...s.examples, ...parents.map((p) => `${p.words.join(" ")} ${stripExamples(p.gloss)}`)].join(" ");
    const words = [...contentWords(signature)].filter((w) => !own.has(w) && !STOP_WORDS.has(w) && !GENERIC_GLOSS_WORDS.has(w));
    const inSentence = words.filter((w) => local.has(w)).length;
    const glossWords = [...contentWords(stripExamples(s.gloss))].filter((w) => !own.has(w) && !STOP_WORDS.has(w) && !GENERIC_GLOSS_WORDS.has(w));
    const glossOnly = glossWords.filter((w) => articleWords.has(w)).length;
    const glossInSentence = glossWords.filter((w) => local.has(w)).length;
    const score = words.reduce((sum, w) => sum + (local.has(w) ? 2 : articleWords.has(w) ? 1 : 0), 0);
    return { s, score, inSentence, glossOnly, glossInSentence, rank: every.indexOf(s) };
  });
  // Only one sense of this part of speech: nothing to confuse it with, and the part of speech was checked. A verb
  // needs a word of its gloss in the sentence: a gerund used as a noun ("mapping and targeting") is not it.
  // Even a word's only sense needs a word of its gloss in the article ("lockdown": confining prisoners to their
  // cells, in a story about evacuated offices, has none): WordNet may simply lack the sense the article means.
  // Even a word's only sense needs a word of its gloss in the article ("lockdown": confining prisoners to their
  // cells, in a story about evacuated offices, has none): WordNet may simply lack the sense the article means.
  if (every.length === 1) return scored[0]!.glossOnly >= 1 && (pos !== "v" || scored[0]!.glossInSentence > 0) ? scored[0]!.s : undefined;
  // A verb of several senses ("commission", "graduate", "overtop") is read wrongly by gloss overlap too often to risk.
  if (pos === "v") return undefined;
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const best = scored[0]!;
  const rivals = scored.slice(1).filter((x) => !nuanceOf(x.s, best.s));
  const runnerUp = rivals[0]?.score ?? 0;
  const margin = best.rank === 0 ? SENSE_MARGIN : SENSE_MARGIN + 1;
  if (best.inSentence < 1 || best.score < 2 || (rivals.length > 0 && best.score - runnerUp < margin)) return undefined;
  // A sense other than the first needs two of its words in the sentence itself, not one and the article's.
  if (best.rank !== 0 && best.inSentence < 2) return undefined;
  // A rare sense beating a common one on a few shared words is more often Lesk noise than a real reading: a sense
  // other than the first needs SemCor uses of at least a third of the first sense's ("committee": a self-constituted
  // organization, 1 use against 16, is not what a news story means).
  if (best.rank !== 0) {
    // The first sense may have been set aside as not fitting the article; its frequency still sets the bar.
    const first = every[0]!;
    if (senseFrequency(word, pos, best.s.offset) * 3 < senseFrequency(word, pos, first.offset)) return undefined;
  }
  // Strict (a question's key): the sentence alone must carry the sense, with two of its words.
  if (strict && best.inSentence < 2) return undefined;
  return best.s;
}

/**
 * Lexicographer files whose senses (food and drink, plants, animals, the body, substances) a civics or news article
 * rarely means: such a sense is taken only when the article has at least three other words whose main sense is of the
 * same kind (a story about a market or a farm), never on one shared gloss word.
 */
const CONCRETE_DOMAINS = new Set([5, 8, 13, 20, 27]);
const domainProfiles = new WeakMap<Set<string>, Map<number, Set<string>>>();

/** The article's words by the lexicographer file of their main noun sense. */
function domainProfile(articleWords: Set<string>): Map<number, Set<string>> {
  let profile = domainProfiles.get(articleWords);
  if (profile) return profile;
  profile = new Map();
  for (const w of articleWords) {
    if (w.length < 4 || STOP_WORDS.has(w)) continue;
    const first = commonSenses(w, "n")[0];
    if (!first || !CONCRETE_DOMAINS.has(first.lexFile)) continue;
    const set = profile.get(first.lexFile) ?? new Set<string>();
    set.add(w);
    profile.set(first.lexFile, set);
  }
  domainProfiles.set(articleWords, profile);
  return profile;
}

/** A sense of a concrete kind (food, plant, animal, body, substance) fits only an article with other words of that kind. */
export function domainFits(s: Synset, word: string, articleWords: Set<string>): boolean {
  if (s.pos !== "n" || !CONCRETE_DOMAINS.has(s.lexFile)) return true;
  // A word whose every sense is of that kind ("uranium", "bedrock") has no other meaning to confuse it with.
  const abstract = (["n", "a"] as const).some((p) => commonSenses(word, p).some((x) => x.pos !== "n" || !CONCRETE_DOMAINS.has(x.lexFile)));
  if (!abstract) return true;
  const own = word.toLowerCase().replace(/_/g, " ");
  const others = [...(domainProfile(articleWords).get(s.lexFile) ?? [])].filter((w) => !own.startsWith(w) && !w.startsWith(own));
  return others.length >= 3;
}

/**
 * A noun that is almost never a noun, or an adjective almost never an adjective: no SemCor use in the part of speech
 * the tagger gave, while the other has some ("cordial": the liqueur is never seen, the friendly adjective is). Nouns
 * and verbs are not compared: a gerund or a noun like "recount" is rarer than its verb and still meant.
 */
export function rarePartOfSpeech(word: string, pos: WordnetPos): boolean {
  if (word.includes("_") || pos === "v") return false;
  const uses = (p: WordnetPos) => commonSenses(word, p).reduce((sum, s) => sum + senseFrequency(word, p, s.offset), 0);
  const other: WordnetPos = pos === "n" ? "a" : "n";
  return uses(pos) === 0 && uses(other) > 0;
}

/** Words nearly every gloss has: they match any sentence and say nothing about the sense. */
const GENERIC_GLOSS_WORDS = new Set("act person people thing something someone especially usually often used make made give take put person group part".split(" "));

function stripExamples(gloss: string): string {
  return gloss.replace(/;?\s*"[^"]*"/g, "");
}

/**
 * Two senses that are one meaning in two wordings: in the same lexicographer file with a parent in common (or one
 * the other's parent), or glossed with the same telling word ("a discussion intended to produce an agreement", "the
 * activity of negotiating an agreement").
 */
function nuanceOf(a: Synset, b: Synset): boolean {
  if (a.lexFile === b.lexFile && (a.hypernyms.some((h) => b.hypernyms.includes(h)) || a.hypernyms.includes(b.offset) || b.hypernyms.includes(a.offset))) return true;
  const telling = (s: Synset) => new Set([...contentWords(stripExamples(s.gloss))].filter((w) => w.length >= 4 && !GENERIC_GLOSS_WORDS.has(w) && !s.words.some((x) => x.startsWith(w))));
  const wordsA = telling(a);
  return [...telling(b)].some((w) => wordsA.has(w));
}

/**
 * A sense labelled with a field ("(physics) a stress…") fits only an article about that field, and one whose gloss
 * names a place or a book ("… in the United Kingdom") only an article that names it too.
 */
function senseFitsArticle(s: Synset, articleWords: Set<string>, text: string): boolean {
  const domain = /^\(([a-z ]+)\)/.exec(s.gloss)?.[1];
  if (domain && !articleWords.has(domain.replace(/s$/, ""))) return false;
  const names = [...(s.gloss.split('"')[0] ?? "").matchAll(/(?<=[a-z,;(] )(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*)/gu)].map((m) => m[1]!);
  return names.every((name) => text.includes(name) || [...contentWords(name)].every((w) => articleWords.has(w)));
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

/** Words every student knows that WordNet's SemCor counts call rare (they are newer than its corpus, or plain everyday things). */
const EVERYDAY_MODERN = new Set(
  "website websites internet online computer computers helicopter helicopters restaurant restaurants basketball football baseball television camera cameras smartphone smartphones email emails homework weekend weekends weekdays teenager teenagers spreadsheet spreadsheets crossword toddler toddlers downloaded download uploaded video videos students student expensive unexpected successful additional traffic vehicles".split(
    " ",
  ),
);

/** Determiners and possessives: what follows them (before any verb) is a noun phrase. */
const DETERMINER = /^(the|a|an|this|that|these|those|his|her|its|their|our|my|your|each|every|no|any|some|'s|’s)$/;
/** Words that open an object: a word right before one is a verb ("keep patching the roads", "the study exposes a gap"). */
const OBJECT_START = /^(the|a|an|this|these|those|his|her|its|their|our|my|your|him|them|us|me)$/;
const BE = /^(is|are|was|were|be|been|being|am|'s|’s|get|got|gets|seem|seems|seemed|remain|remains|remained|became|become|becomes|feel|feels|felt|look|looks|looked)$/;

/**
 * The part of speech a token has in its sentence, for choosing WordNet senses: wink's tag, corrected where it is
 * often wrong ("the overhauls" is a noun, "keep patching the roads" a verb), or undefined when the word must not be
 * defined alone there: glued to a hyphen ("criminal-justice", "missile-defence system"), one half of a WordNet
 * compound ("criminal justice", "prime minister"), a noun modifying the next noun ("management director"), a
 * participle modifying a noun ("presiding judge"), or a passive participle ("was approved").
 */
export function contextPos(tokens: string[], tags: string[], i: number): WordnetPos | undefined {
  const word = tokens[i]!.toLowerCase();
  const tag = tags[i];
  const prev = tokens[i - 1]?.toLowerCase();
  const next = tokens[i + 1]?.toLowerCase();
  const prevTag = tags[i - 1];
  const nextTag = tags[i + 1];
  if (prev !== undefined && /^[-–/+]$/.test(prev)) return undefined;
  if (next !== undefined && /^[-–/+]$/.test(next)) return undefined;
  if ((next && /^[a-z]+$/.test(next) && isKnown(`${word}_${next}`, "n")) || (prev && /^[a-z]+$/.test(prev) && !DETERMINER.test(prev) && isKnown(`${prev}_${word}`, "n"))) return undefined;
  const nounNext = nextTag === "NOUN" || nextTag === "PROPN";
  if (tag === "NOUN") {
    if (nounNext) return undefined;
    // A gerund with an object ("conveying false information", "keep patching the roads") is a verb.
    if (/ing$/.test(word) && (nextTag === "ADJ" || nextTag === "DET" || (next !== undefined && OBJECT_START.test(next)))) return isKnown(word, "v") ? "v" : undefined;
    // A bare "-ing" word of a verb is a noun only after a determiner or adjective ("the bombing"); "accused of …
    // inflaming with arms shipments" is the verb.
    if (/ing$/.test(word) && isKnown(word, "v") && !(prev !== undefined && DETERMINER.test(prev)) && prevTag !== "DET" && prevTag !== "ADJ") return undefined;
    // Before an object ("efforts to shortcut the pursuit"): a verb, whatever the tagger says.
    if (next && OBJECT_START.test(next)) return isKnown(word, "v") ? "v" : undefined;
    return "n";
  }
  if (tag === "VERB") {
    const afterDeterminer = (prev !== undefined && DETERMINER.test(prev)) || prevTag === "DET" || prevTag === "ADJ" || prevTag === "NUM";
    if (afterDeterminer && !(next && OBJECT_START.test(next))) return nounNext ? undefined : isKnown(word, "n") ? "n" : undefined;
    if (nounNext) return undefined;
    // A participle after "is", "was already" …: passive or adjectival ("was approved", "is already annoyed").
    const beforeAdverbs = tokens.slice(0, i).reverse().find((_, j) => tags[i - 1 - j] !== "ADV")?.toLowerCase();
    if (beforeAdverbs && BE.test(beforeAdverbs) && /(ed|en)$/.test(word)) return undefined;
    // An "-ing" form right after a noun ("first mass stranding") heads a compound or is a verb: not a word alone.
    if (/ing$/.test(word) && (prevTag === "NOUN" || prevTag === "PROPN")) return undefined;
    // After a noun with no object ("animal burrows along the bank"): a verb or a compound's head, can't tell.
    if (prevTag === "NOUN" && !(next && OBJECT_START.test(next)) && isKnown(word, "n")) return undefined;
    return "v";
  }
  if (tag === "ADJ") {
    // A comparative ("younger", "flatter") is its base word's degree, not a word to learn.
    if (/(er|est)$/.test(word) && [word.replace(/(er|est)$/, ""), word.replace(/(r|st)$/, ""), word.replace(/([a-z])\1(er|est)$/, "$1"), word.replace(/i(er|est)$/, "y")].some((b) => b !== word && b.length >= 3 && isKnown(b, "a"))) return undefined;
    // A noun used as a modifier ("satellite data", "assistant judge"): WordNet's rarer adjective sense is not meant.
    if (nounNext && isKnown(word, "n") && nounUses(word) >= adjectiveUses(word)) return undefined;
    return "a";
  }
  return undefined;
}

function nounUses(word: string): number {
  return commonSenses(word, "n").reduce((sum, s) => sum + senseFrequency(word, "n", s.offset), 0);
}

function adjectiveUses(word: string): number {
  return commonSenses(word, "a").reduce((sum, s) => sum + senseFrequency(word, "a", s.offset), 0);
}

/**
 * Words of the article a student may need, each at its first use where it can be defined alone (see `contextPos`),
 * with the part of speech it has there, by how often they appear. Familiar words (New Dale-Chall, common civic
 * words, everyday modern words, words SemCor tags often) are left out.
 */
export function uncommonWords(sentences: Sentence[], tokens: Map<string, SentenceTokens>, exclude: Set<string>): { word: string; pos: WordnetPos; sentenceId: string; count: number }[] {
  const found = new Map<string, { word: string; pos?: WordnetPos; sentenceId?: string; count: number }>();
  for (const sentence of sentences) {
    const { tokens: words, pos } = tokens.get(sentence.id)!;
    words.forEach((token, i) => {
      if (!/^[a-z]{7,}$/.test(token) || exclude.has(token) || EVERYDAY.has(token) || !/^(NOUN|VERB|ADJ)$/.test(pos[i] ?? "")) return;
      const entry = found.get(token) ?? { word: token, count: 0 };
      entry.count += 1;
      if (!entry.pos) {
        const use = contextPos(words, pos, i);
        if (use && baseForm(token, use)) Object.assign(entry, { pos: use, sentenceId: sentence.id });
      }
      found.set(token, entry);
    });
  }
  return [...found.values()]
    .filter((w): w is { word: string; pos: WordnetPos; sentenceId: string; count: number } => w.pos !== undefined && w.sentenceId !== undefined)
    .filter((w) => !isEverydayWord(w.word))
    .sort((a, b) => b.count - a.count || b.word.length - a.word.length || a.word.localeCompare(b.word));
}

/** A word most students know: New Dale-Chall (any part of speech's base form), a common civic word, an everyday modern word, or frequent in SemCor. */
export function isEverydayWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (isFamiliar(lower) || EVERYDAY_MODERN.has(lower)) return true;
  const bases = (["n", "v", "a"] as const).map((pos) => baseForm(lower, pos)?.replace(/_/g, " ")).filter((b): b is string => Boolean(b));
  if (bases.some((b) => FAMILIAR.has(b) || EVERYDAY_MODERN.has(b))) return true;
  if (isTransparent(lower)) return true;
  return wordFrequency(lower) >= 15;
}

/** A word the student knows in any of its own forms (the Dale-Chall list, everyday and civic words). */
function knownBase(word: string): boolean {
  if (word.length < 3) return false;
  if (FAMILIAR.has(word) || EVERYDAY_MODERN.has(word) || EVERYDAY.has(word)) return true;
  return (["n", "v", "a"] as const).some((pos) => {
    const base = baseForm(word, pos)?.replace(/_/g, " ");
    return base !== undefined && (FAMILIAR.has(base) || EVERYDAY_MODERN.has(base));
  });
}

const SUFFIXES: [RegExp, string[]][] = [
  [/(ers|er|ors|or)$/, ["", "e"]],
  [/(ists|ist|ians|ian)$/, ["", "e", "y"]],
  [/(ly)$/, ["", "le"]],
  [/(ness|ment|ments|ful|less|ship|ships|hood|hoods)$/, ["", "y"]],
  [/(ings|ing|ed)$/, ["", "e"]],
];

/**
 * A word whose meaning a student reads off familiar parts, so it is no glossary word: another spelling of a familiar
 * word ("neighbourhood"), a familiar word and a plain suffix ("islanders", "researcher", "monthly", "providers"), or
 * two familiar words run together ("textbook", "lifeguard", "deadline", "meantime", "mainland", "lawmakers").
 */
export function isTransparent(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z]{5,}$/.test(lower)) return false;
  const singular = lower.replace(/(?<=[^s])s$/, "");
  const forms = [...new Set([lower, singular])];
  for (const form of forms) {
    // British and American spellings.
    const american = form.replace(/our(?=$|s$|hood)/, "or").replace(/([^aeiou])re$/, "$1er").replace(/is(e|es|ed|ing|ation)$/, "iz$1").replace(/([aeiou])ll(ed|ing|er)$/, "$1l$2");
    if (american !== form && knownBase(american)) return true;
    if (derivedFromKnown(form)) return true;
    for (let cut = 3; cut <= form.length - 4; cut += 1) {
      const left = form.slice(0, cut);
      const right = form.slice(cut);
      if (knownBase(left) && (knownBase(right) || derivedFromKnown(right))) return true;
    }
  }
  return false;
}

/** A familiar word and a plain suffix ("islanders", "monthly", "makers"). */
function derivedFromKnown(form: string): boolean {
  for (const [pattern, restores] of SUFFIXES) {
    const m = pattern.exec(form);
    if (!m) continue;
    const stem = form.slice(0, m.index);
    if (stem.length < 3) continue;
    const stems = [stem, stem.replace(/([bdgklmnprt])\1$/, "$1"), stem.replace(/i$/, "y")];
    if (stems.some((st) => restores.some((r) => knownBase(st + r)))) return true;
  }
  return false;
}

/**
 * WordNet definitions for the article's candidate words, after the article's own and the glossary's: a recurring
 * multi-word term (defined as a whole, never a word of it alone), then uncommon single words, each only where
 * `wordnetSense` finds a sense that clearly fits its sentence.
 */
export function wordnetDefinitions(
  sentences: Sentence[],
  tokens: Map<string, SentenceTokens>,
  candidateTerms: CandidateTerm[],
  options: { exclude: Set<string>; furniture: Set<string>; articleWords: Set<string>; defined: TermDefinition[]; max: number },
): TermDefinition[] {
  const out: TermDefinition[] = [];
  // A term counts as defined in any inflection ("culverts" once the article has defined "culvert").
  const defined = () => new Set([...options.defined, ...out].flatMap((d) => [d.term.toLowerCase(), baseForm(d.term, "n")?.replace(/_/g, " ") ?? d.term.toLowerCase()]));
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const singleTermUse = (term: string): { pos: WordnetPos; sentenceId: string } | undefined => {
    for (const sentence of sentences) {
      const { tokens: words, pos } = tokens.get(sentence.id)!;
      const at = words.findIndex((w) => w.toLowerCase() === term);
      if (at >= 0 && contextPos(words, pos, at) === "n") return { pos: "n", sentenceId: sentence.id };
    }
    return undefined;
  };
  const candidates = [
    ...candidateTerms.flatMap((t) => {
      if (t.term.includes(" ")) return [{ word: t.term, pos: "n" as const, sentenceId: t.sentenceId }];
      if (isEverydayWord(t.term)) return [];
      const use = singleTermUse(t.term);
      return use ? [{ word: t.term, ...use }] : [];
    }),
    ...uncommonWords(sentences, tokens, options.exclude),
  ];
  const lemmas = new Set<string>();
  const meanings = new Set<string>();
  for (const candidate of candidates) {
    if (options.defined.length + out.length >= options.max) break;
    if (defined().has(candidate.word) || defined().has(baseForm(candidate.word, candidate.pos)?.replace(/_/g, " ") ?? candidate.word) || options.furniture.has(candidate.sentenceId) || STOP_WORDS.has(candidate.word)) continue;
    const sentence = byId.get(candidate.sentenceId)!;
    // A word of a longer term ("continuing" in "continuing resolution") is not defined on its own.
    if (!candidate.word.includes(" ") && [...defined(), ...candidateTerms.map((t) => t.term)].some((term) => term.includes(" ") && term.split(" ").includes(candidate.word) && sentence.text.toLowerCase().includes(term))) continue;
    // One entry a word ("councillor" and "councillors") and a meaning ("lawmakers" and "legislators": one synset).
    const lemma = baseForm(candidate.word, candidate.pos) ?? candidate.word;
    if (lemmas.has(`${candidate.pos}:${lemma}`)) continue;
    const sense = wordnetSense(candidate.word.replace(/ /g, "_"), candidate.pos, sentence.text, options.articleWords);
    // A definition that explains the word by its own familiar parts ("researcher": someone doing research, "textbook":
    // a book for schools, "mainland": the main land mass) tells a student nothing they could not read off the word.
    if (sense && !candidate.word.includes(" ") && explainsItself(candidate.word, sense)) continue;
    if (sense && !candidate.word.includes(" ") && isCircular(candidate.word, sense)) continue;
    if (!sense || meanings.has(`${sense.pos}${sense.offset}`)) continue;
    lemmas.add(`${candidate.pos}:${lemma}`);
    meanings.add(`${sense.pos}${sense.offset}`);
    const found = sentence.text.match(wordPattern([candidate.word]))?.[0] ?? candidate.word;
    out.push({ term: candidate.word, definition: glossDefinition(sense), source: "wordnet", found, sentenceId: candidate.sentenceId, pos: candidate.pos });
  }
  return out;
}

/** The gloss uses a familiar word that is part of the word itself ("research" in "researcher", "book" in "textbook"). */
export function explainsItself(word: string, sense: Synset): boolean {
  const lower = word.toLowerCase();
  const gloss = (sense.gloss.split(/;\s*"/)[0] ?? "").toLowerCase();
  // A civic sense ("recount": a second count of the votes in a close election) is worth the entry all the same.
  if (/\b(votes?|voters?|elections?|laws?|legislat\w*|courts?|government|council|tax(es)?|strikes?|workers)\b/.test(gloss)) return false;
  return (gloss.match(/[a-z]{4,}/g) ?? []).some((w) => w !== lower && lower.includes(w.replace(/(?<=[^s])s$/, "")) && w.replace(/(?<=[^s])s$/, "").length >= 4 && knownBase(w));
}

/** Endings that make a noun of another word: what is left of a circular entry once its gloss word is taken off. */
const DERIVED_ENDING = /^(?:ability|ibility|ity|ism|ist|ment|ation|ization|isation|ition|cation|ion|ative|ive|ence|ance|ness|ship|hood|al|ure|ing)$/;

/**
 * The gloss defines the word by the word it is made from ("sustainability": the property of being sustainable;
 * "federalism": the idea of a federal organization; "amendment": the act of amending): a student who needs the
 * entry learns nothing from it. The gloss word, without its inflection (and "-able"), must begin the word, and the
 * rest of the word must be a noun-making ending.
 */
export function isCircular(word: string, sense: Synset): boolean {
  const lower = word.toLowerCase();
  const gloss = (sense.gloss.split(/;\s*"/)[0] ?? "").toLowerCase();
  return (gloss.match(/[a-z]{4,}/g) ?? []).some((w) => {
    const stems = new Set([w, w.replace(/(?:ing|ed|es|s|e)$/, ""), w.replace(/(?:able|ible)$/, "")]);
    for (const stem of [...stems]) if (stem.endsWith("y")) stems.add(`${stem.slice(0, -1)}i`);
    return [...stems].some((stem) => stem.length >= 4 && stem !== lower && lower.startsWith(stem) && DERIVED_ENDING.test(lower.slice(stem.length)));
  });
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
