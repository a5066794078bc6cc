/**
 * Pure, deterministic analysis of an extracted article: sentences (wink-nlp),
 * people/organizations/places (compromise, cleaned and treated as candidates),
 * dates resolved against the article date (chrono-node), numbers, direct
 * quotations with their speakers, glossary matches, candidate terms, sentence
 * importance (lead position + TextRank-style centrality + information counts)
 * and an estimated reading grade.
 * @see docs/IMPORT.md
 */
import * as chrono from "chrono-node";
import nlp from "compromise";
import type { ItemEntity, ItemSentence } from "wink-nlp";
import { getNlp, textStats } from "../text/readability";
import type {
  ArticleAnalysis,
  CandidateTerm,
  DateMention,
  EntityKind,
  GlossaryEntry,
  GlossaryMatch,
  NamedEntity,
  NumberKind,
  NumberMention,
  Quotation,
  Sentence,
} from "./types";

export interface AnalyzeOptions {
  glossary: GlossaryEntry[];
  /** The article's date (YYYY-MM-DD); without it, relative and year-less dates are ignored. */
  articleDate?: string;
}

export function analyzeArticle(paragraphs: string[], options: AnalyzeOptions): ArticleAnalysis {
  const wink = getNlp();
  const its = wink.its;
  const sentences: Sentence[] = [];
  const numbers: NumberMention[] = [];
  const posBySentence = new Map<string, { tokens: string[]; pos: string[] }>();

  paragraphs.forEach((paragraph, index) => {
    const doc = wink.readDoc(paragraph);
    const parts: { text: string; tokens: string[]; pos: string[]; entities: { text: string; type: string }[] }[] = [];
    doc.sentences().each((s: ItemSentence) => {
      const entities: { text: string; type: string }[] = [];
      s.entities().each((e: ItemEntity) => {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are stateless functions meant to be passed.
        entities.push({ text: e.out(), type: e.out(its.type) });
      });
      // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are stateless functions meant to be passed.
      const pos = s.tokens().out(its.pos);
      parts.push({ text: s.out(), tokens: s.tokens().out(), pos, entities });
    });
    // A quotation that runs over several sentences stays one evidence sentence.
    const merged: typeof parts = [];
    for (const part of parts) {
      const previous = merged.at(-1);
      if (previous && hasOpenQuote(previous.text) && paragraph.includes(`${previous.text} ${part.text}`)) {
        previous.text = `${previous.text} ${part.text}`;
        previous.tokens.push(...part.tokens);
        previous.pos.push(...part.pos);
        previous.entities.push(...part.entities);
      } else merged.push({ ...part, tokens: [...part.tokens], pos: [...part.pos], entities: [...part.entities] });
    }
    for (const part of merged) {
      const text = part.text.trim();
      if (!text) continue;
      const id = `s${sentences.length + 1}`;
      sentences.push({ id, paragraph: index, anchor: `p${index + 1}`, text, words: countWords(text) });
      posBySentence.set(id, { tokens: part.tokens, pos: part.pos });
      for (const entity of part.entities) {
        const mention = toNumberMention(entity.text, entity.type, id, text);
        if (mention) numbers.push(mention);
      }
    }
  });

  const fullText = paragraphs.join("\n\n");
  const entities = findEntities(fullText, sentences);
  const dates = findDates(sentences, options.articleDate);
  const quotations = findQuotations(sentences, entities);
  const glossary = matchGlossary(sentences, options.glossary);
  const { candidateTerms, nounPhrases } = findNounPhrases(sentences, posBySentence, glossary, entities);
  const sentenceScores = scoreSentences(sentences, { entities, numbers, dates, glossary });
  const stats = textStats(fullText);
  return {
    sentences,
    sentenceScores,
    entities,
    numbers,
    dates,
    quotations,
    glossary,
    candidateTerms,
    nounPhrases,
    stats: { words: stats.words, sentences: sentences.length, fkGrade: stats.fkGrade, readingMinutes: stats.readingMinutes },
  };
}

function hasOpenQuote(text: string): boolean {
  const opens = text.match(/“/g)?.length ?? 0;
  const closes = text.match(/”/g)?.length ?? 0;
  const straight = text.match(/"/g)?.length ?? 0;
  return opens > closes || straight % 2 === 1;
}

export function countWords(text: string): number {
  return text.match(/\p{L}[\p{L}'’.-]*|\d[\d,.]*/gu)?.length ?? 0;
}

// ------------------------------------------------------------------ numbers

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

const LABEL_BEFORE = /\b(proposition|prop\.|article|chapter|section|amendment|title|resolution|room|route|highway|no\.|number|phase|level|grade|district|ward|measure|question|item)\s+$/i;

function toNumberMention(text: string, type: string, sentenceId: string, sentence: string): NumberMention | undefined {
  if (type !== "MONEY" && type !== "PERCENT" && type !== "CARDINAL") return undefined;
  const value = parseNumberText(text);
  const at = sentence.indexOf(text);
  if (value === undefined || at < 0) return undefined;
  // "two-thirds", "100-member" and "Proposition 4" are not quantities a student should recall.
  if (/^[-–\w]/.test(sentence.slice(at + text.length)) || /[-–]$/.test(sentence.slice(0, at)) || LABEL_BEFORE.test(sentence.slice(0, at))) return undefined;
  const kind: NumberKind = type === "MONEY" ? "money" : type === "PERCENT" ? "percent" : "count";
  // Bare years are dates, and "one" is usually a pronoun-like word, not a fact.
  if (kind === "count" && (/^(1[89]|20)\d{2}$/.test(text) || value < 2)) return undefined;
  return { sentenceId, text, kind, value };
}

// ------------------------------------------------------------------ entities

const TITLES = [
  "president", "vice president", "former president", "prime minister", "minister", "foreign minister", "secretary", "secretary of state",
  "secretary-general", "senator", "sen.", "representative", "rep.", "governor", "gov.", "mayor", "judge", "justice", "chief justice",
  "ambassador", "speaker", "leader", "majority leader", "minority leader", "chairman", "chairwoman", "chair", "general", "gen.",
  "mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "commissioner", "councilmember", "council member", "officer", "sheriff",
  "attorney general", "director", "library director", "executive director", "spokesman", "spokeswoman", "spokesperson", "deputy", "envoy", "state", "sgt.", "lt.", "col.", "capt.", "rev.", "king", "queen", "prince", "princess", "pope", "house", "senate",
];
const TITLE_PREFIX = new RegExp(`^(?:(?:${TITLES.map(escapeRegex).sort((a, b) => b.length - a.length).join("|")})(?:\\s+|$))+`, "i");
const MONTHS_AND_DAYS = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const ORGANIZATION_WORD = /\b(council|committee|association|institute|department|agency|party|court|congress|ministry|office|board|commission|university|school|college|foundation|bank|company|corporation|union|programme|program|league|network|center|centre)$/i;
const NOT_NAMES = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "the", "a", "an", "this", "that", "officials", "critics", "supporters"]);

function cleanEntity(raw: string): string | undefined {
  let name = raw
    .replace(/[“”"‘]/g, "")
    .replace(/[’']s$/i, "")
    .replace(/[.,;:!?)(’']+$/g, "")
    .replace(/^[(‘'’]+/, "")
    .replace(/^the\s+/i, "")
    .trim();
  name = name.replace(TITLE_PREFIX, "").trim();
  // Datelines and headlines glued to a name ("UNITED NATIONS (Wire) — The UN") are not names.
  if (/[()—–]/.test(name) || name.split(/\s+/).length > 5) return undefined;
  if (MONTHS_AND_DAYS.test(name)) return undefined;
  if (/^[A-Z]{5,}$/.test(name)) name = name[0] + name.slice(1).toLowerCase();
  if (!name || NOT_NAMES.has(name.toLowerCase())) return undefined;
  if (!/^\p{Lu}/u.test(name) || name.length < 2) return undefined;
  return name;
}

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2}";
const SAID_NAME = new RegExp(`\\b(?:said|says|told reporters|added)\\s+(?:\\p{Ll}+\\s+)?(${NAME})|(${NAME}),?\\s+(?:said|says)\\b`, "gu");

function findEntities(text: string, sentences: Sentence[]): NamedEntity[] {
  const doc = nlp(text);
  const raw: [string, EntityKind][] = [
    ...(doc.people().out("array") as string[]).map((n): [string, EntityKind] => [n, "person"]),
    ...(doc.organizations().out("array") as string[]).map((n): [string, EntityKind] => [n, "organization"]),
    ...(doc.places().out("array") as string[]).map((n): [string, EntityKind] => [n, "place"]),
  ];
  const byName = new Map<string, NamedEntity>();
  // compromise misses many names; "said Priya Natarajan" and "Priya Natarajan said" are reliable cues.
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(SAID_NAME)) {
      const name = match[1] ?? match[2];
      if (name) raw.push([name, "person"]);
    }
  }
  for (const [value, rawKind] of raw) {
    const kind: EntityKind = rawKind !== "person" && TITLE_PREFIX.test(value) ? "person" : ORGANIZATION_WORD.test(value.replace(/[.,;:]+$/, "")) ? "organization" : rawKind;
    const name = cleanEntity(value);
    if (!name || (kind === "person" && rawKind !== "person" && !name.includes(" "))) continue;
    if (!name) continue;
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, { name, kind, variants: [], mentions: 0, sentenceIds: [] });
  }
  // "Lopez" after "Maria Lopez" is the same person: fold surnames into the full name.
  const people = [...byName.values()].filter((e) => e.kind === "person");
  for (const short of people) {
    if (short.name.includes(" ")) continue;
    const full = people.find((p) => p !== short && p.name.split(/\s+/).includes(short.name));
    if (full) {
      full.variants.push(short.name);
      byName.delete(short.name.toLowerCase());
    }
  }
  for (const entity of byName.values()) {
    if (entity.kind === "person" && entity.name.includes(" ")) {
      const surname = entity.name.split(/\s+/).at(-1)!;
      if (!entity.variants.includes(surname) && surname.length > 2) entity.variants.push(surname);
    }
  }
  const entities = [...byName.values()];
  for (const entity of entities) {
    const pattern = wordPattern([entity.name, ...entity.variants], false);
    for (const sentence of sentences) {
      const found = sentence.text.match(pattern)?.length ?? 0;
      if (found > 0) {
        entity.mentions += found;
        entity.sentenceIds.push(sentence.id);
      }
    }
  }
  // Entities found only inside a longer one ("Heritage" in "Heritage Foundation") add nothing.
  return entities
    .filter((e) => e.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

// ------------------------------------------------------------------ dates

const DATE_WORD = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(1[89]|20)\d{2})\b/i;
const YEAR_PHRASE = /\b(?:in|since|by|until|before|after|from|of|during|through)\s+((?:1[89]|20)\d{2})\b(?![-–\d])/g;

function findDates(sentences: Sentence[], articleDate: string | undefined): DateMention[] {
  const reference = articleDate ? referenceDate(articleDate) : undefined;
  const out: DateMention[] = [];
  for (const sentence of sentences) {
    const seen = new Set<string>();
    // Without an article date, resolve against a fixed instant and keep only dates that name their year.
    const results = chrono.parse(sentence.text, reference ?? new Date(2000, 0, 1, 12), { forwardDate: false });
    for (const result of results) {
      const start = result.start;
      const yearKnown = start.isCertain("year");
      const monthKnown = start.isCertain("month");
      const dayKnown = start.isCertain("day");
      const weekday = start.isCertain("weekday");
      if (!reference && !yearKnown) continue;
      let precision: DateMention["precision"];
      if (dayKnown || weekday) precision = "day";
      else if (monthKnown) precision = "month";
      else if (yearKnown) precision = "year";
      else continue;
      // "next month" or "last week" are too vague for a timeline.
      if (!dayKnown && !monthKnown && !yearKnown && !weekday) continue;
      // Durations and vague phrases ("for 38 minutes", "a week later", "next month") are not dates on a timeline.
      if (!DATE_WORD.test(result.text)) continue;
      const year = start.get("year")!;
      const month = start.get("month")!;
      const day = start.get("day")!;
      const iso =
        precision === "day" ? `${year}-${pad(month)}-${pad(day)}` : precision === "month" ? `${year}-${pad(month)}` : String(year);
      if (seen.has(iso)) continue;
      seen.add(iso);
      out.push({ sentenceId: sentence.id, text: result.text, iso, precision, explicit: monthKnown || yearKnown });
    }
    for (const match of sentence.text.matchAll(YEAR_PHRASE)) {
      const iso = match[1]!;
      if ([...seen].some((s) => s.startsWith(iso))) continue;
      seen.add(iso);
      out.push({ sentenceId: sentence.id, text: match[0], iso, precision: "year", explicit: true });
    }
  }
  return out;
}

function referenceDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

// ------------------------------------------------------------------ quotations

const SPEECH_VERBS = "said|says|say|told|tells|added|adds|asked|wrote|writes|explained|argued|argues|warned|warns|noted|insisted|stated|declared|announced|replied|responded|urged|predicted|cautioned|acknowledged|conceded|recalled|complained|according to";
const SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, "i");
const QUOTE = /[“"]([^“”"]{8,}?)[”"]/g;

function findQuotations(sentences: Sentence[], entities: NamedEntity[]): Quotation[] {
  const speakers = entities.filter((e) => e.kind === "person" || e.kind === "organization");
  const out: Quotation[] = [];
  for (const sentence of sentences) {
    const quotes = [...sentence.text.matchAll(QUOTE)];
    if (quotes.length === 0) continue;
    const outside = sentence.text.replace(QUOTE, (m) => " ".repeat(m.length));
    if (!SPEECH.test(outside)) continue;
    const verbAt = outside.search(SPEECH);
    // The speaker is the person (or, failing that, organization) named outside the quotes nearest the speech verb.
    let best: { name: string; distance: number; person: boolean } | undefined;
    for (const entity of speakers) {
      for (const form of [entity.name, ...entity.variants]) {
        for (const match of outside.matchAll(wordPattern([form], false))) {
          const distance = Math.abs((match.index ?? 0) - verbAt);
          const person = entity.kind === "person";
          if (!best || (person && !best.person) || (person === best.person && distance < best.distance)) best = { name: entity.name, distance, person };
        }
      }
    }
    if (!best || best.distance > 120) continue;
    for (const quote of quotes) {
      const text = quote[1]!.trim().replace(/[,]$/, "");
      if (countWords(text) < 3) continue;
      out.push({ sentenceId: sentence.id, text, speaker: best.name });
    }
  }
  return out;
}

// ------------------------------------------------------------------ glossary and terms

function matchGlossary(sentences: Sentence[], glossary: GlossaryEntry[]): GlossaryMatch[] {
  const out: GlossaryMatch[] = [];
  for (const entry of glossary) {
    const forms = [entry.term, ...entry.aliases].filter((f) => f.trim().length > 1);
    const pattern = wordPattern(forms);
    let first: { found: string; sentenceId: string } | undefined;
    let count = 0;
    for (const sentence of sentences) {
      const matches = sentence.text.match(pattern);
      if (!matches) continue;
      count += matches.length;
      first ??= { found: matches[0], sentenceId: sentence.id };
    }
    if (first) out.push({ glossaryId: entry.id, term: entry.term, definition: entry.definition, found: first.found, sentenceId: first.sentenceId, count });
  }
  return out.sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
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
    if (chunk.length >= 1 && chunk.length <= 3) out.push(chunk.map((c) => c.token).join(" "));
    chunk = [];
  };
  tokens.forEach((token, i) => {
    const tag = pos[i] ?? "";
    const adjectives = chunk.filter((c) => c.tag === "ADJ").length;
    if (/^[a-z][a-z-]*$/.test(token) && (tag === "NOUN" || (tag === "ADJ" && adjectives < 2 && chunk.every((c) => c.tag === "ADJ")))) chunk.push({ token, tag });
    else flush();
  });
  flush();
  return out;
}

function findNounPhrases(
  sentences: Sentence[],
  posBySentence: Map<string, { tokens: string[]; pos: string[] }>,
  glossary: GlossaryMatch[],
  entities: NamedEntity[],
): { candidateTerms: CandidateTerm[]; nounPhrases: Record<string, string[]> } {
  const counts = new Map<string, { count: number; sentenceId: string }>();
  const nounPhrases: Record<string, string[]> = {};
  const covered = new Set([...glossary.map((g) => g.found.toLowerCase()), ...glossary.map((g) => g.term.toLowerCase())]);
  const entityWords = new Set(entities.flatMap((e) => e.name.toLowerCase().split(/\s+/)));
  for (const sentence of sentences) {
    const { tokens, pos } = posBySentence.get(sentence.id)!;
    const phrases = nounChunks(tokens, pos).filter((phrase) => {
      const words = phrase.split(" ");
      return !DULL_NOUNS.has(words.at(-1)!) && !words.some((w) => entityWords.has(w)) && phrase.length >= 5;
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

// ------------------------------------------------------------------ sentence importance

const STOP = new Set(
  "the a an and or but of to in on at by for with from as is are was were be been being that this these those it its he she they them his her their we our you your i not no will would can could should may might has have had do does did said says about after before into over than then there which who whom what when where why how also more most new".split(" "),
);

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.replace(/(ies|es|s)$/, "")));
}

/** Lead position + TextRank-style centrality on a word-overlap graph + counts of facts. */
function scoreSentences(
  sentences: Sentence[],
  facts: { entities: NamedEntity[]; numbers: NumberMention[]; dates: DateMention[]; glossary: GlossaryMatch[] },
): Record<string, number> {
  const words = sentences.map((s) => contentWords(s.text));
  const n = sentences.length;
  const weights: number[][] = words.map((a, i) =>
    words.map((b, j) => {
      if (i === j || a.size < 2 || b.size < 2) return 0;
      let overlap = 0;
      for (const w of a) if (b.has(w)) overlap += 1;
      return overlap / (Math.log(a.size) + Math.log(b.size));
    }),
  );
  const outSums = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 25; iteration += 1) {
    rank = rank.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j += 1) if (weights[j]![i]! > 0) sum += (weights[j]![i]! / outSums[j]!) * rank[j]!;
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
    scores[sentence.id] = round(rank[i]! / maxRank + lead + info);
  });
  return scores;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// ------------------------------------------------------------------ helpers

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whole-word, case-insensitive match of any of the forms (longest first). */
export function wordPattern(forms: string[], ignoreCase = true): RegExp {
  const alternatives = [...new Set(forms)].sort((a, b) => b.length - a.length).map(escapeRegex);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, ignoreCase ? "giu" : "gu");
}
