/**
 * Gates between questions: near-duplicates are merged (the better-ranked one stays), and no question's stem or
 * choices give away another's answer (a cloze answer shown in another stem, a swapped fact shown as written).
 */
import { contentWords, escapeRegex } from "../analyze/text";
import type { DraftQuestion } from "../types";

/** Everything a student reads in a question. */
const visibleCache = new WeakMap<DraftQuestion, string>();

export function visibleText(q: DraftQuestion): string {
  const cached = visibleCache.get(q);
  if (cached !== undefined) return cached;
  const text = computeVisibleText(q);
  visibleCache.set(q, text);
  return text;
}

function computeVisibleText(q: DraftQuestion): string {
  const parts = [q.prompt];
  if (q.type === "cloze") parts.push(q.text);
  if (q.type === "single" || q.type === "multiple") parts.push(...q.choices.map((c) => c.text));
  if (q.type === "ordering") parts.push(...q.items.map((i) => i.text));
  if (q.type === "matching") parts.push(...q.left.map((i) => i.text), ...q.right.map((i) => i.text));
  return normalize(parts.join(" \n "));
}

/** The stretch of the evidence sentence around an answer (answer ± up to three words): what would give the answer away. */
export function revealingSpans(q: DraftQuestion): string[] {
  const evidence = q.evidence;
  const around = (answer: string): string[] => {
    const at = evidence.toLowerCase().indexOf(answer.toLowerCase());
    if (at < 0) return [];
    const before = evidence.slice(0, at).trim().split(/\s+/).filter(Boolean).slice(-3).join(" ");
    const after = evidence.slice(at + answer.length).trim().split(/\s+/).filter(Boolean).slice(0, 3).join(" ");
    return [normalize(`${before} ${answer}`), normalize(`${answer} ${after}`)].filter((s) => s.split(" ").length >= 3);
  };
  switch (q.type) {
    case "cloze":
      return Object.values(q.answer).flatMap((accepted) => around(String(accepted[0])));
    case "true_false": {
      if (q.answer) return [normalize(evidence.slice(0, 80))];
      const from = /\(([^()]+), not [^()]+\)\.?$/.exec(q.explanation)?.[1];
      return from ? around(from) : [];
    }
    case "single":
      if (["numeric-choice", "who-said-single", "perspective-claim", "cause-effect", "inference"].includes(q.generator)) {
        const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
        return around(key.replace(/\.$/, ""));
      }
      return [];
    default:
      return [];
  }
}

/** What a student reads before the choices: the prompt, and a cloze item's text. */
export function stemText(q: DraftQuestion): string {
  return normalize(q.type === "cloze" ? `${q.prompt} ${q.text}` : q.prompt);
}

/** The answer as text: a cloze item's first accepted answers, or the key choice of a single-choice item. */
export function answerTexts(q: DraftQuestion): string[] {
  if (q.type === "cloze") return Object.values(q.answer).map((a) => String(a[0]));
  if (q.type === "single") return [q.choices.find((c) => c.id === q.answer)?.text ?? ""];
  return [];
}

/**
 * Per-question memo of the derived texts the pairwise gates compare: rank.ts checks every candidate against every
 * kept question, so each would otherwise be recomputed once per pair. A question is not changed once generated.
 */
function memo<T>(compute: (q: DraftQuestion) => T): (q: DraftQuestion) => T {
  const cache = new WeakMap<DraftQuestion, T>();
  return (q) => {
    if (cache.has(q)) return cache.get(q)!;
    const value = compute(q);
    cache.set(q, value);
    return value;
  };
}
const spansOf = memo(revealingSpans);
const stemOf = memo(stemText);
const visibleWordsOf = memo((q) => contentWords(visibleText(q)));
/** The answers' whole-word patterns (answers of one letter never count). */
const answerPatternsOf = memo((q) =>
  answerTexts(q)
    .map((a) => normalize(a))
    .filter((a) => a.length > 1)
    .map((a) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(a)}($|[^\\p{L}\\p{N}])`, "u")),
);
const sentenceKeyOf = memo((q) => normalize(answerTexts(q)[0] ?? ""));

/** True when `other` shows what `question` asks for. */
export function reveals(other: DraftQuestion, question: DraftQuestion): boolean {
  if (other.pair && question.pair && other.pair.group === question.pair.group) return false;
  const visible = visibleText(other);
  if (spansOf(question).some((span) => visible.includes(span))) return true;
  // On the same sentence, any mention of the answer in the other stem gives it away (a sentence-choice key quoted whole, a blanked word named).
  if (other.evidence === question.evidence) {
    const stem = question.type === "cloze" ? visibleText(other) : stemOf(other);
    return answerPatternsOf(question).some((pattern) => pattern.test(stem));
  }
  if (question.type === "cloze" && shownInContext(other, question)) return true;
  // A key that is a whole sentence (main idea, evidence) is given away by any stem that quotes it.
  if (question.type === "single" && ["main-idea", "evidence-pair", "fact-opinion"].includes(question.generator)) {
    const key = sentenceKeyOf(question);
    return key.split(" ").length >= 6 && stemOf(other).includes(key);
  }
  return false;
}

/** Up to `size` content words on either side of position `at` in a word list. */
function windowWords(words: string[], at: number, length: number, size = 4): Set<string> {
  return contentWords([...words.slice(Math.max(0, at - size), at), ...words.slice(at + length, at + length + size)].join(" "));
}

/**
 * Another question shows a cloze answer (any accepted form) among the same words as the blank's: "the council voted to
 * impose new {{blank}} on the firm" is answered by a stem that reads "new sanctions on the firm", even from another
 * sentence. The same answer in a different setting does not count: a key term the article repeats is not a give-away.
 */
export function shownInContext(other: DraftQuestion, cloze: DraftQuestion): boolean {
  if (cloze.type !== "cloze" || other === cloze) return false;
  const stem = normalize(cloze.text.replace(/\{\{blank\}\}/g, " qqblankqq ")).split(" ");
  const gapAt = stem.indexOf("qqblankqq");
  if (gapAt < 0) return false;
  const around = windowWords(stem, gapAt, 1);
  const visible = visibleText(other).split(" ");
  const forms = [...new Set(Object.values(cloze.answer).flatMap((accepted) => accepted.map((a) => normalize(String(a)))))].filter((f) => f.length > 3);
  for (const form of forms) {
    const parts = form.split(" ");
    for (let i = 0; i + parts.length <= visible.length; i += 1) {
      if (parts.some((p, j) => visible[i + j] !== p)) continue;
      const near = windowWords(visible, i, parts.length);
      let shared = 0;
      for (const w of near) if (around.has(w)) shared += 1;
      if (shared >= 2) return true;
    }
  }
  return false;
}

/** Same kind of question on the same sentence with the same key, or nearly the same stem. */
export function nearDuplicate(a: DraftQuestion, b: DraftQuestion): boolean {
  if (a.pair && b.pair && a.pair.group === b.pair.group) return false;
  const mainIdea = (q: DraftQuestion) => q.skills[0] === "main-idea";
  if (mainIdea(a) && mainIdea(b) && a.evidence === b.evidence) return true;
  const keyOf = (q: DraftQuestion) =>
    q.type === "cloze" ? String(Object.values(q.answer)[0]?.[0] ?? "") : q.type === "single" ? (q.choices.find((c) => c.id === q.answer)?.text ?? "") : "";
  if (a.evidence === b.evidence && keyOf(a) && keyOf(a) === keyOf(b)) return true;
  // Two "what kind of source" items with the same answer, or two who-said items on one quotation, ask the same thing.
  if (a.generator === "sourcing-kind" && b.generator === "sourcing-kind" && keyOf(a) === keyOf(b)) return true;
  if (sharesQuotation(a, b) || sharesQuotation(b, a)) return true;
  if (a.type !== b.type) return false;
  if (a.evidence === b.evidence && a.generator === b.generator) return true;
  const wa = visibleWordsOf(a);
  const wb = visibleWordsOf(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  const jaccard = shared / Math.max(1, wa.size + wb.size - shared);
  return jaccard >= 0.8;
}

/** A matching item covers every quotation it lists: a who-said or true/false item on one of them repeats it. */
function sharesQuotation(matching: DraftQuestion, other: DraftQuestion): boolean {
  if (matching.type !== "matching" || other === matching || !/^(who-said-single|true-false)/.test(other.generator)) return false;
  const target = quotationTargetOf(other);
  return quotedOpeningsOf(matching).some((opening) => target.includes(opening));
}
/** The first six words of each quotation a matching item lists (those of at least three words). */
const quotedOpeningsOf = memo((matching) =>
  matching.type !== "matching"
    ? []
    : matching.left
        .map((l) => normalize(l.text.replace(/…/g, " ")).replace(/^'|'$/g, "").trim())
        .filter((t) => t.split(" ").length >= 3)
        .map((q) => q.split(" ").slice(0, 6).join(" ")),
);
const quotationTargetOf = memo((other) => normalize(`${other.evidence} ${other.prompt}`));

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"‘’']/g, "'")
    .replace(/[^\p{L}\p{N}'$%.\s-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export { escapeRegex };
