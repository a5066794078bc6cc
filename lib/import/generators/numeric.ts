/**
 * Which number completes the sentence (numeracy). Only figures from central sentences; distractors are same-kind
 * figures from the article, then the value scaled, written in the article's format, never near-equal to the key
 * or to each other ("26.6" against "27" would be two right answers).
 */
import { innerQuotes, round } from "../analyze/text";
import { nearEqual } from "../gates/numbers";
import type { NumberMention } from "../types";
import { CHOICE_IDS, explanationFor, type Candidate, type Context } from "./common";

const WORD_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

export function numericQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const used = new Set<string>();
  const central = ctx.centralThreshold();
  for (const number of analysis.numbers) {
    const sentence = ctx.byId.get(number.sentenceId)!;
    if (used.has(sentence.id) || !ctx.eligible(sentence) || ctx.hasQuote(sentence) || ctx.firstPerson(sentence) || ctx.score(sentence.id) < central) continue;
    if (sentence.text.split(number.text).length - 1 !== 1) continue;
    if (isTriviaNumber(sentence.text, number.text, number.value)) continue;
    const distractors = numberDistractors(number, analysis.numbers);
    if (distractors.length < 2) continue;
    used.add(sentence.id);
    const options = [{ value: number.value, text: number.text }, ...distractors.slice(0, 3)].sort((a, b) => a.value - b.value);
    const choices = options.map((o, i) => ({ id: CHOICE_IDS[i]!, text: o.text }));
    const answer = choices[options.findIndex((o) => o.text === number.text)]!.id;
    const stem = sentence.text.replace(number.text, "____");
    out.push({
      id: "",
      type: "single",
      prompt: `Which ${number.kind === "percent" ? "percentage" : number.kind === "money" ? "amount" : "number"} completes this sentence from the article? “${innerQuotes(stem)}”`,
      choices,
      answer,
      explanation: explanationFor(sentence),
      skills: ["numeracy", "recall"],
      difficulty: 2,
      generator: "numeric-choice",
      score: round(ctx.score(sentence.id) + 0.15 + (number.kind === "count" ? 0 : 0.1)),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

/** Same-kind numbers from the article first, then the value scaled, written the way the article writes it. */
export function numberDistractors(number: NumberMention, all: NumberMention[]): { value: number; text: string }[] {
  const out: { value: number; text: string }[] = [];
  const taken = [number.value];
  const add = (value: number, text: string | undefined) => {
    if (!text || value <= 0 || (number.kind === "percent" && value > 100)) return;
    if (taken.some((t) => nearEqual(t, value))) return;
    taken.push(value);
    out.push({ value, text });
  };
  const isWord = /^[a-z]+$/i.test(number.text.trim());
  for (const other of all) {
    if (other.kind !== number.kind || isWord !== /^[a-z]+$/i.test(other.text.trim())) continue;
    const ratio = other.value / number.value;
    // A distractor in the same order of magnitude is plausible; "$410 million" against "12" is not.
    if (ratio > 0.2 && ratio < 5) add(other.value, reformatNumber(number, other.value));
    if (out.length >= 2) break;
  }
  for (const factor of [2, 0.5, 1.5, 3, 0.75]) {
    if (out.length >= 3) break;
    const decimals = (/\.(\d+)/.exec(number.text)?.[1]?.length ?? 0) > 0 ? 1 : 0;
    let value = number.value * factor;
    value = decimals ? Math.round(value * 10) / 10 : Math.round(value);
    if (number.kind === "money" || number.value >= 1e6) value = roundToScale(number.value, value);
    add(value, reformatNumber(number, value));
  }
  return out;
}

function roundToScale(original: number, value: number): number {
  const scale = original >= 1e12 ? 1e12 : original >= 1e9 ? 1e9 : original >= 1e6 ? 1e6 : 1;
  return (Math.round((value / scale) * 10) / 10) * scale;
}

/** Writes `value` in the same style as the original mention ("$4.5 billion", "30 percent", "three"). */
export function reformatNumber(number: NumberMention, value: number): string | undefined {
  const text = number.text;
  if (/^[a-z]+$/i.test(text.trim())) {
    const word = WORD_NUMBERS[value];
    if (!word) return undefined;
    return /^[A-Z]/.test(text) ? word[0]!.toUpperCase() + word.slice(1) : word;
  }
  const match = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*(thousand|million|billion|trillion))?/i.exec(text);
  if (!match) return undefined;
  const scaleWord = match[4]?.toLowerCase();
  const scale = scaleWord === "thousand" ? 1e3 : scaleWord === "million" ? 1e6 : scaleWord === "billion" ? 1e9 : scaleWord === "trillion" ? 1e12 : 1;
  const scaled = value / scale;
  const decimals = match[2] || !Number.isInteger(scaled) ? 1 : 0;
  const digits = decimals ? scaled.toFixed(1).replace(/\.0$/, "") : String(Math.round(scaled));
  const withCommas = match[1]!.includes(",") || scaled >= 10000 ? Number(digits).toLocaleString("en-US", { maximumFractionDigits: 1 }) : digits;
  return text.slice(0, match.index) + withCommas + (match[3] ?? "") + text.slice(match.index + match[0].length);
}

/**
 * Identifiers, ages and small counts are trivia: one of a list of numbers ("routes 3, 7, 11 and 15"), an age after a
 * name ("Moll, 61,"), or a number written as a word ("the two miles").
 */
export function isTriviaNumber(sentence: string, text: string, value: number): boolean {
  const at = sentence.indexOf(text);
  if (at < 0) return false;
  const before = sentence.slice(Math.max(0, at - 24), at);
  const after = sentence.slice(at + text.length, at + text.length + 8);
  if (/^,?\s*(?:\d|and \d|or \d)/.test(after) || /\d,\s*$|\d (?:and|or) $/.test(before)) return true;
  if (/\p{Lu}[\p{L}'’-]+,\s*$/u.test(before) && /^,/.test(after) && value < 120) return true;
  return !/\d/.test(text) && value < 20;
}
