/**
 * Rank and select: candidates that passed the gates are taken best first, with caps per generator and per main
 * skill so the quiz mixes skills (at least 40 % above recall where the article allows), evidence pairs kept together,
 * and the cross-question gates applied (no near-duplicates, no question giving away another's answer, no blank
 * answer twice). What is left out is kept, per main skill, as alternates for the review screen.
 */
import { repeatedAnswers } from "./gates/blank";
import { nearDuplicate, reveals } from "./gates/overlap";
import { revealsOrder } from "./gates/trivia";
import type { Candidate } from "./generators/common";
import type { DraftQuestion, QuestionGenerator } from "./types";

export const MAX_DRAFT_QUESTIONS = 20;
/** Alternates offered per skill in the review screen. */
export const MAX_ALTERNATES_PER_SKILL = 4;

const GENERATOR_CAP: Record<QuestionGenerator, number> = {
  "cloze-key-sentence": 3,
  "numeric-choice": 2,
  "who-said-what": 1,
  "who-said-single": 2,
  "true-false-swap": 2,
  "true-false-original": 2,
  "timeline-order": 1,
  "main-idea": 2,
  "evidence-pair": 4,
  "cause-effect": 2,
  "fact-opinion": 2,

  "vocabulary-in-context": 3,
  "perspective-claim": 2,
  "interview-claim": 4,
  "interview-question": 2,
  "interview-point": 3,
  "interview-evidence": 2,
  "sourcing-kind": 1,
  "author-purpose": 1,
  argument: 2,
  inference: 1,
  teacher: 0,
};

const RECALL = new Set(["recall", "numeracy", "chronology"]);
/** Bonus that lifts above-recall items so a quiz is not all recall; recall still fills the rest. */
const ABOVE_RECALL_BONUS = 0.15;

export function isAboveRecall(question: DraftQuestion): boolean {
  return !RECALL.has(question.skills[0]!);
}

interface Unit {
  members: Candidate[];
  score: number;
}

export function selectQuestions(candidates: Candidate[], order: (sentenceId: string) => number): { kept: Candidate[]; alternates: Record<string, DraftQuestion[]> } {
  // Evidence pairs travel as one unit.
  const units: Unit[] = [];
  const groups = new Map<string, Unit>();
  for (const candidate of candidates) {
    const bonus = isAboveRecall(candidate) ? ABOVE_RECALL_BONUS : 0;
    if (candidate.pair) {
      const unit = groups.get(candidate.pair.group) ?? { members: [], score: candidate.score + bonus };
      unit.members.push(candidate);
      if (!groups.has(candidate.pair.group)) {
        groups.set(candidate.pair.group, unit);
        units.push(unit);
      }
    } else units.push({ members: [candidate], score: candidate.score + bonus });
  }
  units.sort((a, b) => b.score - a.score || order(a.members[0]!.sentenceId) - order(b.members[0]!.sentenceId) || a.members[0]!.generator.localeCompare(b.members[0]!.generator));

  const kept: Candidate[] = [];
  const left: Candidate[] = [];
  const perGenerator = new Map<string, number>();
  const perSentence = new Map<string, number>();
  const clozeAnswers: string[] = [];
  const recallSentences = new Set<string>();
  let recallCount = 0;
  for (const unit of units) {
    const first = unit.members[0]!;
    const generated = perGenerator.get(first.generator) ?? 0;
    const size = unit.members.length;
    const blocked =
      kept.length + size > MAX_DRAFT_QUESTIONS ||
      generated + size > GENERATOR_CAP[first.generator] ||
      unit.members.some((m) => (perSentence.get(m.sentenceId) ?? 0) >= 2) ||
      // One recall item per sentence: a number asked and then swapped in a true/false is the same question twice.
      unit.members.some((m) => !isAboveRecall(m) && m.type !== "ordering" && recallSentences.has(m.sentenceId)) ||
      // Recall fills at most 60 % of a full draft, so at least 40 % is above recall when the article allows it.
      (!isAboveRecall(first) && recallCount + size > Math.ceil(MAX_DRAFT_QUESTIONS * 0.6)) ||
      unit.members.some((m) => kept.some((k) => nearDuplicate(k, m) || reveals(k, m) || reveals(m, k) || revealsOrder(k, m))) ||
      unit.members.some((m) => m.type === "cloze" && repeatedAnswers([...clozeAnswers, ...Object.values(m.answer).map((a) => String(a[0]))]).length > 0);
    if (blocked) {
      left.push(...unit.members);
      continue;
    }
    for (const m of unit.members) {
      kept.push(m);
      perSentence.set(m.sentenceId, (perSentence.get(m.sentenceId) ?? 0) + 1);
      if (!isAboveRecall(m) && m.type !== "ordering") recallSentences.add(m.sentenceId);
      if (m.type === "cloze") clozeAnswers.push(...Object.values(m.answer).map((a) => String(a[0])));
    }
    perGenerator.set(first.generator, generated + size);
    if (!isAboveRecall(first)) recallCount += size;
  }

  // Alternates: what was left out, per main skill, best first; never one that duplicates or gives away a kept question.
  const alternates: Record<string, DraftQuestion[]> = {};
  for (const candidate of left) {
    if (candidate.pair) continue;
    const skill = candidate.skills[0]!;
    const list = (alternates[skill] ??= []);
    if (list.length >= MAX_ALTERNATES_PER_SKILL) continue;
    if (kept.some((k) => nearDuplicate(k, candidate) || reveals(candidate, k)) || list.some((q) => nearDuplicate(q, candidate))) continue;
    const { sentenceId: _sentenceId, ...question } = candidate;
    list.push({ ...question, id: `alt-${skill}-${list.length + 1}` });
  }
  return { kept: orderForQuiz(kept, order), alternates };
}

/** Quiz order: the big picture first (purpose, main idea and its evidence), then the rest in reading order. */
function orderForQuiz(kept: Candidate[], order: (sentenceId: string) => number): Candidate[] {
  const rank = (q: Candidate) => (q.generator === "author-purpose" ? 0 : q.pair ? 1 : q.skills[0] === "main-idea" ? 2 : 3);
  return [...kept].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (a.pair && b.pair) return a.pair.group.localeCompare(b.pair.group) || a.pair.part.localeCompare(b.pair.part);
    return order(a.sentenceId) - order(b.sentenceId) || a.generator.localeCompare(b.generator);
  });
}
