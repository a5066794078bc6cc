/**
 * Fill in the blank (recall, or vocabulary when the gap is a key term). The gap is a whole noun phrase, a key term
 * or a number — never part of a compound ("first mass stranding") or a hyphenated or symbol-joined word ("P5+1").
 * Accepted answers include inflections and the article's own synonyms.
 */
import { articleSynonyms, inflections } from "../analyze/synonyms";
import { isWholePhrase } from "../analyze/terms";
import { escapeRegex, round, wordPattern } from "../analyze/text";
import type { NumberMention } from "../types";
import { explanationFor, type Candidate, type Context } from "./common";

export function clozeQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const defined = new Set(analysis.definitions.map((d) => d.found.toLowerCase()));
  analysis.sentences.forEach((sentence, index) => {
    if (!ctx.eligible(sentence) || ctx.hasQuote(sentence) || ctx.isOpinion(sentence) || ctx.firstPerson(sentence)) return;
    const gaps: { text: string; accepted: string[]; prior: number; vocabulary: boolean }[] = [];
    for (const match of analysis.glossary) {
      const found = sentence.text.match(wordPattern([match.found, match.term]))?.[0];
      if (found) gaps.push({ text: found, accepted: [found, match.term], prior: 0.35, vocabulary: true });
    }
    for (const term of analysis.candidateTerms) {
      const found = sentence.text.match(wordPattern([term.term]))?.[0];
      if (found) gaps.push({ text: found, accepted: [found], prior: 0.3, vocabulary: defined.has(term.term) });
    }
    for (const phrase of analysis.nounPhrases[sentence.id] ?? []) {
      if (phrase.includes(" ") || phrase.length >= 8) gaps.push({ text: phrase, accepted: [phrase], prior: phrase.includes(" ") ? 0.2 : 0.15, vocabulary: false });
    }
    for (const number of analysis.numbers.filter((n) => n.sentenceId === sentence.id)) {
      gaps.push({ text: number.text, accepted: numberForms(number), prior: 0.1, vocabulary: false });
    }
    // The gap must be unique in the sentence and a whole phrase, or the stem gives the answer away or reads wrongly.
    const gap = gaps.find((g) => (sentence.text.match(wordPattern([g.text]))?.length ?? 0) === 1 && !stemRepeats(sentence.text, g.text) && isWholePhrase(sentence.text, g.text));
    if (!gap) return;
    const neighbours = analysis.sentences.slice(Math.max(0, index - 2), index + 3).map((s) => s.text).join(" ");
    const isWords = /^[a-z]+( [a-z]+)?$/i.test(gap.text) && !analysis.numbers.some((n) => n.sentenceId === sentence.id && n.text === gap.text);
    const accepted = isWords ? [...gap.accepted.flatMap((a) => inflections(a.toLowerCase())), ...articleSynonyms(gap.text.toLowerCase(), neighbours)] : gap.accepted;
    const text = sentence.text.replace(wordPattern([gap.text]), "{{blank}}");
    out.push({
      id: "",
      type: "cloze",
      prompt: "Fill in the blank with the missing word or words from the article.",
      text,
      answer: { blank: [...new Set([gap.text, ...accepted])] },
      explanation: explanationFor(sentence),
      skills: gap.vocabulary ? ["vocabulary", "recall"] : ["recall"],
      difficulty: gap.vocabulary ? 2 : 1,
      generator: "cloze-key-sentence",
      score: round(ctx.score(sentence.id) + gap.prior),
      ...ctx.evidence(sentence),
    });
  });
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

export function numberForms(number: NumberMention): string[] {
  const plain = number.text.replace(/^(about|around|nearly|almost|roughly|some|more than|less than|fewer than|over|under|at least|up to|approximately)\s+/i, "");
  return [...new Set([number.text, plain, plain.replace(/,/g, "")])];
}
