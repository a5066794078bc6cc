/**
 * Cause and effect, from the article's own connectives. "According to the article, what led to this? …" with the
 * cause as key and the causes of other relations (or other clauses of the article) as distractors.
 */
import { countWords, innerQuotes, lowerFirst, round } from "../analyze/text";
import type { CauseEffect } from "../types";
import { sortedChoices, type Candidate, type Context } from "./common";

export function causeEffectQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const clauses = analysis.causes.map((c) => c.cause);
  // Other clauses the article states, as fallback distractors: first clauses of fact sentences.
  const fallback = analysis.sentences
    .filter((s) => ctx.isCheckableFact(s) && s.words <= 25)
    .map((s) => s.text.replace(/[.!]$/, "").split(/,\s+/)[0]!)
    .filter((c) => countWords(c) >= 5 && countWords(c) <= 18);
  for (const relation of analysis.causes) {
    const sentence = ctx.byId.get(relation.sentenceId)!;
    if (ctx.furniture.has(sentence.id) || countWords(relation.cause) > 25 || countWords(relation.effect) > 30) continue;
    // "X said Moscow abstained because …": the reason is X's account, and the question says so.
    const reported = /^(.+?),?\s+(?:said|says|told reporters|argued|explained)\s+(?:that\s+)?(.{8,})$/.exec(relation.effect);
    const source = reported ? ctx.people.find((p) => reported[1]!.includes(p.name) || p.variants.some((v) => reported[1]!.includes(v))) : undefined;
    if (reported && !source) continue;
    const effect = reported && source ? reported[2]! : relation.effect;
    const key = asChoice(relation.cause);
    const distractors = [...new Set([...clauses, ...fallback].map(asChoice))]
      .filter((c) => c !== key && !relation.effect.includes(c) && !c.includes(relation.effect) && !sentence.text.includes(c.replace(/\.$/, "")) && !/^(He|She|They|It|We|I|This|That)\b/.test(c) && !/\b(said|says|told)\b/.test(c))
      .slice(0, 3);
    if (distractors.length < 2) continue;
    const { choices, answer } = sortedChoices(key, distractors);
    out.push({
      id: "",
      type: "single",
      prompt: source
        ? `According to ${source.name}, what is the reason for this? “${innerQuotes(capitalize(effect))}.”`
        : `According to the article, what ${verbFor(relation)} this? “${innerQuotes(capitalize(effect))}.”`,
      choices,
      answer,
      explanation: `The article links them with “${relation.connective}”: ${innerQuotes(sentence.text)}`,
      skills: ["cause-effect"],
      difficulty: 2,
      generator: "cause-effect",
      score: round(ctx.score(sentence.id) + 0.45),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

function verbFor(relation: CauseEffect): string {
  return relation.connective === "in response to" ? "prompted" : relation.connective === "after" ? "came before and led to" : "led to";
}

function asChoice(clause: string): string {
  return capitalize(lowerFirst(clause.replace(/[.!]$/, "")));
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
