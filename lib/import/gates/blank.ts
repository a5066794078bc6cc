/**
 * Blank gates: a gap is a whole noun phrase, key term or figure — never part of a compound ("his ___ stranding"),
 * a hyphenated word or a symbol-joined name ("{{blank}}+1" from "P5+1"), never a common word alone — and no two
 * questions blank the same answer.
 */
import { isWholePhrase } from "../analyze/terms";
import { isEverydayWord } from "../analyze/terms";
import { isKnown, taggedCount } from "../analyze/wordnet";

const COMMON = new Set(
  "thing things people time times year years way ways day days man men woman women part place case week weeks group number world life hand work point home room fact night area money story issue side kind head house service friend father mother power hour game line end member members law car city community name team minute idea kid body information back parent face others level office door health person art war history party result change morning reason research girl guy moment air teacher force education".split(" "),
);

export function blankProblem(sentence: string, answer: string, wholePhrases: string[], keyTerms: string[], shown: string[] = []): string | undefined {
  if (headlineShows(answer, shown)) return "the headline or heading shows the gap";
  if (!sentence.includes(answer) && !new RegExp(answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i").test(sentence)) return "the answer is not in the sentence";
  if (!isWholePhrase(sentence, answer)) return "the gap is glued to a hyphen, a symbol or a digit";
  const lower = answer.toLowerCase();
  const isNumber = /\d/.test(answer) || /^(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)/i.test(answer);
  const isKey = keyTerms.some((t) => t.toLowerCase() === lower);
  if (!isNumber && !isKey && !wholePhrases.includes(lower)) return "the gap is not a whole noun phrase or key term";
  if (!isNumber && !isKey && !lower.includes(" ") && COMMON.has(lower)) return "the gap is a common word";
  // "the strike costs the economy": a gap followed by a determiner ends in a verb, not a noun.
  const next = sentence.slice(sentence.toLowerCase().indexOf(lower) + lower.length);
  if (!isNumber && /^\s+(the|a|an|its|their|his|her|our|about|nearly|some)\b/i.test(next) && /s$/.test(lower) && lower.includes(" ")) return "the gap ends in a verb";
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
  if (!isNumber && splitsCompound(sentence, answer)) return "the gap splits a fixed expression";
  if (!isNumber && givenAway(sentence, answer)) return "the sentence gives the gap away";
  // A word every student knows ("students", "machines", "experts") is found by reading the sentence, not the article;
  // the civic words a lesson is about ("governor", "veto", "ballot") stay.
  if (!isNumber && !lower.includes(" ") && isEverydayWord(lower) && !CIVIC.has(lower.replace(/(?<=[^s])s$/, "").replace(/ie$/, "y"))) return "the gap is a common word";
  if (!isNumber) {
    const name = nameCollocation(sentence, answer);
    if (name) return name;
  }
  return undefined;
}

/** Civic words a blank may ask for even though students know them. */
const CIVIC = new Set(
  "governor mayor council councillor councilor legislature lawmaker legislator senate senator congress parliament constitution veto sanction ballot amendment budget court judge jury treaty chamber committee tariff tax verdict ordinance referendum election candidate campaign district precinct bill statute levy audit deficit treasury minister embassy ambassador diplomat negotiation".split(" "),
);

/**
 * The gap sits in a name or a title, so the name gives it away or it is not the article's to ask: a capitalized word
 * right before it that does not start the sentence ("the Tarsand ___", "Prime ___ Netanyahu"), a capitalized word
 * right after it ("the ___ Netanyahu", "___ Vance said"), or a capitalized gap inside the sentence.
 */
export function nameCollocation(sentence: string, answer: string): string | undefined {
  const at = sentence.toLowerCase().search(new RegExp(`(?<![\\p{L}])${answer.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u"));
  if (at < 0) return undefined;
  const found = sentence.slice(at, at + answer.length);
  const beforeText = sentence.slice(0, at);
  const before = /([\p{L}'’.-]+)\s+$/u.exec(beforeText);
  const sentenceStart = (index: number) => /^\s*["“‘(]?$/.test(sentence.slice(0, index)) || /[.!?:]["”’]?\s+["“‘(]?$/.test(sentence.slice(0, index));
  if (at > 0 && /^\p{Lu}/u.test(found) && !sentenceStart(at)) return "the gap is part of a name or title";
  if (before && /^\p{Lu}\p{Ll}/u.test(before[1]!) && !sentenceStart(before.index) && !/^(?:The|A|An|In|On|At|By|For|Of|To)$/.test(before[1]!)) return "the gap is part of a name or title";
  const after = /^\s+(\p{Lu}[\p{L}'’.-]*)/u.exec(sentence.slice(at + answer.length));
  if (after && !/^(?:I|The|A|An|In|On|At|By|For|Of|To|And|But|On|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(after[1]!)) return "the gap is part of a name or title";
  return undefined;
}

const FUNCTION_WORDS = new Set("the a an of to in on at by for with from and or but as its his her their our your my this that these those some any no each every all both more most new old own other such than then into onto over under about after before during".split(" "));

/**
 * The rest of the sentence gives the answer away: a single noun left behind its noun modifier ("a paper ____", "the
 * county ____": the compound names the answer), or a word of the same stem elsewhere in the sentence ("signs the ____"
 * for "signature", "counted … the ____" for "count").
 */
export function givenAway(sentence: string, answer: string): boolean {
  const lower = sentence.toLowerCase();
  const gap = answer.toLowerCase();
  const at = lower.search(new RegExp(`(?<![\\p{L}])${gap.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u"));
  if (at < 0) return false;
  if (!gap.includes(" ")) {
    const [, twoBefore, before] = sentence.slice(0, at).match(/(?:([A-Za-z]+)\s+)?([A-Za-z]+)\s+$/) ?? [];
    // "experts who study ____", "to paper ____": after a subject pronoun, a relative or "to", the word is a verb.
    const verbSlot = twoBefore !== undefined && /^(who|that|which|to|they|we|i|you|he|she|it|will|would|can|could|should|must|may|might|did|do|does|not|also|often|never)$/i.test(twoBefore);
    if (before && !verbSlot && /^[a-z]/.test(before) && !FUNCTION_WORDS.has(before) && isKnown(before, "n") && !isKnown(before, "a") && (taggedCount(before, "n") ?? 0) >= (taggedCount(before, "v") ?? 0)) return true;
  }
  const rest = `${lower.slice(0, at)} ${lower.slice(at + gap.length)}`;
  const stem = (w: string) => w.replace(/(ations?|ures?|ings?|ers?|ed|es|s|ly|ment|ments)$/, "").slice(0, 6);
  const gapStems = gap.split(/\s+/).filter((w) => w.length >= 5).map(stem);
  const restStems = (rest.match(/[a-z]{5,}/g) ?? []).map(stem);
  return gapStems.some((g) => g.length >= 4 && restStems.some((r) => r.length >= 4 && (g.startsWith(r) || r.startsWith(g))));
}

/** Fixed "X of Y" expressions a gap must not cut in two. */
const FIXED = ["state of emergency", "rule of law", "vote of no confidence", "motion of no confidence", "bill of rights", "head of state", "freedom of speech", "right of way", "point of order", "conflict of interest", "chief of staff", "secretary of state", "prisoner of war", "weapons of mass destruction", "state of the union", "court of appeal", "house of representatives", "house of commons", "house of lords", "balance of power", "separation of powers", "checks and balances", "freedom of the press", "cost of living", "law and order"];

/** True when the gap and its neighbouring word form one WordNet compound ("car park") or a fixed expression ("state of emergency"). */
export function splitsCompound(sentence: string, answer: string): boolean {
  const lower = sentence.toLowerCase();
  const gap = answer.toLowerCase();
  const at = lower.indexOf(gap);
  if (at < 0) return false;
  for (const phrase of FIXED) {
    for (let i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
      const overlap = Math.min(i + phrase.length, at + gap.length) - Math.max(i, at);
      if (overlap > 0 && !(at <= i && at + gap.length >= i + phrase.length)) return true;
    }
  }
  const before = lower.slice(0, at).match(/([a-z]+)\s+$/)?.[1];
  const after = lower.slice(at + gap.length).match(/^\s+([a-z]+)/)?.[1];
  const joined = gap.replace(/\s+/g, "_");
  if (before && !/^(the|a|an|of|to|in|on|and|or|for|with|its|his|her|their|our|new|old|more|most|all|some|any|no|this|that|these|those)$/.test(before) && isKnown(`${before}_${joined}`, "n")) return true;
  if (after && isKnown(`${joined}_${after}`, "n")) return true;
  return false;
}

/**
 * The headline or the section heading above the sentence shows the gap: the student reads the title first, so a
 * blank on "sanctions" under "U.S. to lift sanctions" is answered before it is read. True when the answer's head word
 * (its last word), in any inflection, is a word of one of the `shown` texts.
 */
export function headlineShows(answer: string, shown: string[]): boolean {
  const head = answer.toLowerCase().match(/[a-z]+(?=[^a-z]*$)/)?.[0];
  if (!head || head.length < 3) return false;
  const stem = (w: string) => w.replace(/(ies|es|s|ed|ing)$/, "").replace(/e$/, "").slice(0, 7);
  const target = stem(head);
  if (target.length < 3) return false;
  return shown.some((text) => (text.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => w.length >= 3 && stem(w) === target));
}

/** Index of questions (in order) whose blank answer repeats an earlier question's. */
export function repeatedAnswers(answers: string[]): number[] {
  // One answer inside another ("spending bills" and "full spending bills") asks for the same thing twice, and the
  // first one answered gives the second away.
  const seen: string[] = [];
  const out: number[] = [];
  const key = (answer: string) =>
    answer
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/(?<=[^s])s$/, ""))
      .join(" ");
  const within = (a: string, b: string) => a.length >= 4 && ` ${b} `.includes(` ${a} `);
  answers.forEach((answer, i) => {
    const k = key(answer);
    if (seen.some((s) => s === k || within(s, k) || within(k, s))) out.push(i);
    seen.push(k);
  });
  return out;
}
