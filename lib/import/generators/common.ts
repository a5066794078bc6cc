/** What every generator shares: the analysis with lookups, eligibility of sentences, evidence fields and choice ids. */
import { formsOf } from "../analyze/entities";
import { innerQuotes } from "../analyze/text";
import type { ArticleAnalysis, DraftQuestion, NamedEntity, Sentence } from "../types";

export const CHOICE_IDS = ["a", "b", "c", "d", "e", "f"];
export const PRONOUN_START =
  /^["“]?(?:(he|she|it|they|we|i|you|this|that|these|those|there|but|and|or|so|his|her|their|its|him|them|such|also|yet|still|then)\b|the (?:first|second|third|fourth|last|other|latter|former|same|rest)\b(?:,| (?:is|was|one|two|three|of them|article|story|report|study)\b))/i;

/** A court's docket or case number inside a sentence. */
const DOCKET = /\b(?:No\.|Nos\.|Docket|Case No\.?)\s*\d{1,4}[-–][\w-]*\d\b|\b(?:docket|case) (?:no\.|number)\s*\d/i;

/** A candidate question with the id of the sentence it rests on (dropped when the draft is built). */
export type Candidate = DraftQuestion & { sentenceId: string };

export class Context {
  readonly byId: Map<string, Sentence>;
  readonly opinionIds: Set<string>;
  readonly furniture: Set<string>;
  readonly people: NamedEntity[];
  private readonly positions: Map<string, number>;
  private readonly factIds: Set<string>;
  /** Paragraphs of a transcript's interviewer turns: the host's framing, which no question asks about as the article's. */
  private readonly askedParagraphs: Set<number>;
  constructor(readonly analysis: ArticleAnalysis) {
    this.askedParagraphs = new Set((analysis.transcript?.turns ?? []).filter((t) => t.role === "interviewer").map((t) => t.paragraph));
    this.byId = new Map(analysis.sentences.map((s) => [s.id, s]));
    this.positions = new Map(analysis.sentences.map((s, i) => [s.id, i]));
    this.opinionIds = new Set(analysis.opinions.map((o) => o.sentenceId));
    this.furniture = new Set(analysis.furniture);
    // People named only in a byline or credit are not people of the story.
    this.people = analysis.entities.filter((e) => e.kind === "person" && e.sentenceIds.some((id) => !this.furniture.has(id)));
    this.factIds = new Set([...analysis.numbers.map((n) => n.sentenceId), ...analysis.dates.map((d) => d.sentenceId), ...analysis.entities.flatMap((e) => e.sentenceIds)]);
  }
  order(id: string): number {
    return this.positions.get(id) ?? 0;
  }
  score(id: string): number {
    return this.analysis.sentenceScores[id] ?? 0;
  }
  /** Sentences good enough to ask about: 8–40 words, a statement, not leaning on a previous sentence, not page furniture. */
  eligible(sentence: Sentence, maxWords = 40, ownVoice = false): boolean {
    // For a judgment in the author's own voice, "I think …" and "But closing the library … is a false economy" stand alone.
    const opening = ownVoice ? sentence.text.replace(/^(But|And|Yet|Still|So),?\s+/, "").replace(/^I\s+/, "The author ") : sentence.text;
    return (
      sentence.words >= 8 &&
      sentence.words <= maxWords &&
      !/\?["”]?$/.test(sentence.text) &&
      !/:$/.test(sentence.text) &&
      !PRONOUN_START.test(opening) &&
      // A list item's fragment ("whether ballots were lost;") or an interview's "Q:"/"A:" line is not a statement to ask about.
      /^[\p{Lu}\p{N}“"‘']/u.test(sentence.text) &&
      !/^[QA][:.]\s/.test(sentence.text) &&
      !/;$/.test(sentence.text) &&
      !this.furniture.has(sentence.id) &&
      // The interviewer's statements ("**In September, … you encouraged New Yorkers to …**") set up a question: asking a
      // student to judge them as the article's facts keys the host's framing.
      !this.askedParagraphs.has(sentence.paragraph) &&
      // A docket or case number ("No. 2025-SC-0417") is a filing label, not something a student should learn.
      !DOCKET.test(sentence.text) &&
      // A bullet cut from its lead-in ("$180 million to rebuild roads") has no subject of its own, and a block quote
      // the page sets apart is a pull quote or an epigraph: neither is a statement to ask about on its own.
      sentence.kind === "paragraph" &&
      !sentence.verbless &&
      // Words addressed to the reader ("If you use the library, go and say so") are advice, not a fact.
      !/\b(you|your|you['’]re|you['’]ll)\b/i.test(sentence.text.replace(/[“"][^”"]*[”"]/g, " "))
    );
  }
  /** First person outside quotations ("we audited"), or an interview's "Q:"/"A:" line: true only from the speaker's view. */
  firstPerson(sentence: Sentence): boolean {
    const outside = sentence.text.replace(/[“"][^”"]*[”"]/g, " ");
    return /^[QA][:.]\s/.test(sentence.text) || /\b(I|I['’]m|I['’]ve|I['’]d)\b/.test(outside) || /\b(we|our|my|me|us)\b/i.test(outside);
  }
  evidence(sentence: Sentence) {
    return { evidence: sentence.text, evidenceAnchor: sentence.anchor, sentenceId: sentence.id };
  }
  hasQuote(sentence: Sentence): boolean {
    return /["“”]/.test(sentence.text);
  }
  isOpinion(sentence: Sentence): boolean {
    return this.opinionIds.has(sentence.id);
  }
  opinionOf(sentence: Sentence) {
    return this.analysis.opinions.find((o) => o.sentenceId === sentence.id);
  }
  /** A sentence with a figure, a date or a name and no opinion cue or quotation: a fact a student can check. */
  isCheckableFact(sentence: Sentence): boolean {
    return this.factIds.has(sentence.id) && !this.isOpinion(sentence) && !this.hasQuote(sentence) && !this.furniture.has(sentence.id);
  }
  /** The median score of eligible sentences: "central" means at or above it. */
  centralThreshold(): number {
    const scores = this.analysis.sentences.filter((s) => this.eligible(s)).map((s) => this.score(s.id)).sort((a, b) => a - b);
    return scores[Math.floor(scores.length / 2)] ?? 0;
  }
  person(name: string): NamedEntity | undefined {
    return this.people.find((p) => p.name === name);
  }
  mentionsPerson(sentence: Sentence, person: NamedEntity): boolean {
    return person.sentenceIds.includes(sentence.id) || formsOf(person).some((f) => sentence.text.includes(f));
  }
}

/**
 * Sentence choices that sit well together: no two name the same person (a student would match names, not ideas)
 * and no two lead with nearly the same figure. Picks from `pool` in order, after the ones already `chosen`.
 */
export function compatibleSentences(ctx: Context, chosen: Sentence[], pool: Sentence[], count: number): Sentence[] {
  const picked: Sentence[] = [];
  const peopleIn = (s: Sentence) => ctx.people.filter((p) => formsOf(p).some((f) => s.text.includes(f))).map((p) => p.name);
  const firstNumber = (s: Sentence) => {
    const m = /(\d[\d,]*(?:\.\d+)?)/.exec(s.text);
    return m ? Number(m[1]!.replace(/,/g, "")) : undefined;
  };
  for (const candidate of pool) {
    if (picked.length >= count) break;
    const all = [...chosen, ...picked];
    if (all.some((s) => s.id === candidate.id)) continue;
    const names = peopleIn(candidate);
    if (all.some((s) => peopleIn(s).some((n) => names.includes(n)))) continue;
    const n = firstNumber(candidate);
    if (n !== undefined && all.some((s) => {
      const m = firstNumber(s);
      return m !== undefined && m !== n && Math.abs(m - n) <= 0.05 * Math.max(Math.abs(m), Math.abs(n));
    })) continue;
    picked.push(candidate);
  }
  return picked;
}

export function explanationFor(sentence: Sentence): string {
  return `The article says: “${innerQuotes(sentence.text)}”`;
}

export function choicesFrom(texts: string[]): { id: string; text: string }[] {
  return texts.map((text, i) => ({ id: CHOICE_IDS[i]!, text }));
}

/** Sorted choices (alphabetically, so drafts never depend on chance) with the id of the key. */
export function sortedChoices(key: string, distractors: string[]): { choices: { id: string; text: string }[]; answer: string } {
  const texts = [key, ...distractors].sort((a, b) => a.localeCompare(b));
  const choices = choicesFrom(texts);
  return { choices, answer: choices[texts.indexOf(key)]!.id };
}
