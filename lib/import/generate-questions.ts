/**
 * Questions from an analyzed article: every generator (lib/import/generators, one file each) overgenerates, every
 * candidate passes the precision gates (lib/import/gates), then lib/import/rank.ts selects a varied quiz and keeps
 * the rest as alternates (Heilman & Smith 2010: overgenerate, filter, rank). Deterministic: choices are ordered by
 * value or alphabetically, never at random.
 * @see docs/IMPORT.md
 */
import { checkQuestionShape } from "../content/check";
import { answerParts, contentQuestionSchema, isSpanningType, type ContentQuestion } from "../content/schema";
import { candidateProblems } from "./gates";
import { argumentQuestions } from "./generators/argument";
import { authorPurposeQuestions } from "./generators/author-purpose";
import { causeEffectQuestions } from "./generators/cause-effect";
import { clozeQuestions } from "./generators/cloze";
import { Context, type Candidate } from "./generators/common";
import { evidencePairs } from "./generators/evidence";
import { factOpinionQuestions } from "./generators/fact-opinion";
import { answerEvidenceItems, answeredQuestionItems, answerPointItems, interviewQuestions } from "./generators/interview";
import { mainIdeaQuestions, pickMainIdeas } from "./generators/main-idea";
import { numericQuestions } from "./generators/numeric";
import { perspectiveQuestions } from "./generators/perspective";
import { timelineQuestions } from "./generators/timeline";
import { trueFalseQuestions } from "./generators/true-false";
import { vocabularyQuestions } from "./generators/vocabulary";
import { whoSaidQuestions } from "./generators/who-said";
import { selectQuestions } from "./rank";
import type { ArticleAnalysis, DraftQuestion } from "./types";

export { MAX_DRAFT_QUESTIONS } from "./rank";

export interface GeneratedQuestions {
  questions: DraftQuestion[];
  alternates: Record<string, DraftQuestion[]>;
  candidateCount: number;
  byGenerator: Record<string, number>;
  /** Why candidates were rejected by the gates (reason → count), for tuning and the docs. */
  rejected: Record<string, number>;
  /** Every candidate with the gate problems that dropped it and whether the ranking kept it (only when asked). */
  trace?: CandidateTrace[];
}

export interface CandidateTrace {
  question: DraftQuestion;
  problems: string[];
  /** Dropped with the rest of its two-part item. */
  pairDropped: boolean;
  kept: boolean;
}

export function generateQuestions(analysis: ArticleAnalysis, options: { trace?: boolean } = {}): GeneratedQuestions {
  const ctx = new Context(analysis);
  const ideas = pickMainIdeas(ctx);
  const candidates: Candidate[] = [
    ...authorPurposeQuestions(ctx),
    ...mainIdeaQuestions(ctx, ideas),
    ...evidencePairs(ctx, ideas),
    ...argumentQuestions(ctx, ideas.some((idea) => idea.scope.kind === "article")),
    ...causeEffectQuestions(ctx),
    ...factOpinionQuestions(ctx),
    ...vocabularyQuestions(ctx),
    ...perspectiveQuestions(ctx),
    ...interviewQuestions(ctx),
    ...answeredQuestionItems(ctx),
    ...answerPointItems(ctx),
    ...answerEvidenceItems(ctx),
    ...clozeQuestions(ctx),
    ...numericQuestions(ctx),
    ...whoSaidQuestions(ctx),
    ...trueFalseQuestions(ctx),
    ...timelineQuestions(ctx),
  ];
  const rejected: Record<string, number> = {};
  const failedGroups = new Set<string>();
  const problemsOf = new Map<Candidate, string[]>();
  const passed = candidates.filter((candidate) => {
    const { sentenceId: _sentenceId, ...question } = candidate;
    const problems = [...questionProblems(question), ...candidateProblems(candidate, analysis)];
    for (const problem of problems) {
      const reason = problem.replace(/“[^”]*”/g, "…").replace(/\d+(\.\d+)?/g, "N");
      rejected[reason] = (rejected[reason] ?? 0) + 1;
    }
    if (problems.length > 0 && candidate.pair) failedGroups.add(candidate.pair.group);
    if (options.trace) problemsOf.set(candidate, problems);
    return problems.length === 0;
  });
  // A two-part item is kept whole or not at all.
  const usable = passed.filter((c) => !c.pair || !failedGroups.has(c.pair.group));
  const { kept, alternates } = selectQuestions(usable, (id) => ctx.order(id));
  const questions = kept.map(({ sentenceId: _sentenceId, ...question }, index) => ({ ...question, id: `q${index + 1}` }));
  const byGenerator: Record<string, number> = {};
  for (const c of candidates) byGenerator[c.generator] = (byGenerator[c.generator] ?? 0) + 1;
  const keptSet = new Set(kept);
  const trace = options.trace
    ? candidates.map((candidate) => {
        const { sentenceId: _sentenceId, ...question } = candidate;
        const problems = problemsOf.get(candidate) ?? [];
        return { question, problems, pairDropped: problems.length === 0 && !!candidate.pair && failedGroups.has(candidate.pair.group), kept: keptSet.has(candidate) };
      })
    : undefined;
  return { questions, alternates, candidateCount: candidates.length, byGenerator, rejected, ...(trace ? { trace } : {}) };
}

/** A draft question as a content question (evidence = paragraph anchor), for validation and export. */
export function toContentQuestion(question: DraftQuestion, id: string, topic = "article"): ContentQuestion {
  const { evidence: _evidence, evidenceAnchor, generator: _generator, score: _score, pair: _pair, ...rest } = question;
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
