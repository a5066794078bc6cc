/**
 * Fact or opinion: which sentence is a judgment rather than a checkable fact (the opinion cues decide), and, for a
 * single sentence, whether its author or speaker states a fact or gives an opinion. Facts offered as contrast carry
 * a figure, a date or a name and no cue.
 */
import { innerQuotes, round } from "../analyze/text";
import type { OpinionMark, Sentence } from "../types";
import { compatibleSentences, sortedChoices, type Candidate, type Context } from "./common";

/** A speaker's words count as opinion only with a word of judgment, not just "should" or "must". */
function strongCues(cues: string[]): boolean {
  return cues.some((c) => !/^(should|shouldn['’]t|must|ought to|cannot afford|it is time|I|my|me|we|our|us)$/i.test(c)) || cues.length >= 3;
}

function quoteHolds(ctx: Context, sentenceId: string, holder: string): boolean {
  return ctx.analysis.quotations.some((q) => q.sentenceId === sentenceId && q.speaker === holder && q.resolvedBy !== "pronoun");
}

/** Predictions, conditions, plans and estimates: not facts a student can check today. */
const UNCERTAIN = /\b(if|would|could|might|may|will|should|expects?|expected|likely|plans?|planned|hopes?|estimates?|forecasts?|predicts?|wants?)\b/i;
/** Reported speech or judgment of any verb ("X called the cut overdue", "Y described it as reckless"): someone else's words. */
export const REPORTED_SPEECH = /\b(said|says|say|told|tells|according to|argued|argues|claimed|claims|insisted|pointed out|wrote|writes|called|calls|described|describes|praised|critici[sz]ed|denounced|dismissed|hailed|blasted|labell?ed|branded|warned|warns|added|noted|contended|maintained|believes|agreed|disagreed|testified|announced|stated)\b/i;
/**
 * A description of a procedure or a rule ("Every fixture has to point down", "The request must reach the clerk seven
 * days before"): it says what is required, not what the author judges.
 */
const PROCEDURE = /\b(must|has to|have to|needs? to|is required to|are required to|may not|cannot|can't|is not allowed|are not allowed|is allowed|are allowed)\b/i;
/** Cues too weak to make a sentence in an explainer the author's judgment ("an important step", "necessary"). */
const WEAK_CUES = new Set(["important", "necessary", "welcome", "fair", "better", "worse", "bold", "right to", "failed", "failure", "essential", "vital", "crucial", "should", "must", "ought to"]);
/** The other side's view reported by the author ("Others worry about the cost, which …"): half report, half view, so never a clean fact. */
const OTHER_SIDE = /\b(?:critics|opponents|supporters|skeptics|sceptics|detractors|(?:some|others|many) (?:worry|fear|argue|say|claim|believe|think|object|complain))\b/i;
/** A sentence that tells the reader to do something ("Consider how the current system worked in 2021."): never a fact. */
const IMPERATIVE = /^(?:Consider|Think|Imagine|Look|Remember|Ask|Take|Let|Note|Compare|Picture|Vote|Tell|Call|Show|Bring|Fix|Hold|Publish|Make|Keep|Give|Stop|Don['’]t|Do not|Never|Read|Watch|Listen|Go|Come|Join|Write|Support|Reject)\b/;
const GREETING = /^(welcome|hello|hi|good (morning|afternoon|evening)|thanks|thank you|great to)\b/i;
/** A first-person account of what the author did or saw is a report, not a judgment. */
const NARRATION = /\b(I|we) (have|had|was|were|watched|saw|met|went|visited|spent|asked|called|spoke|found|remember)\b/;
/** At least one cue that judges (an evaluative word or a belief verb), not just "I" or a modal. */
export function judgment(cues: string[]): boolean {
  return cues.some((c) => !/^(should|shouldn['’]t|must|ought to|I|my|me|we|our|us|will|would|can|could)$/i.test(c));
}

/** An interviewee's answer sentence (no quotation marks: the whole answer is theirs). */
function inAnswer(ctx: Context, sentenceId: string): boolean {
  return ctx.analysis.quotations.some((q) => q.sentenceId === sentenceId && q.resolvedBy === "interview");
}

/**
 * An answer is a judgment only with a strong word of judgment and no rule or condition: "If the readings get worse,
 * the park can lose the status" describes a rule ("worse" compares readings), which a student would call a fact.
 */
function clearAnswerJudgment(text: string, cues: string[]): boolean {
  // "the wrong precinct", "no wrong place", "the right ballot": a plain description, not a judgment.
  const plainUse = (c: string) => /^(wrong|right)$/i.test(c) && new RegExp(`\\b(?:no|the|a|any)\\s+${c}\\b`, "i").test(text);
  return !PROCEDURE.test(text) && !/^(?:A\s*[:.]\s*)?(If|When|Unless)\b/i.test(text) && cues.some((c) => !WEAK_CUES.has(c.toLowerCase()) && !plainUse(c) && !/^(I|my|me|we|our|us|can|could|will|would)$/i.test(c));
}

/**
 * A short, punchy judgment in a column ("That is neglect, and it is shameful."): too short or pronoun-led for most
 * items, yet a student can tell it is an opinion without the sentence before it, so it may be asked as fact or opinion.
 */
function shortJudgment(ctx: Context, sentence: Sentence, mark: OpinionMark): boolean {
  return (
    ctx.analysis.genre === "opinion" &&
    mark.holder === "author" &&
    sentence.kind === "paragraph" &&
    sentence.words >= 5 &&
    sentence.words <= 35 &&
    !ctx.furniture.has(sentence.id) &&
    /^[\p{Lu}“"]/u.test(sentence.text) &&
    /[.!]$/.test(sentence.text) &&
    mark.cues.some((c) => !WEAK_CUES.has(c.toLowerCase()) && !/^(I|my|me|we|our|us|can|could|will|would|should|must)$/i.test(c))
  );
}

const OPINION = "An opinion: a judgment that people could disagree with";
const FACT = "A fact: something that can be checked";

export function factOpinionQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  // A fact a student can check: a figure or a date, stated outright (no prediction, condition or plan, no "I").
  const dated = new Set(analysis.dates.map((d) => d.sentenceId));
  const facts = analysis.sentences
    .filter((s) => ctx.eligible(s, 30) && ctx.isCheckableFact(s) && !ctx.firstPerson(s) && (/\d/.test(s.text) || dated.has(s.id)) && !UNCERTAIN.test(s.text) && !REPORTED_SPEECH.test(s.text) && !PROCEDURE.test(s.text) && !OTHER_SIDE.test(s.text) && !IMPERATIVE.test(s.text))
    .sort((a, b) => ctx.order(a.id) - ctx.order(b.id));
  const opinions = analysis.opinions
    .map((o) => ({ mark: o, sentence: ctx.byId.get(o.sentenceId)! }))
    // Only a judgment in the author's own voice, or inside a speaker's direct quote: "X rejected the vote as unfair"
    // reports a fact about X, so it is never offered as an opinion.
    // The author's voice counts only in a column or an analysis (in a news story or an interview it is the reporter's
    // narration), with a word of judgment (a first-person scene, "I have watched …", is not an opinion), never a greeting.
    .filter(
      ({ sentence, mark }) =>
        (ctx.eligible(sentence, 35, mark.holder === "author") || shortJudgment(ctx, sentence, mark)) &&
        !GREETING.test(sentence.text) &&
        ((mark.holder === "author" &&
          (ctx.analysis.genre === "opinion" || ctx.analysis.genre === "analysis") &&
          judgment(mark.cues) &&
          !NARRATION.test(sentence.text) &&
          !REPORTED_SPEECH.test(sentence.text.replace(/[“"][^”"]*[”"]/g, " ")) &&
          // In an explainer, a step of a procedure with "important" or "must" is a description; a judgment needs a stronger cue.
          (ctx.analysis.genre === "opinion" || (!PROCEDURE.test(sentence.text) && mark.cues.some((c) => !WEAK_CUES.has(c.toLowerCase()) && !/^(I|my|me|we|our|us)$/i.test(c))))) ||
          (mark.holder !== "quoted" && mark.holder !== "author" && quoteHolds(ctx, sentence.id, mark.holder) && strongCues(mark.cues) && !(inAnswer(ctx, sentence.id) && !clearAnswerJudgment(sentence.text, mark.cues)))),
    );
  for (const { mark, sentence } of opinions) {
    const cueList = mark.cues.slice(0, 3).map((c) => `“${c}”`).join(", ");
    const holder = mark.holder === "author" ? "the author" : mark.holder;
    let picked: typeof facts = [];
    if (facts.length >= 3) {
      const step = facts.length / 3;
      const spaced = [0, 1, 2].map((i) => facts[Math.floor(i * step)]).filter((f): f is NonNullable<typeof f> => !!f);
      picked = compatibleSentences(ctx, [sentence], [...spaced, ...facts], 3);
      if (picked.length < 3) picked.length = 0;
    }
    // "Which sentence gives an opinion" with a reported quotation as the key: the sentence itself reports a fact (X said
    // it), so only the author's own judgment is offered against facts.
    if (facts.length >= 3 && picked.length === 3 && mark.holder === "author") {
      const { choices, answer } = sortedChoices(sentence.text, picked.map((f) => f.text));
      out.push({
        id: "",
        type: "single",
        prompt: "Which sentence from the article gives an opinion rather than a fact that can be checked?",
        choices,
        answer,
        explanation: `Words such as ${cueList} mark ${holder}'s judgment; the other sentences report facts that can be checked.`,
        skills: ["fact-opinion"],
        difficulty: 2,
        generator: "fact-opinion",
        score: round(ctx.score(sentence.id) + 0.5),
        ...ctx.evidence(sentence),
      });
    }
    const inQuote = mark.holder !== "author";
    out.push({
      id: "",
      type: "single",
      prompt: inQuote
        ? inAnswer(ctx, sentence.id)
          ? `In this answer from the interview, is what ${mark.holder} says a fact or an opinion? “${innerQuotes(sentence.text.replace(/^(?:A\s*[:.]|[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}:)\s*/u, ""))}”`
          : `In this sentence from the article, is what ${mark.holder} says in quotation marks a fact or an opinion? “${innerQuotes(sentence.text)}”`
        : `Is this sentence from the article a fact or an opinion? “${innerQuotes(sentence.text)}”`,
      choices: [
        { id: "a", text: FACT },
        { id: "b", text: OPINION },
      ],
      answer: "b",
      explanation: `It is ${holder}'s opinion: words such as ${cueList} show a judgment, not something that can be checked.`,
      skills: ["fact-opinion"],
      difficulty: 1,
      generator: "fact-opinion",
      score: round(ctx.score(sentence.id) + 0.3),
      ...ctx.evidence(sentence),
    });
  }
  // A clear fact, asked the same way, so "opinion" is not always the key.
  const fact = [...facts].sort((a, b) => ctx.score(b.id) - ctx.score(a.id))[0];
  if (fact && opinions.length > 0) {
    out.push({
      id: "",
      type: "single",
      prompt: `Is this sentence from the article a fact or an opinion? “${innerQuotes(fact.text)}”`,
      choices: [
        { id: "a", text: FACT },
        { id: "b", text: OPINION },
      ],
      answer: "a",
      explanation: "It reports something that can be checked (a figure, a date, a named event) and uses no words of judgment.",
      skills: ["fact-opinion"],
      difficulty: 1,
      generator: "fact-opinion",
      score: round(ctx.score(fact.id) + 0.2),
      ...ctx.evidence(fact),
    });
  }
  return out;
}
