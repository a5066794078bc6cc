/**
 * Question generators over an analyzed article: overgenerate, then filter and
 * rank (Heilman & Smith 2010). Each question keeps its evidence sentence
 * verbatim, the paragraph anchor and the generator that made it. Choices are
 * ordered by value or alphabetically, never at random, so the same article
 * always gives the same draft.
 * @see docs/IMPORT.md
 */
import { checkQuestionShape } from "../content/check";
import { answerParts, contentQuestionSchema, isSpanningType, type ContentQuestion } from "../content/schema";
import { escapeRegex, wordPattern } from "./analyze";
import type { ArticleAnalysis, DraftQuestion, NamedEntity, NumberMention, Sentence } from "./types";

/** Most questions a draft keeps after ranking; the teacher deletes what they don't want. */
export const MAX_DRAFT_QUESTIONS = 20;

const GENERATOR_CAP: Record<DraftQuestion["generator"], number> = {
  "cloze-key-sentence": 5,
  "numeric-choice": 4,
  "who-said-what": 1,
  "who-said-single": 3,
  "true-false-swap": 4,
  "true-false-original": 2,
  "timeline-order": 1,
  teacher: 0,
};

const CHOICE_IDS = ["a", "b", "c", "d", "e", "f"];
const PRONOUN_START = /^["“]?(he|she|it|they|we|i|you|this|that|these|those|there|but|and|or|so|his|her|their|its)\b/i;

type Candidate = DraftQuestion & { sentenceId: string };

export function generateQuestions(analysis: ArticleAnalysis): { questions: DraftQuestion[]; candidateCount: number; byGenerator: Record<string, number> } {
  const ctx = new Context(analysis);
  const candidates: Candidate[] = [
    ...clozeQuestions(ctx),
    ...numericQuestions(ctx),
    ...whoSaidWhat(ctx),
    ...trueFalseQuestions(ctx),
    ...timelineQuestions(ctx),
  ];
  const valid = candidates.filter(({ sentenceId: _sentenceId, ...question }) => isValidQuestion(question));
  const ranked = [...valid].sort((a, b) => b.score - a.score || ctx.order(a.sentenceId) - ctx.order(b.sentenceId) || a.generator.localeCompare(b.generator));
  const kept: Candidate[] = [];
  const perSentence = new Map<string, number>();
  const perSentenceFamily = new Set<string>();
  const perGenerator = new Map<string, number>();
  const prompts = new Set<string>();
  for (const candidate of ranked) {
    const family = `${candidate.sentenceId}:${candidate.type}`;
    const count = perSentence.get(candidate.sentenceId) ?? 0;
    // At most two questions lean on one sentence, and never two of the same kind.
    const generated = perGenerator.get(candidate.generator) ?? 0;
    // Caps keep the draft varied: a few of each kind rather than twenty of the best-scoring one.
    if (count >= 2 || perSentenceFamily.has(family) || prompts.has(stemOf(candidate)) || generated >= GENERATOR_CAP[candidate.generator]) continue;
    perGenerator.set(candidate.generator, generated + 1);
    kept.push(candidate);
    perSentence.set(candidate.sentenceId, count + 1);
    perSentenceFamily.add(family);
    prompts.add(stemOf(candidate));
    if (kept.length >= MAX_DRAFT_QUESTIONS) break;
  }
  const questions = kept.map(({ sentenceId: _sentenceId, ...question }, index) => ({ ...question, id: `q${index + 1}` }));
  const byGenerator: Record<string, number> = {};
  for (const c of candidates) byGenerator[c.generator] = (byGenerator[c.generator] ?? 0) + 1;
  return { questions, candidateCount: candidates.length, byGenerator };
}

/** What a student reads: cloze items share their prompt and differ in the sentence. */
function stemOf(question: DraftQuestion): string {
  return question.type === "cloze" ? `${question.prompt}\n${question.text}` : question.prompt;
}

/** A draft question as a content question (evidence = paragraph anchor), for validation and export. */
export function toContentQuestion(question: DraftQuestion, id: string, topic = "article"): ContentQuestion {
  const { evidence: _evidence, evidenceAnchor, generator: _generator, score: _score, ...rest } = question;
  const base = { ...rest, id, evidence: evidenceAnchor, topic } as ContentQuestion;
  // A drafted question rests on one sentence, so every part of a spanning answer cites that sentence's paragraph.
  const content: ContentQuestion = isSpanningType(base.type) ? ({ ...base, evidenceFor: Object.fromEntries(answerParts(base).map((part) => [part, evidenceAnchor])) } as ContentQuestion) : base;
  // content/ wants ordering items listed out of order (students get a shuffle either way).
  if (content.type === "ordering" && content.items.length > 1 && content.items.map((i) => i.id).join() === content.answer.join()) {
    return { ...content, items: [...content.items.slice(1), content.items[0]!] };
  }
  return content;
}

/** Problems that would stop a question from being published (schema and answer consistency). */
export function questionProblems(question: DraftQuestion): string[] {
  const parsed = contentQuestionSchema.safeParse(toContentQuestion(question, "q-check"));
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".") || "question"}: ${i.message}`);
  return checkQuestionShape(parsed.data).map((p) => `${p.field}: ${p.message}`);
}

function isValidQuestion(question: DraftQuestion): boolean {
  return questionProblems(question).length === 0;
}

class Context {
  readonly byId: Map<string, Sentence>;
  private readonly positions: Map<string, number>;
  constructor(readonly analysis: ArticleAnalysis) {
    this.byId = new Map(analysis.sentences.map((s) => [s.id, s]));
    this.positions = new Map(analysis.sentences.map((s, i) => [s.id, i]));
  }
  order(id: string): number {
    return this.positions.get(id) ?? 0;
  }
  score(id: string): number {
    return this.analysis.sentenceScores[id] ?? 0;
  }
  /** Sentences good enough to ask about: 8-40 words, a statement, not leaning on a previous sentence. */
  eligible(sentence: Sentence): boolean {
    return sentence.words >= 8 && sentence.words <= 40 && !/\?["”]?$/.test(sentence.text) && !PRONOUN_START.test(sentence.text);
  }
  evidence(sentence: Sentence) {
    return { evidence: sentence.text, evidenceAnchor: sentence.anchor, sentenceId: sentence.id };
  }
  hasQuote(sentence: Sentence): boolean {
    return /["“”]/.test(sentence.text);
  }
}

function explanationFor(sentence: Sentence): string {
  return `The article says: “${stripOuterQuotes(sentence.text)}”`;
}

function stripOuterQuotes(text: string): string {
  return text.replace(/"/g, "'").replace(/“|”/g, "'");
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// ------------------------------------------------------------------ cloze

function clozeQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  for (const sentence of analysis.sentences) {
    if (!ctx.eligible(sentence) || ctx.hasQuote(sentence)) continue;
    const gaps: { text: string; accepted: string[]; prior: number; vocabulary: boolean }[] = [];
    for (const match of analysis.glossary) {
      const found = sentence.text.match(wordPattern([match.found, match.term]))?.[0];
      if (found) gaps.push({ text: found, accepted: [found, match.term], prior: 0.35, vocabulary: true });
    }
    for (const term of analysis.candidateTerms) {
      const found = sentence.text.match(wordPattern([term.term]))?.[0];
      if (found) gaps.push({ text: found, accepted: [found], prior: 0.3, vocabulary: true });
    }
    for (const phrase of analysis.nounPhrases[sentence.id] ?? []) {
      if (phrase.includes(" ") || phrase.length >= 8) gaps.push({ text: phrase, accepted: [phrase], prior: phrase.includes(" ") ? 0.2 : 0.15, vocabulary: false });
    }
    for (const number of analysis.numbers.filter((n) => n.sentenceId === sentence.id)) {
      gaps.push({ text: number.text, accepted: numberForms(number), prior: 0.1, vocabulary: false });
    }
    // The gap must be unique in the sentence, or the stem gives the answer away.
    const gap = gaps.find((g) => (sentence.text.match(wordPattern([g.text]))?.length ?? 0) === 1 && !stemRepeats(sentence.text, g.text));
    if (!gap) continue;
    const text = sentence.text.replace(wordPattern([gap.text]), "{{blank}}");
    out.push({
      id: "",
      type: "cloze",
      prompt: "Fill in the blank with the missing word or words from the article.",
      text,
      answer: { blank: [...new Set(gap.accepted)] },
      explanation: explanationFor(sentence),
      skills: gap.vocabulary ? ["vocabulary", "recall"] : ["recall"],
      difficulty: gap.vocabulary ? 2 : 1,
      generator: "cloze-key-sentence",
      score: round(ctx.score(sentence.id) + gap.prior),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

/** True when a content word of the answer also appears elsewhere in the sentence. */
function stemRepeats(sentence: string, answer: string): boolean {
  const rest = sentence.replace(wordPattern([answer]), " ");
  return answer
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 3)
    .some((word) => new RegExp(`\\b${escapeRegex(word)}\\b`, "i").test(rest));
}

function numberForms(number: NumberMention): string[] {
  const plain = number.text.replace(/^(about|around|nearly|almost|roughly|some|more than|less than|fewer than|over|under|at least|up to|approximately)\s+/i, "");
  return [...new Set([number.text, plain, plain.replace(/,/g, "")])];
}

// ------------------------------------------------------------------ numbers

const WORD_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

function numericQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const used = new Set<string>();
  for (const number of analysis.numbers) {
    const sentence = ctx.byId.get(number.sentenceId)!;
    if (used.has(sentence.id) || !ctx.eligible(sentence) || ctx.hasQuote(sentence)) continue;
    if ((sentence.text.split(number.text).length - 1) !== 1) continue;
    const distractors = numberDistractors(number, analysis.numbers);
    if (distractors.length < 2) continue;
    used.add(sentence.id);
    const options = [{ value: number.value, text: number.text }, ...distractors.slice(0, 3)].sort((a, b) => a.value - b.value);
    const choices = options.map((o, i) => ({ id: CHOICE_IDS[i]!, text: o.text }));
    const answer = choices[options.findIndex((o) => o.text === number.text)]!.id;
    const stem = sentence.text.replace(number.text, "____");
    out.push({
      id: "",
      type: "single",
      prompt: `Which ${number.kind === "percent" ? "percentage" : number.kind === "money" ? "amount" : "number"} completes this sentence from the article? “${stripOuterQuotes(stem)}”`,
      choices,
      answer,
      explanation: explanationFor(sentence),
      skills: ["recall", "numeracy"],
      difficulty: 2,
      generator: "numeric-choice",
      score: round(ctx.score(sentence.id) + 0.25 + (number.kind === "count" ? 0 : 0.1)),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

/** Same-kind numbers from the article first, then the value scaled, written the way the article writes it. */
function numberDistractors(number: NumberMention, all: NumberMention[]): { value: number; text: string }[] {
  const out: { value: number; text: string }[] = [];
  const seen = new Set([number.value]);
  const add = (value: number, text: string | undefined) => {
    if (!text || seen.has(value) || value <= 0 || (number.kind === "percent" && value > 100)) return;
    seen.add(value);
    out.push({ value, text });
  };
  const isWord = /^[a-z]+$/i.test(number.text.trim());
  for (const other of all) {
    if (other.kind !== number.kind || isWord !== /^[a-z]+$/i.test(other.text.trim())) continue;
    const ratio = other.value / number.value;
    // A distractor in the same order of magnitude is plausible; "$410 million" against "12" is not.
    if (ratio > 0.2 && ratio < 5) add(other.value, reformatNumber(number, other.value));
    if (out.length >= 2) break;
  }
  for (const factor of [2, 0.5, 1.5, 3, 0.75]) {
    if (out.length >= 3) break;
    const decimals = (/\.(\d+)/.exec(number.text)?.[1]?.length ?? 0) > 0 ? 1 : 0;
    let value = number.value * factor;
    value = decimals ? Math.round(value * 10) / 10 : Math.round(value);
    if (number.kind === "money" || number.value >= 1e6) value = roundToScale(number.value, value);
    add(value, reformatNumber(number, value));
  }
  return out;
}

function roundToScale(original: number, value: number): number {
  const scale = original >= 1e12 ? 1e12 : original >= 1e9 ? 1e9 : original >= 1e6 ? 1e6 : 1;
  return (Math.round((value / scale) * 10) / 10) * scale;
}

/** Writes `value` in the same style as the original mention ("$4.5 billion", "30 percent", "three"). */
export function reformatNumber(number: NumberMention, value: number): string | undefined {
  const text = number.text;
  if (/^[a-z]+$/i.test(text.trim())) {
    const word = WORD_NUMBERS[value];
    if (!word) return undefined;
    return /^[A-Z]/.test(text) ? word[0]!.toUpperCase() + word.slice(1) : word;
  }
  const match = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*(thousand|million|billion|trillion))?/i.exec(text);
  if (!match) return undefined;
  const scaleWord = match[4]?.toLowerCase();
  const scale = scaleWord === "thousand" ? 1e3 : scaleWord === "million" ? 1e6 : scaleWord === "billion" ? 1e9 : scaleWord === "trillion" ? 1e12 : 1;
  const scaled = value / scale;
  const decimals = match[2] || !Number.isInteger(scaled) ? 1 : 0;
  const digits = decimals ? scaled.toFixed(1).replace(/\.0$/, "") : String(Math.round(scaled));
  const withCommas = match[1]!.includes(",") || scaled >= 10000 ? Number(digits).toLocaleString("en-US", { maximumFractionDigits: 1 }) : digits;
  return text.slice(0, match.index) + withCommas + (match[3] ?? "") + text.slice(match.index + match[0].length);
}

// ------------------------------------------------------------------ who said what

function whoSaidWhat(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const quotes = analysis.quotations.filter((q) => ctx.byId.has(q.sentenceId));
  const people = analysis.entities.filter((e) => e.kind === "person");
  const speakers = [...new Set(quotes.map((q) => q.speaker))];

  // One matching question: a quote from each speaker (the best-scored one), plus one name that said nothing quoted.
  if (speakers.length >= 2) {
    const picked = speakers
      .map((speaker) => quotes.filter((q) => q.speaker === speaker).sort((a, b) => ctx.score(b.sentenceId) - ctx.score(a.sentenceId))[0]!)
      .sort((a, b) => ctx.score(b.sentenceId) - ctx.score(a.sentenceId))
      .slice(0, 5)
      .sort((a, b) => ctx.order(a.sentenceId) - ctx.order(b.sentenceId));
    const extra = people.find((p) => !speakers.includes(p.name));
    const names = [...picked.map((q) => q.speaker), ...(extra && picked.length < 6 ? [extra.name] : [])].sort((a, b) => a.localeCompare(b));
    const right = names.map((name, i) => ({ id: `r${i + 1}`, text: name }));
    const left = picked.map((q, i) => ({ id: `l${i + 1}`, text: `“${shorten(q.text, 25)}”` }));
    const answer = Object.fromEntries(picked.map((q, i) => [`l${i + 1}`, right.find((r) => r.text === q.speaker)!.id]));
    const first = ctx.byId.get(picked[0]!.sentenceId)!;
    out.push({
      id: "",
      type: "matching",
      prompt: "Match each quotation from the article to the person who said it.",
      left,
      right,
      answer,
      explanation: picked.map((q) => `${q.speaker} said “${shorten(q.text, 25)}”`).join(". ") + ".",
      skills: ["sourcing", "perspective"],
      difficulty: 2,
      generator: "who-said-what",
      score: round(picked.reduce((s, q) => s + ctx.score(q.sentenceId), 0) / picked.length + 0.4),
      ...ctx.evidence(first),
    });
  }

  for (const quote of quotes) {
    const sentence = ctx.byId.get(quote.sentenceId)!;
    const others = [...speakers.filter((s) => s !== quote.speaker), ...people.map((p) => p.name).filter((n) => n !== quote.speaker && !speakers.includes(n))];
    const names = [quote.speaker, ...[...new Set(others)].slice(0, 3)].sort((a, b) => a.localeCompare(b));
    if (names.length < 3) continue;
    const choices = names.map((name, i) => ({ id: CHOICE_IDS[i]!, text: name }));
    out.push({
      id: "",
      type: "single",
      prompt: `Who said “${shorten(quote.text, 30)}”?`,
      choices,
      answer: choices.find((c) => c.text === quote.speaker)!.id,
      explanation: explanationFor(sentence),
      skills: ["sourcing"],
      difficulty: 1,
      generator: "who-said-single",
      score: round(ctx.score(sentence.id) + 0.15),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

function shorten(text: string, words: number): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(" ")}…`;
}

// ------------------------------------------------------------------ true / false

function trueFalseQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  for (const sentence of analysis.sentences) {
    if (!ctx.eligible(sentence) || ctx.hasQuote(sentence) || sentence.words > 32) continue;
    const swap = entitySwap(sentence, analysis.entities) ?? numberSwap(sentence, analysis.numbers) ?? dateSwap(sentence, analysis);
    const statement = sentence.text.replace(/\s*[.!]$/, ".");
    if (swap) {
      out.push({
        id: "",
        type: "true_false",
        prompt: `True or false? ${swap.text.replace(/\s*[.!]$/, ".")}`,
        answer: false,
        explanation: `False. The article says “${stripOuterQuotes(sentence.text)}” (${swap.from}, not ${swap.to}).`,
        feedbackTrue: `Check the article again: it says ${swap.from}, not ${swap.to}.`,
        skills: ["recall"],
        difficulty: 2,
        generator: "true-false-swap",
        score: round(ctx.score(sentence.id) + 0.2),
        ...ctx.evidence(sentence),
      });
    }
    out.push({
      id: "",
      type: "true_false",
      prompt: `True or false? ${statement}`,
      answer: true,
      explanation: `True. ${explanationFor(sentence)}`,
      skills: ["recall"],
      difficulty: 1,
      generator: "true-false-original",
      // A true statement copied from the text is the easiest item; rank it below the swapped one.
      score: round(ctx.score(sentence.id) - 0.1),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

interface Swap {
  text: string;
  from: string;
  to: string;
}

function entitySwap(sentence: Sentence, entities: NamedEntity[]): Swap | undefined {
  const inSentence = entities.filter((e) => e.sentenceIds.includes(sentence.id));
  for (const entity of inSentence) {
    const form = [entity.name, ...entity.variants].find((f) => {
      const matches = [...sentence.text.matchAll(wordPattern([f], false))];
      if (matches.length !== 1) return false;
      const before = sentence.text.slice(0, matches[0]!.index);
      const after = sentence.text.slice(matches[0]!.index + f.length);
      // "the Russia", "UN Charter" -> "Institute Charter" and "States's" read wrong; skip those spots.
      return !/\bthe\s+$/i.test(before) && !/^\s+\p{Lu}/u.test(after) && !/^['’]s\b/.test(after) && !inSentence.some((o) => o !== entity && o.name.includes(f));
    });
    if (!form) continue;
    const replacement = entities.find((o) => o.kind === entity.kind && o !== entity && !o.sentenceIds.includes(sentence.id) && o.mentions >= 1);
    if (!replacement) continue;
    let replacementForm = form === entity.name ? replacement.name : (replacement.name.split(/\s+/).at(-1) ?? replacement.name);
    // "the United States", "the Netherlands": names that take an article need it when they replace one that doesn't.
    if (/^(United|Netherlands|Philippines|European|Czech Republic|Dominican Republic)\b/.test(replacementForm)) replacementForm = `the ${replacementForm}`;
    return { text: sentence.text.replace(wordPattern([form], false), replacementForm), from: form, to: replacementForm };
  }
  return undefined;
}

function numberSwap(sentence: Sentence, numbers: NumberMention[]): Swap | undefined {
  for (const number of numbers.filter((n) => n.sentenceId === sentence.id)) {
    if (sentence.text.split(number.text).length !== 2) continue;
    const distractor = numberDistractors(number, numbers)[0];
    if (!distractor) continue;
    return { text: sentence.text.replace(number.text, distractor.text), from: number.text, to: distractor.text };
  }
  return undefined;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function dateSwap(sentence: Sentence, analysis: ArticleAnalysis): Swap | undefined {
  for (const date of analysis.dates.filter((d) => d.sentenceId === sentence.id && d.explicit)) {
    const year = /\b(1[89]|20)\d{2}\b/.exec(date.text);
    if (year) {
      const shifted = String(Number(year[0]) - 2);
      const text = date.text.replace(year[0], shifted);
      return { text: sentence.text.replace(date.text, text), from: date.text.trim(), to: text.trim() };
    }
    const month = MONTHS.find((m) => date.text.includes(m));
    if (month) {
      const other = MONTHS[(MONTHS.indexOf(month) + 3) % 12]!;
      const text = date.text.replace(month, other);
      return { text: sentence.text.replace(date.text, text), from: date.text.trim(), to: text.trim() };
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ timeline

function timelineQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const events = timelineEvents(analysis);
  if (events.length < 3) return [];
  const picked = [...events]
    .sort((a, b) => ctx.score(b.sentence.id) - ctx.score(a.sentence.id))
    .slice(0, 5)
    .sort((a, b) => ctx.order(a.sentence.id) - ctx.order(b.sentence.id));
  if (picked.length < 3) return [];
  const items = picked.map((e, i) => ({ id: `e${i + 1}`, text: shorten(e.sentence.text, 30) }));
  const chronological = [...picked].sort((a, b) => a.iso.localeCompare(b.iso));
  let answer = chronological.map((e) => items[picked.indexOf(e)]!.id);
  // Reviewers see items in file order; when the article already told them in order, list them reversed.
  if (answer.join() === items.map((i) => i.id).join()) items.reverse();
  answer = chronological.map((e) => items.find((item) => item.text === shorten(e.sentence.text, 30))!.id);
  const first = chronological[0]!.sentence;
  return [
    {
      id: "",
      type: "ordering",
      prompt: "Put these events from the article in the order they happened, earliest first.",
      items,
      answer,
      explanation: `In order: ${chronological.map((e) => `${e.label} (${e.dateText})`).join("; ")}.`,
      skills: ["chronology"],
      difficulty: 3,
      generator: "timeline-order",
      score: round(picked.reduce((s, e) => s + ctx.score(e.sentence.id), 0) / picked.length + 0.45),
      ...ctx.evidence(first),
    },
  ];
}

/** Dated sentences, one event per sentence, ordered only by explicit dates (news is not told in order). */
export function timelineEvents(analysis: ArticleAnalysis): { sentence: Sentence; iso: string; dateText: string; label: string }[] {
  const byId = new Map(analysis.sentences.map((s) => [s.id, s]));
  const seenSentence = new Set<string>();
  const events: { sentence: Sentence; iso: string; dateText: string; label: string }[] = [];
  for (const date of analysis.dates) {
    if (seenSentence.has(date.sentenceId) || !date.explicit || /^since\b/i.test(date.text)) continue;
    const sentence = byId.get(date.sentenceId)!;
    // "since January" marks a span, not an event.
    if (PRONOUN_START.test(sentence.text) || /\bsince\s+$/i.test(sentence.text.slice(0, sentence.text.indexOf(date.text)))) continue;
    // Two events whose dates overlap ("2016" and "June 2016") cannot be ordered.
    if (events.some((e) => e.iso.startsWith(date.iso) || date.iso.startsWith(e.iso))) continue;
    seenSentence.add(date.sentenceId);
    events.push({ sentence, iso: date.iso, dateText: date.text.replace(/^(on|in|since|by|of|until|from)\s+/i, "").replace(/[,.]$/, ""), label: shorten(sentence.text.replace(/[.!]$/, ""), 12) });
  }
  return events;
}
