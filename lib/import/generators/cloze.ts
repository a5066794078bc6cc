/**
 * Fill in the blank (recall, or vocabulary when the gap is a key term). The gap is a whole noun phrase, a key term
 * or a number — never part of a compound ("first mass stranding") or a hyphenated or symbol-joined word ("P5+1").
 * Accepted answers include inflections and the article's own synonyms.
 */
import { articleSynonyms, headWord, inflections, senseSynonyms, spellingVariants } from "../analyze/synonyms";
import { daleChall } from "dale-chall";
import { isWholePhrase, wordnetSense } from "../analyze/terms";
import { headlineShows } from "../gates/blank";
import { shownAbove } from "../gates";
import { contentWords, escapeRegex, round, wordPattern } from "../analyze/text";
import type { NumberMention } from "../types";
import { explanationFor, type Candidate, type Context } from "./common";

const FAMILIAR = new Set(daleChall);

export function clozeQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const defined = new Set(analysis.definitions.map((d) => d.found.toLowerCase()));
  const allText = analysis.sentences.filter((s) => !ctx.furniture.has(s.id)).map((s) => s.text.toLowerCase());
  const joined = allText.join("\n");
  const articleWords = contentWords(joined);
  // A phrase the article uses in another sentence too is one a reader can be expected to supply; a one-off phrase
  // ("no painless choices left", "the grey water") has many right answers, so the key would mark them wrong.
  const recurs = (phrase: string, sentenceText: string) => {
    // Cheap test first: a phrase found only once in the whole text can't recur.
    const lower = phrase.toLowerCase();
    const first = joined.indexOf(lower);
    if (first < 0 || joined.indexOf(lower, first + 1) < 0) return false;
    const pattern = wordPattern([phrase]);
    return allText.some((t) => t !== sentenceText.toLowerCase() && pattern.test(t));
  };
  // A timeline event is shown whole in the ordering item, which would give its blank away.
  const events = new Set(analysis.timeline.map((e) => e.sentenceId));
  analysis.sentences.forEach((sentence, index) => {
    if (events.has(sentence.id)) return;
    if (!ctx.eligible(sentence) || ctx.hasQuote(sentence) || ctx.isOpinion(sentence) || ctx.firstPerson(sentence)) return;
    const gaps: { text: string; accepted: string[]; prior: number; vocabulary: boolean }[] = [];
    for (const match of analysis.glossary) {
      const found = sentence.text.match(wordPattern([match.found, match.term]))?.[0];
      if (found) gaps.push({ text: found, accepted: [found, match.term], prior: 0.35, vocabulary: true });
    }
    for (const term of analysis.candidateTerms) {
      // A single everyday word ("morning") recurs in any story; it is not the article's term.
      if (!term.term.includes(" ") && FAMILIAR.has(term.term.toLowerCase())) continue;
      const found = sentence.text.match(wordPattern([term.term]))?.[0];
      if (found) gaps.push({ text: found, accepted: [found], prior: 0.3, vocabulary: defined.has(term.term) });
    }
    for (const phrase of analysis.nounPhrases[sentence.id] ?? []) {
      if (phrase.includes(" ") && recurs(phrase, sentence.text)) gaps.push({ text: phrase, accepted: [phrase], prior: 0.2, vocabulary: false });
    }
    // The gap must be unique in the sentence and a whole phrase, or the stem gives the answer away or reads wrongly.
    // …and not one the headline or the section's heading shows (the student reads those first).
    const shown = shownAbove(analysis, sentence.id);
    const gap = gaps.find((g) => (sentence.text.match(wordPattern([g.text]))?.length ?? 0) === 1 && !stemRepeats(sentence.text, g.text) && isWholePhrase(sentence.text, g.text) && !headlineShows(g.text, shown));
    if (!gap) return;
    const neighbours = analysis.sentences.slice(Math.max(0, index - 2), index + 3).map((s) => s.text).join(" ");
    const isWords = /^[a-z]+(?:[- ][a-z]+){0,2}$/i.test(gap.text);
    // A student who writes the head word of the phrase ("committee" for "legislative committee") is right too, and so
    // is one who writes a hyphenated phrase with a space ("ranked choice") or drops the first of three words.
    const lowerGap = gap.text.toLowerCase();
    const head = isWords ? headWord(lowerGap.replace(/-/g, " ")) : undefined;
    const words = lowerGap.replace(/-/g, " ").split(" ");
    const variants = [lowerGap.includes("-") ? lowerGap.replace(/-/g, " ") : "", words.length === 3 ? words.slice(1).join(" ") : ""].filter(Boolean);
    const accepted = isWords
      ? [...[...gap.accepted, ...variants].flatMap((a) => inflections(a.toLowerCase())), ...(head && !COMMON_HEADS.has(head) ? inflections(head) : []), ...articleSynonyms(lowerGap, neighbours)]
      : gap.accepted;
    // Another spelling ("millimeters" for "millimetres") and WordNet's synonyms of the sense the sentence clearly means
    // ("talks" for "negotiations"), only where the sense check finds one sense clearly meant in the sentence.
    if (isWords) {
      const sense = wordnetSense(lowerGap.replace(/[- ]/g, "_"), "n", sentence.text, articleWords);
      accepted.push(...accepted.flatMap((a) => spellingVariants(a)), ...senseSynonyms(lowerGap, sense));
    }
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

/** Head words too vague to count as the answer on their own ("matter" for "organic matter" is fine; "one" is not). */
const COMMON_HEADS = new Set(["one", "ones", "thing", "things", "way", "ways", "part", "kind", "lot", "number", "amount", "time", "times"]);

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
