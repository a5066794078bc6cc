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
import { orderingItemsProblem } from "./ordering";
import { peopleChoicesProblem, speakerKeyProblem } from "./people";
import { stemProblem } from "./stem";
import { triviaProblem, valueIndex, type ValueIndex } from "./trivia";

/** The value index is built once per analysis, not once per candidate. */
const valueIndexes = new WeakMap<ArticleAnalysis, ValueIndex>();

const PERSON_CHOICES = new Set(["who-said-single", "perspective-claim", "inference"]);

export function candidateProblems(question: DraftQuestion & { sentenceId: string }, analysis: ArticleAnalysis): string[] {
  const problems: string[] = [];
  const push = (problem: string | undefined) => {
    if (problem) problems.push(problem);
  };
  const furniture = new Set(analysis.furniture.map((id) => analysis.sentences.find((s) => s.id === id)!.text));
  push(furnitureProblem(question.evidence, furniture));
  push(stemProblem(question.prompt));
  const values = valueIndexes.get(analysis) ?? valueIndex(analysis);
  valueIndexes.set(analysis, values);
  push(triviaProblem(question, values));
  push(opinionProblem(question, analysis.opinions.find((o) => o.sentenceId === question.sentenceId)));
  if (question.type === "single" && PERSON_CHOICES.has(question.generator)) {
    push(peopleChoicesProblem(question.choices.map((c) => c.text), analysis.entities));
    if (question.generator === "who-said-single") {
      const quote = analysis.quotations.find((q) => q.sentenceId === question.sentenceId && q.resolvedBy !== "pronoun" && question.prompt.includes(q.text.split(/\s+/).slice(0, 4).join(" ")));
      push(speakerKeyProblem(question.choices.find((c) => c.id === question.answer)!.text, quote?.speaker));
    }
  }
  if (question.type === "matching") push(peopleChoicesProblem(question.right.map((r) => r.text), analysis.entities));
  if (question.type === "cloze") {
    const keyTerms = [...analysis.glossary.flatMap((g) => [g.term, g.found]), ...analysis.candidateTerms.map((t) => t.term), ...analysis.definitions.map((d) => d.found)];
    for (const accepted of Object.values(question.answer)) push(blankProblem(question.evidence, String(accepted[0]), analysis.nounPhrases[question.sentenceId] ?? [], keyTerms));
  }
  if (question.type === "single" && question.generator === "numeric-choice") {
    const values = question.choices.map((c) => parseNumberText(c.text));
    if (values.some((v) => v === undefined)) problems.push("a numeric choice is not a number");
    else push(numberChoicesProblem(values as number[]));
  }
  if (question.type === "ordering") push(orderingItemsProblem(question.items.map((i) => i.text)));
  return problems;
}
