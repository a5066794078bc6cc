/**
 * Fact or opinion: which sentence is a judgment rather than a checkable fact (the opinion cues decide), and, for a
 * single sentence, whether its author or speaker states a fact or gives an opinion. Facts offered as contrast carry
 * a figure, a date or a name and no cue.
 */
import { innerQuotes, round } from "../analyze/text";
import { compatibleSentences, sortedChoices, type Candidate, type Context } from "./common";

/** A speaker's words count as opinion only with a word of judgment, not just "should" or "must". */
function strongCues(cues: string[]): boolean {
  return cues.some((c) => !/^(should|shouldn['’]t|must|ought to|cannot afford|it is time|I|my|me|we|our|us)$/i.test(c)) || cues.length >= 3;
}

function quoteHolds(ctx: Context, sentenceId: string, holder: string): boolean {
  return ctx.analysis.quotations.some((q) => q.sentenceId === sentenceId && q.speaker === holder && q.resolvedBy !== "pronoun");
}

const OPINION = "An opinion: a judgment that people could disagree with";
const FACT = "A fact: something that can be checked";

export function factOpinionQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const facts = analysis.sentences.filter((s) => ctx.eligible(s, 30) && ctx.isCheckableFact(s)).sort((a, b) => ctx.order(a.id) - ctx.order(b.id));
  const opinions = analysis.opinions
    .map((o) => ({ mark: o, sentence: ctx.byId.get(o.sentenceId)! }))
    // Only a judgment in the author's own voice, or inside a speaker's direct quote: "X rejected the vote as unfair"
    // reports a fact about X, so it is never offered as an opinion.
    .filter(({ sentence, mark }) => ctx.eligible(sentence, 35) && ((mark.holder === "author" && ctx.analysis.genre !== "news") || (mark.holder !== "quoted" && mark.holder !== "author" && quoteHolds(ctx, sentence.id, mark.holder) && strongCues(mark.cues))));
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
    if (facts.length >= 3 && picked.length === 3) {
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
        ? `In this sentence from the article, is what ${mark.holder} says in quotation marks a fact or an opinion? “${innerQuotes(sentence.text)}”`
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
