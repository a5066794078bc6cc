/**
 * Blank gates: a gap is a whole noun phrase, key term or figure — never part of a compound ("his ___ stranding"),
 * a hyphenated word or a symbol-joined name ("{{blank}}+1" from "P5+1"), never a common word alone — and no two
 * questions blank the same answer.
 */
import { isWholePhrase } from "../analyze/terms";

const COMMON = new Set(
  "thing things people time times year years way ways day days man men woman women part place case week weeks group number world life hand work point home room fact night area money story issue side kind head house service friend father mother power hour game line end member members law car city community name team minute idea kid body information back parent face others level office door health person art war history party result change morning reason research girl guy moment air teacher force education".split(" "),
);

export function blankProblem(sentence: string, answer: string, wholePhrases: string[], keyTerms: string[]): string | undefined {
  if (!sentence.includes(answer) && !new RegExp(answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i").test(sentence)) return "the answer is not in the sentence";
  if (!isWholePhrase(sentence, answer)) return "the gap is glued to a hyphen, a symbol or a digit";
  const lower = answer.toLowerCase();
  const isNumber = /\d/.test(answer) || /^(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)/i.test(answer);
  const isKey = keyTerms.some((t) => t.toLowerCase() === lower);
  if (!isNumber && !isKey && !wholePhrases.includes(lower)) return "the gap is not a whole noun phrase or key term";
  if (!isNumber && !isKey && !lower.includes(" ") && COMMON.has(lower)) return "the gap is a common word";
  // A phrase ending in "-ing" is usually a noun and a verb run together by the tagger ("members voting").
  if (!isNumber && !isKey && lower.includes(" ") && /ing$/.test(lower)) return "the gap runs into a verb";
  // A longer noun phrase that continues after the gap means the gap is a modifier, not the phrase ("first mass" in
  // "first mass stranding"); a gap that is the head of its phrase ("sanctions" in "new sanctions") is fine.
  const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (!isNumber && wholePhrases.some((p) => p !== lower && new RegExp(`(^|\\s)${escaped}\\s`).test(p))) return "the gap is part of a compound";
  // A noun the tagger read as a verb still ends a compound: "his first mass stranding", "the arms reduction".
  const at = sentence.toLowerCase().indexOf(lower);
  const after = sentence.slice(at + lower.length);
  if (!isNumber && /^\s+[a-z]+(ing|tion|sion|ment|ness|ity|ship|ance|ence)\b(?!\s+(the|a|an|his|her|their|its|to|that|this|these|those)\b)/.test(after)) return "the gap is part of a compound";
  return undefined;
}

/** Index of questions (in order) whose blank answer repeats an earlier question's. */
export function repeatedAnswers(answers: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  answers.forEach((answer, i) => {
    const key = answer.toLowerCase().replace(/s$/, "");
    if (seen.has(key)) out.push(i);
    seen.add(key);
  });
  return out;
}
