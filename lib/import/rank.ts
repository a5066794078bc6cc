/**
 * Rank and select: candidates that passed the gates are taken best first, with caps per generator and per main
 * skill so the quiz mixes skills (at least 40 % above recall where the article allows), evidence pairs kept together,
 * and the cross-question gates applied (no near-duplicates, no question giving away another's answer, no blank
 * answer twice). What is left out is kept, per main skill, as alternates for the review screen.
 */
import { repeatedAnswers } from "./gates/blank";
import { contentWords } from "./analyze/text";
import { giveAwaysIn, nearDuplicate, reveals, stemGivesAwayKey } from "./gates/overlap";
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
/**
 * Generators whose items are tagged perspective or sourcing but ask, in effect, who said something ("According to the
 * article, who claims that …?", "Which of these does X say in an answer?"): a rater reads them as who-said items, so
 * the ranking counts them as recall (their tags stay: they still teach attribution).
 */
const RECALL_IN_DISGUISE = new Set<QuestionGenerator>(["perspective-claim", "interview-claim"]);
/** Bonus that lifts above-recall items so a quiz is not all recall; recall still fills the rest. */
const ABOVE_RECALL_BONUS = 0.15;
/**
 * Recall items kept per item above recall: 1.5 keeps a draft at least 40 % above recall. An article with few items
 * above recall gets fewer recall items, not padding: at most RECALL_FLOOR (its best ones) so a teacher still has a
 * short quiz to start from; the rest stay as alternates.
 */
export const RECALL_PER_ABOVE = 1.5;
export const RECALL_FLOOR = 3;

export function isAboveRecall(question: DraftQuestion): boolean {
  return !RECALL.has(question.skills[0]!);
}

/** Above recall as a rater reads it: the main skill is above recall and the generator is not a who-said in disguise. */
export function isReallyAboveRecall(question: DraftQuestion): boolean {
  return isAboveRecall(question) && !RECALL_IN_DISGUISE.has(question.generator);
}

/** How many recall items a draft with `above` items above recall may keep. */
export function recallAllowance(above: number): number {
  return Math.min(Math.ceil(MAX_DRAFT_QUESTIONS * 0.6), Math.max(RECALL_FLOOR, Math.floor(above * RECALL_PER_ABOVE)));
}

/**
 * Trivial recall, whatever its gates said: a who-said on a quotation with almost nothing in it ("It looks good. It
 * looks very good."; "We need help."), and a fill-in or true/false copied from a list of names (a roll call of
 * officials tests nothing a teacher would teach).
 */
/** Words that carry no content in a quotation ("It looks very good", "That's pretty great"). */
const EMPTY_WORDS = new Set(["very", "really", "just", "pretty", "good", "great", "fine", "look", "thing", "lot", "well", "okay", "sure", "right", "yes", "know", "think", "going", "get", "got", "make", "made", "say", "said", "way", "time"]);
function substance(text: string): number {
  return [...contentWords(text.replace(/…/g, " "))].filter((w) => !EMPTY_WORDS.has(w)).length;
}

export function isTrivialRecall(question: DraftQuestion): boolean {
  if (isAboveRecall(question)) return false;
  if (question.generator === "who-said-single") {
    const quoted = /“([^”]*)”/.exec(question.prompt)?.[1] ?? "";
    if (substance(quoted) < 3) return true;
  }
  if (question.type === "matching" && question.left.some((l) => substance(l.text) < 3)) return true;
  if (question.type === "cloze" || question.type === "true_false") {
    const names = question.evidence.match(/\b\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’.-]+))+/gu) ?? [];
    const commas = (question.evidence.match(/,/g) ?? []).length;
    if (names.length >= 4 && commas >= 2) return true;
  }
  return false;
}

interface Unit {
  members: Candidate[];
  score: number;
}

export function selectQuestions(candidates: Candidate[], order: (sentenceId: string) => number): { kept: Candidate[]; alternates: Record<string, DraftQuestion[]> } {
  // A question whose stem gives away its own key, or a trivial recall item, is never kept nor offered.
  const usable = candidates.filter((c) => !stemGivesAwayKey(c) && !isTrivialRecall(c));
  const failedGroups = new Set(candidates.filter((c) => c.pair && !usable.includes(c)).map((c) => c.pair!.group));
  const pool = usable.filter((c) => !c.pair || !failedGroups.has(c.pair.group));
  // Select, then check the whole kept set for give-aways; a question dropped there is left out and the selection runs
  // again, so the next alternate takes its place.
  const banned = new Set<Candidate>();
  let kept: Candidate[] = [];
  for (let round = 0; round < 20; round += 1) {
    kept = selectOnce(pool.filter((c) => !banned.has(c) && !(c.pair && [...banned].some((b) => b.pair?.group === c.pair!.group))), order);
    const problems = giveAwaysIn(kept);
    if (problems.length === 0) break;
    for (const problem of problems) banned.add(problem.drop as Candidate);
  }

  // Alternates: what was left out, per main skill, best first; never one that duplicates or gives away a kept question.
  const keptSet = new Set(kept);
  const left = [...pool].filter((c) => !keptSet.has(c)).sort((a, b) => b.score - a.score || order(a.sentenceId) - order(b.sentenceId));
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

/**
 * One greedy pass: units best first, items above recall before recall ones (they are what the draft is for), with
 * caps per generator, per sentence and for recall, and no item that duplicates or gives away one already kept.
 */
function selectOnce(candidates: Candidate[], order: (sentenceId: string) => number): Candidate[] {
  // Evidence pairs travel as one unit.
  const units: Unit[] = [];
  const groups = new Map<string, Unit>();
  for (const candidate of candidates) {
    const bonus = isReallyAboveRecall(candidate) ? ABOVE_RECALL_BONUS : 0;
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
  const above = units.filter((u) => isReallyAboveRecall(u.members[0]!));
  const recall = units.filter((u) => !isReallyAboveRecall(u.members[0]!));

  const kept: Candidate[] = [];
  const perGenerator = new Map<string, number>();
  const perSentence = new Map<string, number>();
  const clozeAnswers: string[] = [];
  const recallSentences = new Set<string>();
  let recallCount = 0;
  let aboveCount = 0;
  const take = (unit: Unit, isRecall: boolean): void => {
    const first = unit.members[0]!;
    const generated = perGenerator.get(first.generator) ?? 0;
    const size = unit.members.length;
    const blocked =
      kept.length + size > MAX_DRAFT_QUESTIONS ||
      generated + size > GENERATOR_CAP[first.generator] ||
      unit.members.some((m) => (perSentence.get(m.sentenceId) ?? 0) >= 2) ||
      // One recall item per sentence: a number asked and then swapped in a true/false is the same question twice.
      unit.members.some((m) => !isReallyAboveRecall(m) && m.type !== "ordering" && recallSentences.has(m.sentenceId)) ||
      // Recall never outnumbers what the items above recall allow (at least 40 % above recall; fewer items if need be).
      (isRecall && recallCount + size > recallAllowance(aboveCount)) ||
      unit.members.some((m) => kept.some((k) => nearDuplicate(k, m) || reveals(k, m) || reveals(m, k) || revealsOrder(k, m))) ||
      unit.members.some((m) => m.type === "cloze" && repeatedAnswers([...clozeAnswers, ...Object.values(m.answer).map((a) => String(a[0]))]).length > 0);
    if (blocked) return;
    for (const m of unit.members) {
      kept.push(m);
      perSentence.set(m.sentenceId, (perSentence.get(m.sentenceId) ?? 0) + 1);
      if (!isReallyAboveRecall(m) && m.type !== "ordering") recallSentences.add(m.sentenceId);
      if (m.type === "cloze") clozeAnswers.push(...Object.values(m.answer).map((a) => String(a[0])));
    }
    perGenerator.set(first.generator, generated + size);
    if (isRecall) recallCount += size;
    else aboveCount += size;
  };
  for (const unit of above) take(unit, false);
  for (const unit of recall) take(unit, true);
  return kept;
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
