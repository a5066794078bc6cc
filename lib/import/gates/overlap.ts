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
/** Every accepted form of a cloze item's answers, normalized, longer than three letters. */
const clozeFormsOf = memo((q) =>
  q.type !== "cloze" ? [] : [...new Set(Object.values(q.answer).flatMap((accepted) => accepted.map((a) => normalize(String(a)))))].filter((f) => f.length > 3),
);
function wholeWord(text: string): RegExp {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(text)}($|[^\\p{L}\\p{N}])`, "u");
}

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
  // A vocabulary item shows its word (in its sentence and often in its choices): a blank whose answer is that word, or
  // any form of the blank's answer in what the vocabulary item shows, is answered before it is asked.
  if (question.type === "cloze" && other.generator === "vocabulary-in-context" && clozeFormsOf(question).some((form) => wholeWord(form).test(visibleText(other)))) return true;
  // A vocabulary key of four words or more ("a body that reviews the budget") shown in another question.
  if (question.generator === "vocabulary-in-context") {
    const key = sentenceKeyOf(question);
    if (key.split(" ").length >= 4 && visibleText(other).includes(key)) return true;
  }
  // A key that is a whole sentence (main idea, evidence) is given away by any stem that quotes it.
  if (question.type === "single" && ["main-idea", "evidence-pair", "fact-opinion"].includes(question.generator)) {
    const key = sentenceKeyOf(question);
    return key.split(" ").length >= 6 && stemOf(other).includes(key);
  }
  return false;
}

/** The word a vocabulary item asks about (“… what does “X” mean?”). */
export function vocabularyTerm(q: DraftQuestion): string | undefined {
  if (q.generator !== "vocabulary-in-context") return undefined;
  return /what does “([^”]+)” mean/.exec(q.prompt)?.[1];
}

/** The first letters of a word that its derived forms keep ("sustainab" for "sustainability", "dupe" for "duped"). */
function wordStem(word: string): string {
  const w = word.toLowerCase();
  return w.length <= 5 ? w : w.slice(0, Math.max(5, w.length - 3));
}

/**
 * A single-choice item a student can answer by matching words between the stem and one choice, without reading the
 * article: the recall in disguise the rater marks down ("What does “dupe” mean?" keyed “Just a dupe”; "According to
 * officials …, what kind of source?" keyed “… officials who are not named”; "What is the author's purpose?" keyed “…
 * agree with the author's view”). It is a give-away when
 * - a vocabulary key contains the word it defines (or a form of it);
 * - the key shares two or more content words with the stem and more than any wrong choice does; or
 * - the key shares a word of the question's own wording (outside the quoted text) that no wrong choice shares.
 * Words every choice shares say nothing. Returns the words that give the key away, or undefined.
 */
export function stemGivesAwayKey(q: DraftQuestion): string[] | undefined {
  if (q.type !== "single") return undefined;
  const key = q.choices.find((c) => c.id === q.answer);
  if (!key) return undefined;
  const term = vocabularyTerm(q);
  if (term) {
    const stems = [...contentWords(term)].map(wordStem).filter((t) => t.length >= 3);
    const keyWords = normalize(key.text).split(" ");
    const circular = stems.filter((t) => keyWords.some((w) => w.startsWith(t)));
    if (circular.length > 0) return circular;
  }
  const stemWords = stemWordsOf(q);
  const ownWording = contentWords(q.prompt.replace(/“[^”]*”|"[^"]*"/g, " "));
  const perChoice = q.choices.map((c) => new Set([...contentWords(c.text)].filter((w) => stemWords.has(w))));
  const everywhere = new Set([...(perChoice[0] ?? [])].filter((w) => perChoice.every((set) => set.has(w))));
  const distinct = perChoice.map((set) => [...set].filter((w) => !everywhere.has(w)));
  const at = q.choices.indexOf(key);
  const mine = distinct[at] ?? [];
  const others = distinct.filter((_, i) => i !== at);
  const most = Math.max(0, ...others.map((o) => o.length));
  if (mine.length >= 2 && mine.length > most) return mine;
  const template = mine.filter((w) => ownWording.has(w) && !others.some((o) => o.includes(w)));
  if (template.length > 0 && most === 0) return template;
  return undefined;
}
const stemWordsOf = memo((q) => contentWords(q.prompt));

/**
 * Every give-away in a set of questions (run on the whole kept set after ranking): a stem that gives away its own key,
 * a question that shows another's answer, and near-duplicates. Each problem names the question to drop: the one given
 * away, or the later of a near-duplicate pair.
 */
export function giveAwaysIn(questions: DraftQuestion[]): Array<{ drop: DraftQuestion; by?: DraftQuestion; reason: string }> {
  const out: Array<{ drop: DraftQuestion; by?: DraftQuestion; reason: string }> = [];
  for (const q of questions) {
    const words = stemGivesAwayKey(q);
    if (words) out.push({ drop: q, reason: `the stem gives away its key (${words.join(", ")})` });
  }
  questions.forEach((a, i) => {
    questions.forEach((b, j) => {
      if (i === j) return;
      if (reveals(a, b)) out.push({ drop: b, by: a, reason: "another question shows its answer" });
      else if (j > i && nearDuplicate(a, b)) out.push({ drop: b, by: a, reason: "near-duplicate" });
    });
  });
  return out;
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
