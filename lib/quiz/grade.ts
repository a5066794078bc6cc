/**
 * Grading: pure functions from (answer key, student answer) to credit. No
 * database, no framework; the server calls them with keys it never sends to
 * the browser before submission.
 *
 * Partial-credit rules (also in docs/GRADING.md). Credit is always in [0, 1];
 * the outcome is `correct` at 1, `incorrect` at 0 and `partial` in between.
 *
 * - **single**, **true_false**: all or nothing.
 * - **multiple**: `max(0, (right choices picked − wrong choices picked) / right choices)`,
 *   so picking everything scores 0 rather than rewarding guessing.
 * - **ordering**: Kendall tau between the student's order and the key, floored at
 *   0: `max(0, 1 − 2 · discordant pairs / all pairs)`. One adjacent swap in six
 *   items keeps 0.87; a reversed list or a random shuffle scores (about) 0.
 *   Items missing from the answer count as out of order with everything.
 * - **matching**: share of left items paired with the right item.
 * - **short_answer**: all or nothing; the answer matches when its normalized
 *   form (see {@link normalizeText}) equals any accepted answer's.
 * - **numeric**: all or nothing; right when within the key's absolute tolerance.
 * - **cloze**: share of blanks whose normalized text matches one of that blank's accepted answers.
 *
 * An unanswered question (`null`) or an answer of the wrong type scores 0.
 */
import type { Answer, AnswerKey, GradeResult, Outcome, QuestionKeyData } from "./types";

const EPSILON = 1e-9;

export function outcomeFor(credit: number): Outcome {
  if (credit >= 1 - EPSILON) return "correct";
  if (credit <= EPSILON) return "incorrect";
  return "partial";
}

function result(credit: number): GradeResult {
  const clamped = Number.isFinite(credit) ? Math.min(1, Math.max(0, credit)) : 0;
  // Four decimals are plenty for display and keep stored scores stable.
  const rounded = Math.round(clamped * 10_000) / 10_000;
  return { credit: rounded, outcome: outcomeFor(rounded) };
}

export function gradeAnswer(key: AnswerKey, answer: Answer | null | undefined): GradeResult {
  if (!answer || answer.type !== key.type) return result(0);
  switch (key.type) {
    case "single":
      return result(answer.type === "single" && answer.choice === key.answer ? 1 : 0);
    case "true_false":
      return result(answer.type === "true_false" && answer.value === key.answer ? 1 : 0);
    case "multiple": {
      if (answer.type !== "multiple") return result(0);
      const right = new Set(key.answer);
      const picked = new Set(answer.choices);
      let rightPicked = 0;
      let wrongPicked = 0;
      for (const choice of picked) {
        if (right.has(choice)) rightPicked += 1;
        else wrongPicked += 1;
      }
      return result(right.size === 0 ? 0 : (rightPicked - wrongPicked) / right.size);
    }
    case "ordering":
      return result(answer.type === "ordering" ? orderingCredit(key.answer, answer.order) : 0);
    case "matching": {
      if (answer.type !== "matching") return result(0);
      const lefts = Object.keys(key.answer);
      if (lefts.length === 0) return result(0);
      const right = lefts.filter((left) => Object.hasOwn(answer.pairs, left) && answer.pairs[left] === key.answer[left]).length;
      return result(right / lefts.length);
    }
    case "short_answer":
      return result(answer.type === "short_answer" && matchesAccepted(answer.text, key.answer) ? 1 : 0);
    case "numeric": {
      if (answer.type !== "numeric" || !Number.isFinite(answer.value)) return result(0);
      // A relative epsilon absorbs float noise such as 0.1 + 0.2.
      const slack = key.tolerance + EPSILON * Math.max(1, Math.abs(key.answer));
      return result(Math.abs(answer.value - key.answer) <= slack ? 1 : 0);
    }
    case "cloze": {
      if (answer.type !== "cloze") return result(0);
      const blanks = Object.keys(key.answer);
      if (blanks.length === 0) return result(0);
      const right = blanks.filter((blank) => {
        const given = Object.hasOwn(answer.blanks, blank) ? answer.blanks[blank] : undefined;
        return typeof given === "string" && matchesAccepted(given, key.answer[blank] ?? []);
      }).length;
      return result(right / blanks.length);
    }
  }
}

/** Kendall tau between `given` and `key`, floored at 0 (see the file comment). */
export function orderingCredit(key: readonly string[], given: readonly string[]): number {
  if (key.length < 2) return key.length === 1 && given[0] === key[0] ? 1 : 0;
  const position = new Map<string, number>();
  given.forEach((id, index) => {
    if (!position.has(id)) position.set(id, index);
  });
  let concordant = 0;
  let total = 0;
  for (let i = 0; i < key.length; i += 1) {
    for (let j = i + 1; j < key.length; j += 1) {
      total += 1;
      const a = position.get(key[i]!);
      const b = position.get(key[j]!);
      if (a !== undefined && b !== undefined && a < b) concordant += 1;
    }
  }
  const discordant = total - concordant;
  return Math.max(0, 1 - (2 * discordant) / total);
}

export function matchesAccepted(given: string, accepted: readonly string[]): boolean {
  const normalized = normalizeText(given);
  if (normalized === "") return false;
  return accepted.some((candidate) => normalizeText(candidate) === normalized);
}

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

function isNumberWord(word: string): boolean {
  return word in SMALL_NUMBERS || word in MULTIPLIERS;
}

/** "one hundred and ninety three" → 193. Expects only number words (and "and"). */
function wordsToNumber(words: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word === "and") continue;
    const small = SMALL_NUMBERS[word];
    if (small !== undefined) {
      current += small;
      continue;
    }
    const multiplier = MULTIPLIERS[word]!;
    if (multiplier === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * multiplier;
      current = 0;
    }
  }
  return total + current;
}

/** Replaces each run of number words with its digits ("ninety three" → "93"). */
function numberWordsToDigits(words: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push(String(wordsToNumber(run)));
    run = [];
  };
  words.forEach((word, index) => {
    const next = words[index + 1];
    if (isNumberWord(word) || (word === "and" && run.length > 0 && next !== undefined && isNumberWord(next))) run.push(word);
    else {
      flush();
      out.push(word);
    }
  });
  flush();
  return out;
}

/**
 * The form short answers and cloze blanks are compared in: Unicode-normalized,
 * lowercased, curly quotes and dashes made plain, punctuation dropped (except a
 * decimal point between digits; thousands separators, apostrophes and
 * abbreviation dots removed), whitespace
 * collapsed, a leading "the" removed, and numbers written as words turned
 * into digits ("one hundred ninety-three" → "193").
 */
export function normalizeText(text: string): string {
  const plain = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/(\d)\.(?=\d)/g, "$1\uE000")
    // Apostrophes and the dots of abbreviations join their word: "don't" → "dont", "U.S." → "us".
    .replace(/'/g, "")
    .replace(/(\p{L})\.(?=\p{L})/gu, "$1")
    .replace(/[^\p{L}\p{N}\uE000]+/gu, " ")
    .replace(/\uE000/g, ".")
    .trim();
  if (plain === "") return "";
  const words = plain.split(/\s+/);
  if (words[0] === "the" && words.length > 1) words.shift();
  return numberWordsToDigits(words).join(" ");
}

/**
 * The feedback written for what the student picked: the chosen choice (single),
 * each picked choice (multiple) or the chosen value (true/false). Other types
 * have no per-answer feedback.
 */
export function feedbackFor(keyData: Pick<QuestionKeyData, "feedback">, answer: Answer | null | undefined): string[] {
  if (!answer) return [];
  const feedback = keyData.feedback;
  const pick = (id: string) => (Object.hasOwn(feedback, id) ? [feedback[id]!] : []);
  switch (answer.type) {
    case "single":
      return pick(answer.choice);
    case "multiple":
      return [...new Set(answer.choices)].flatMap(pick);
    case "true_false":
      return pick(String(answer.value));
    default:
      return [];
  }
}
