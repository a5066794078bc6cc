/**
 * The value gate: a recall question is worth asking only about what the story is about. A fill-in, true/false,
 * "which number" or "who said" item must rest on a central sentence (one sharing the headline's or the lead's topic
 * words, or among the best-scored sentences), not on colour ("since becoming president", "miles of gas mains"); a
 * number must matter to the story's point (in the lead, compared with another, or repeated); a blank must not be a
 * word the rest of its sentence or the headline already shows. Pure functions over the analysis; the ranking keeps
 * the best of what passes up to its caps.
 */
import { parseNumberText } from "../analyze/numbers";
import { contentWords, escapeRegex } from "../analyze/text";
import { captionParagraphs } from "../generators/cause-effect";
import type { ArticleAnalysis, DraftQuestion, Sentence } from "../types";

const RECALL = new Set(["recall", "numeracy"]);
/** Share of the best-scored sentences that count as central whatever their words. */
const TOP_SHARE = 0.4;
/** A comparison or a change: the number is the point of its sentence ("up from", "twice as many", "fell to"). */
const COMPARISON = /\b(?:more than|less than|fewer than|than|up from|down from|compared (?:with|to)|from\s+\S+\s+to|increase[ds]?|decrease[ds]?|rose|fell|grew|dropped|doubled|tripled|halved|twice|half|record|highest|lowest|largest|smallest|most|least|only|out of|of the)\b/i;
/** Titles that stand before a name: the name after the blank tells the word ("___ Benjamin Netanyahu"). */
const TITLE_WORD = /^(?:prime minister|minister|president|secretary|senator|sen\.|representative|rep\.|governor|gov\.|mayor|judge|justice|ambassador|general|gen\.|chancellor|king|queen|prince|princess|pope|attorney general|attorney|chief|director|chairman|chairwoman|chair|speaker|leader|spokesman|spokeswoman|spokesperson|officer|commissioner|sheriff|professor|dr\.|mr\.|mrs\.|ms\.)$/i;

export interface ValueIndex {
  /** Sentences the story is about (topic words of the headline or lead, or the best scores). */
  central: Set<string>;
  /** Sentence ids of the lead: the first two paragraphs of the story itself. */
  lead: Set<string>;
  title: Set<string>;
  titleText: string;
  sentences: Map<string, Sentence>;
  /** How many sentences carry each number value. */
  numberCounts: Map<number, number>;
}

export function valueIndex(analysis: ArticleAnalysis): ValueIndex {
  const furniture = new Set(analysis.furniture);
  const captions = captionParagraphs(analysis.sentences);
  const story = analysis.sentences.filter((s) => !furniture.has(s.id) && s.kind === "paragraph" && !captions.has(s.paragraph));
  const firstParagraph = story[0]?.paragraph ?? 0;
  const lead = new Set(story.filter((s) => s.paragraph <= firstParagraph + 1).map((s) => s.id));
  // Names are not topic words: every sentence of a story about Sudan says "Sudan".
  const names = new Set(analysis.entities.flatMap((e) => [e.name, ...e.variants]).flatMap((n) => [...contentWords(n)]));
  const topicWords = (text: string) => new Set([...contentWords(text)].filter((w) => !names.has(w)));
  const title = topicWords(analysis.title ?? "");
  const leadWords = new Set(story.filter((s) => lead.has(s.id)).flatMap((s) => [...topicWords(s.text)]));
  const scores = story.map((s) => analysis.sentenceScores[s.id] ?? 0).sort((a, b) => b - a);
  const threshold = scores[Math.max(0, Math.ceil(scores.length * TOP_SHARE) - 1)] ?? 0;
  const central = new Set<string>();
  for (const s of story) {
    const words = topicWords(s.text);
    const onTitle = [...words].filter((w) => title.has(w)).length;
    const onLead = [...words].filter((w) => leadWords.has(w)).length;
    if (lead.has(s.id) || (analysis.sentenceScores[s.id] ?? 0) >= threshold || onTitle >= 1 || onLead >= 2) central.add(s.id);
  }
  const numberCounts = new Map<number, number>();
  const seen = new Set<string>();
  for (const n of analysis.numbers) {
    const key = `${n.sentenceId}:${n.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    numberCounts.set(n.value, (numberCounts.get(n.value) ?? 0) + 1);
  }
  return { central, lead, title, titleText: analysis.title ?? "", sentences: new Map(analysis.sentences.map((s) => [s.id, s])), numberCounts };
}

/** Why a candidate is trivia or a give-away; undefined when it is worth asking (or not a recall item at all). */
export function triviaProblem(question: DraftQuestion & { sentenceId: string }, index: ValueIndex): string | undefined {
  // A fill-in is recall whatever its first tag (a key term's blank is still found by reading one sentence).
  if ((!RECALL.has(question.skills[0] ?? "") && question.type !== "cloze") || question.type === "ordering" || question.type === "matching") return undefined;
  // Who said a quotation is about the speaker, not the sentence's topic; the who-said rules decide those.
  if (!index.central.has(question.sentenceId) && !question.generator.startsWith("who-said")) return "a recall item on a detail the story is not about";
  const sentence = index.sentences.get(question.sentenceId);
  if (question.type === "single" && question.generator === "numeric-choice" && sentence) {
    const key = question.choices.find((c) => c.id === question.answer)?.text ?? "";
    return numberProblem(sentence.text, key, index.lead.has(sentence.id), index.numberCounts.get(parseNumberText(key) ?? Number.NaN) ?? 0);
  }
  // A swapped figure or date in a true/false item asks for the number as much as a "which number" item does.
  if (question.type === "true_false" && question.generator === "true-false-swap" && sentence) {
    const original = swappedPart(sentence.text, question.prompt.replace(/^True or false\?\s*/, ""));
    if (original && /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(original)) return numberProblem(sentence.text, original, index.lead.has(sentence.id), index.numberCounts.get(parseNumberText(original) ?? Number.NaN) ?? 0);
  }
  if (question.type === "cloze") {
    for (const accepted of Object.values(question.answer)) {
      const problem = obviousBlank(question.text, String(accepted[0]), index.titleText);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A number is asked only when it matters: in the lead, compared with something, or repeated in the story. */
export function numberProblem(sentence: string, number: string, inLead: boolean, repeated: number): string | undefined {
  if (inLead || repeated >= 2) return undefined;
  const rest = sentence.replace(number, " ");
  if (COMPARISON.test(rest)) return undefined;
  return "a number that is not the story's point (not in the lead, compared or repeated)";
}

/**
 * A blank the sentence fills for the student: the answer is shown elsewhere in the same sentence or in the headline,
 * or it is a title standing before the name it belongs to ("___ Benjamin Netanyahu").
 */
export function obviousBlank(text: string, answer: string, title: string): string | undefined {
  const gap = text.indexOf("{{blank}}");
  if (gap < 0 || !answer) return undefined;
  const rest = text.replace(/\{\{blank\}\}/g, " ");
  const answerWords = [...contentWords(answer)];
  if (answerWords.length > 0 && answerWords.every((w) => contentWords(rest).has(w))) return "the sentence shows the blank's answer elsewhere";
  if (answerWords.length > 0 && title && answerWords.every((w) => contentWords(title).has(w))) return "the headline shows the blank's answer";
  const after = text.slice(gap + "{{blank}}".length);
  if (TITLE_WORD.test(answer.trim()) && /^\s+(?:[A-Z][a-z]+\.?\s+)?[A-Z][\p{L}'’-]+/u.test(after)) return "a title right before the name it belongs to";
  if (new RegExp(`\\b${escapeRegex(answer)}\\b`, "i").test(rest)) return "the sentence shows the blank's answer elsewhere";
  return undefined;
}

/** The words of `original` that a swapped statement replaced ("March 9" in "… on or about June 9 …"), if one run. */
export function swappedPart(original: string, swapped: string): string | undefined {
  const a = original.split(/\s+/);
  const b = swapped.split(/\s+/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const part = a.slice(start, a.length - end).join(" ");
  return part || undefined;
}

/**
 * An ordering item and a recall item on one of its events: the recall item (a true/false "In 1997, …", a blank in
 * the dated sentence) shows the date the ordering item hides, so only one of the two can be kept.
 */
export function revealsOrder(a: DraftQuestion, b: DraftQuestion): boolean {
  const [ordering, other] = a.type === "ordering" ? [a, b] : b.type === "ordering" ? [b, a] : [undefined, undefined];
  if (!ordering || !other || other.type === "ordering" || !(RECALL.has(other.skills[0] ?? "") || other.type === "cloze")) return false;
  const evidence = other.evidence.toLowerCase();
  return ordering.items.some((item) => {
    const head = item.text.replace(/[.!]$/, "").split(/\s+/).slice(0, 6).join(" ").toLowerCase();
    return head.split(/\s+/).length >= 4 && evidence.includes(head);
  });
}
