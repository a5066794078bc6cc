/**
 * Opinion never keyed as fact, whatever the genre. The attribution gate trusts the analysis's opinion marks, and
 * those depend on the detected genre: a column read as news leaves its author's judgments unmarked, and they came
 * back as true/false "facts" keyed True, as the "fact" in fact-or-opinion items and as blanks. This gate reads the
 * evidence sentence itself: a judgment in the author's own voice (outside quotation marks, not reported speech)
 * may only be asked as an opinion or attributed ("According to the author, …").
 */
import type { DraftQuestion, Genre } from "../types";

/** "I think", "we believe", "in my view": the writer's stance. */
const STANCE =
  /\b(?:I|we)\s+(?:\w+\s+)?(?:think|believe|feel|doubt|hope|suspect|fear|argue|contend|worry|wish)\b|\bin (?:my|our) (?:view|opinion)\b|\bI['’]m (?:sure|convinced|certain)\b|\bI['’]d be (?:shocked|surprised)\b/i;
/**
 * What the writer wants done: a recommendation, or an obligation laid on "we" or "you" (not a rule in the third person).
 * "who should pay", "what should happen" report a disagreement; they recommend nothing.
 */
const RECOMMENDATION = /\b(?<!\b(?:who|what|how|whether|where|which|when|why) )(?:should(?:n['’]t)?|ought to|it is time|it['’]s time|let['’]s|let us)\b|\b(?:we|you) (?:must|need to|have to|cannot afford|can['’]t afford)\b/i;
/**
 * Words that judge. Only words a report would not use for a plain description: "dangerous storm", "the worst flood
 * since 1990" and "an important vote" stay facts.
 */
const EVALUATIVE = new RegExp(
  `\\b(?:${[
    "shameful", "disgraceful", "outrageous", "absurd", "foolish", "misguided", "reckless", "ridiculous", "appalling", "hypocritical", "cowardly", "unacceptable",
    "nonsense", "stupid", "pointless", "deserve", "deserves", "deserved", "clearly", "obviously", "surely", "undoubtedly", "of course", "sadly", "fortunately",
    "unfortunately", "frankly", "arguably", "too little", "too late", "long overdue", "wrong-?headed", "disastrous", "terrible", "brilliant", "admirable",
    "laudable", "obvious", "no excuse", "makes no sense", "unjust", "unfair", "unaccountable", "anyone who (?:has|knows|thinks|believes|rides|uses|lives)", "everyone knows", "nobody (?:wants|believes|thinks)", "the only (?:sensible|reasonable|fair|honest) ", "(?:is|was|are|were) (?:a )?(?:mistake|wrong|right)", "(?:good|bad|terrible|great|smart) idea", "should never",
  ].join("|")})\\b`,
  "i",
);
/** The sentence reports someone's words or view: then it is a fact about that person, not the author's judgment. */
const REPORTED =
  /\b(?:said|says|say|told|tells|according to|argued|argues|claimed|claims|insisted|wrote|writes|called|calls|described|describes|warned|warns|added|noted|contended|maintained|believes|testified|announced|stated|critics|supporters|opponents)\b/i;
/** A prompt that already says whose judgment it is. */
const ATTRIBUTED = /\b(?:according to|claims?|argues?|believes?|in the (?:author|writer)['’]s view|the author|the writer|opinion)\b/i;
/** The fact choice of a fact-or-opinion item (generators/fact-opinion.ts). */
const FACT_CHOICE = /^A fact\b/;
/** Generators that ask about a judgment as a judgment, or about meaning and structure rather than truth. */
const EXEMPT = new Set(["author-purpose", "main-idea", "evidence-pair", "argument", "vocabulary-in-context", "inference", "perspective-claim", "who-said-single", "who-said-what", "written-response"]);

/** The cues that make a sentence the author's own judgment; empty when it is a report, a quotation or a plain fact. */
export function authorJudgmentCues(sentence: string): string[] {
  const outside = sentence.replace(/[“"][^“”"]*[”"]/g, " ");
  // A question put to the reader is never a statement of fact, whatever it reports.
  if (/\?\s*$/.test(outside.trim())) return ["a question to the reader"];
  if (REPORTED.test(outside)) return [];
  const cues: string[] = [];
  for (const pattern of [STANCE, RECOMMENDATION, EVALUATIVE]) {
    const match = pattern.exec(outside);
    if (match) cues.push(match[0].toLowerCase());
  }
  return cues;
}

/** A forecast or a possibility in the writer's voice ("could also guide", "may soon be", "will almost certainly"). */
const SPECULATION = /\b(?:could|may|might)\b(?! have\b)|\bwill (?:almost )?(?:certainly|inevitably|likely|probably)\b|\b(?:likely|unlikely) to\b/i;
/** A figure or a date a student can check in the text. */
const CHECKABLE = /\d/;
/** Case-sensitive "us", so the country "US" is not the author. */
const FIRST_PERSON = /\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]urs?|us)\b/;
const voicedCache = new WeakMap<readonly { text: string }[], boolean>();

/**
 * Whether the article speaks in its author's own voice ("I", "we" outside quotation marks in a fifth of its sentences):
 * then a plain statement without a figure may be the author's view even with no word of judgment ("Another study will
 * not fix the pool"), whatever genre was detected.
 */
export function authorVoiced(sentences: readonly { text: string }[]): boolean {
  const cached = voicedCache.get(sentences);
  if (cached !== undefined) return cached;
  const voiced = sentences.filter((s) => FIRST_PERSON.test(s.text.replace(/[“"][^“”"]*[”"]/g, " "))).length;
  const result = voiced >= 3 && voiced / Math.max(1, sentences.length) >= 0.2;
  voicedCache.set(sentences, result);
  return result;
}

/**
 * Why a question presents the author's judgment as plain fact, or undefined when it doesn't. `voiced`: the article is
 * written in the author's own voice (`authorVoiced`), so an unattributed true/false statement needs a figure or a date.
 */
export function opinionAsFactProblem(question: DraftQuestion, voiced = false, genre?: Genre): string | undefined {
  if (EXEMPT.has(question.generator)) return undefined;
  // In a column or an analysis, the writer's own forecast ("The lessons learned in Delhi could also guide other
  // cities", "The former pilot may soon be in for more flak") is a claim, not a fact a true/false item can key.
  if ((genre === "opinion" || genre === "analysis") && question.type === "true_false" && !ATTRIBUTED.test(question.prompt)) {
    const outside = question.evidence.replace(/[“"][^“”"]*[”"]/g, " ");
    if (SPECULATION.test(outside) && !REPORTED.test(outside)) return "the writer's forecast as a plain true/false fact";
  }
  if (question.type === "single" && question.generator === "fact-opinion") {
    const key = question.choices.find((c) => c.id === question.answer)?.text ?? "";
    if (FACT_CHOICE.test(key)) return authorJudgmentCues(question.evidence).length > 0 ? "the author's judgment keyed as a fact" : undefined;
    // "Which sentence gives an opinion": every other choice is offered as a fact.
    if (question.choices.some((c) => c.id !== question.answer && authorJudgmentCues(c.text).length > 0)) return "a judgment offered as a fact choice";
    return undefined;
  }
  const cues = authorJudgmentCues(question.evidence);
  if (cues.length === 0) {
    const plain = voiced && question.type === "true_false" && !ATTRIBUTED.test(question.prompt) && !CHECKABLE.test(question.evidence) && !REPORTED.test(question.evidence);
    return plain ? "a statement in a first-person piece, with no figure to check, may be the author's view" : undefined;
  }
  if (question.type === "cloze" || question.generator === "numeric-choice") return "a blank in the author's judgment reads as a fact";
  if (ATTRIBUTED.test(question.prompt)) return undefined;
  if (question.type === "true_false") return "the author's judgment as a plain true/false fact";
  if (question.skills[0] === "recall" || question.skills[0] === "cause-effect") return "the author's judgment asked as a plain fact";
  return undefined;
}
