/**
 * The precision layer: every candidate passes these gates before it can be kept. Each gate is a pure function with
 * its own tests (tests/unit/import/gates.test.ts); this module applies the per-question ones to a candidate.
 */
import { parseNumberText } from "../analyze/numbers";
import type { ArticleAnalysis, DraftQuestion } from "../types";
import { opinionProblem } from "./attribution";
import { blankProblem } from "./blank";
import { furnitureProblem } from "./furniture";
import { numberChoicesProblem } from "./numbers";
import { authorVoiced, opinionAsFactProblem } from "./opinion-fact";
import { orderingItemsProblem } from "./ordering";
import { peopleChoicesProblem, speakerKeyProblem } from "./people";
import { stemProblem } from "./stem";
import { triviaProblem, valueIndex, type ValueIndex } from "./trivia";

/** The value index is built once per analysis, not once per candidate. */
const valueIndexes = new WeakMap<ArticleAnalysis, ValueIndex>();

const PERSON_CHOICES = new Set(["who-said-single", "perspective-claim", "inference"]);

interface PerAnalysis {
  furniture: Set<string>;
  /** The furniture gate's verdict on an evidence sentence, worked out once per sentence (most candidates share one). */
  furnitureOf: (evidence: string, compute: () => string | undefined) => string | undefined;
  keyTerms: string[];
}
/** What every candidate of one article is checked against, built once per analysis rather than once per candidate. */
const perAnalysisCache = new WeakMap<ArticleAnalysis, PerAnalysis>();
function perAnalysis(analysis: ArticleAnalysis): PerAnalysis {
  let cached = perAnalysisCache.get(analysis);
  if (!cached) {
    const verdicts = new Map<string, string | undefined>();
    cached = {
      furniture: new Set(analysis.furniture.map((id) => analysis.sentences.find((s) => s.id === id)!.text)),
      furnitureOf: (evidence, compute) => {
        if (!verdicts.has(evidence)) verdicts.set(evidence, compute());
        return verdicts.get(evidence);
      },
      keyTerms: [...analysis.glossary.flatMap((g) => [g.term, g.found]), ...analysis.candidateTerms.map((t) => t.term), ...analysis.definitions.map((d) => d.found)],
    };
    perAnalysisCache.set(analysis, cached);
  }
  return cached;
}

export function candidateProblems(question: DraftQuestion & { sentenceId: string }, analysis: ArticleAnalysis): string[] {
  const problems: string[] = [];
  const push = (problem: string | undefined) => {
    if (problem) problems.push(problem);
  };
  const { furniture, furnitureOf, keyTerms } = perAnalysis(analysis);
  push(furnitureOf(question.evidence, () => furnitureProblem(question.evidence, furniture)));
  push(stemProblem(question.prompt));
  const values = valueIndexes.get(analysis) ?? valueIndex(analysis);
  valueIndexes.set(analysis, values);
  push(triviaProblem(question, values));
  push(opinionProblem(question, analysis.opinions.find((o) => o.sentenceId === question.sentenceId)));
  // In an interview the "I" is the interviewee, whose answers the generators already keep out of true/false items.
  push(opinionAsFactProblem(question, analysis.genre !== "interview" && authorVoiced(analysis.sentences), analysis.genre));
  if (question.type === "single" && PERSON_CHOICES.has(question.generator)) {
    push(peopleChoicesProblem(question.choices.map((c) => c.text), analysis.entities));
    if (question.generator === "who-said-single") {
      const quote = analysis.quotations.find((q) => q.sentenceId === question.sentenceId && q.resolvedBy !== "pronoun" && question.prompt.includes(q.text.split(/\s+/).slice(0, 4).join(" ")));
      push(speakerKeyProblem(question.choices.find((c) => c.id === question.answer)!.text, quote?.speaker));
    }
  }
  if (question.type === "matching") push(peopleChoicesProblem(question.right.map((r) => r.text), analysis.entities));
  if (question.type === "cloze") {
    const shown = shownAbove(analysis, question.sentenceId);
    for (const accepted of Object.values(question.answer)) push(blankProblem(question.evidence, String(accepted[0]), analysis.nounPhrases[question.sentenceId] ?? [], keyTerms, shown));
  }
  if (question.type === "single" && question.generator === "numeric-choice") {
    const values = question.choices.map((c) => parseNumberText(c.text));
    if (values.some((v) => v === undefined)) problems.push("a numeric choice is not a number");
    else push(numberChoicesProblem(values as number[]));
  }
  if (question.type === "ordering") push(orderingItemsProblem(question.items.map((i) => i.text)));
  return problems;
}

/** What a student reads before the sentence: the headline and the heading of the sentence's section. */
export function shownAbove(analysis: ArticleAnalysis, sentenceId: string): string[] {
  const section = analysis.sentences.find((s) => s.id === sentenceId)?.section ?? -1;
  return [analysis.title ?? "", analysis.sections[section]?.title ?? ""].filter(Boolean);
}
