/**
 * Cause and effect, from the article's own connectives. "According to the article, what led to this? …" with the
 * cause as key and the causes of other relations (or other clauses of the article) as distractors.
 */
import { countWords, innerQuotes, lowerFirst, round, wordPattern } from "../analyze/text";
import type { CauseEffect } from "../types";
import { sortedChoices, type Candidate, type Context } from "./common";

export function causeEffectQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  // Other clauses the article states, as fallback distractors: first clauses of fact sentences.
  const nearby = (id: string, sentenceId: string) => Math.abs(ctx.order(id) - ctx.order(sentenceId)) <= 2;
  const fallback = analysis.sentences
    // Not a question turn, nor words addressed to someone ("You and President Bush seem …"): those are no one's cause.
    .filter((s) => ctx.isCheckableFact(s) && s.words <= 25 && s.kind === "paragraph" && !/\?["”]?$/.test(s.text) && !/\b(you|your)\b/i.test(s.text))
    .map((s) => ({ id: s.id, text: s.text.replace(/[.!]$/, "").split(/,\s+/)[0]! }))
    // "Although no explosives were found, many of the calls" is a subordinate clause cut from its sentence, not a statement.
    .filter((c) => countWords(c.text) >= 5 && countWords(c.text) <= 18 && !/^(Although|Though|While|When|If|Because|As|Since|After|Before|Unless|Until|Whether)\b/.test(c.text));
  const pool = [...analysis.causes.map((c) => ({ id: c.sentenceId, text: c.cause })), ...fallback];
  for (const relation of analysis.causes) {
    const sentence = ctx.byId.get(relation.sentenceId)!;
    // Only the connectives that state a cause: "after" orders events and does not say one caused the other.
    if (relation.connective === "after" || !ctx.eligible(sentence, 45)) continue;
    if (countWords(relation.cause) > 25 || countWords(relation.cause) < 3 || countWords(relation.effect) > 30) continue;
    // "Although no explosives were found, many of the calls" is a clause cut out of its sentence: no answer to show.
    if (/^(Although|Though|While|Whereas|Unless|Whether)\b/.test(relation.cause)) continue;
    // "X said Moscow abstained because …" and "Three years is short, Vos said, because …": the reason is X's account.
    const reported = /^(.+?),?\s+(?:said|says|told reporters|argued|explained)\s+(?:that\s+)?(.{8,})$/.exec(relation.effect);
    const trailing = /^(.{8,}?),\s+([^,]{2,40}?)\s+(?:said|says|argued|explained)\.?$/.exec(relation.effect);
    const sourceIn = (text: string) => ctx.people.find((p) => text.includes(p.name) || p.variants.some((v) => wordPattern([v], false).test(text)));
    // An interviewee's answer is their reasoning: "According to <interviewee>", never "according to the article".
    const answeredBy = analysis.quotations.find((q) => q.sentenceId === sentence.id && q.resolvedBy === "interview")?.speaker;
    const source = reported ? sourceIn(reported[1]!) : trailing ? sourceIn(trailing[2]!) : answeredBy ? ctx.person(answeredBy) : undefined;
    if ((reported || trailing) && !source) continue;
    // "Fairhaven faces a shortfall, mostly because …": the hedge belongs to the connective, not to the effect.
    const effect = (reported && source ? reported[2]! : trailing && source ? trailing[1]! : relation.effect).replace(/,?\s+(mostly|largely|partly|mainly|primarily|in part|chiefly|only)$/i, "");
    if (countWords(effect) < 4) continue;
    // The author's own reasoning in a column is the author's claim, and the question says so.
    const authorsClaim = !source && (ctx.isOpinion(sentence) || (ctx.analysis.genre === "opinion" && !/\b(said|says|according to)\b/i.test(sentence.text)));
    const key = asChoice(relation.cause);
    // Distractors are clauses from elsewhere in the article (never the sentences around the effect, which may well
    // be causes of it too) that read as statements: no list fragments, no lead-ins, no attributions.
    const distractors = [...new Map(pool.filter((c) => c.id !== sentence.id && !nearby(c.id, sentence.id)).map((c) => [asChoice(c.text), c])).keys()]
      .filter((c) => c !== key && countWords(c) >= 4 && !relation.effect.includes(c) && !c.includes(relation.effect) && !sentence.text.includes(c.replace(/\.$/, "")) && !/^(He|She|They|It|We|I|This|That|According|\$|\d)/.test(c) && !/[:;]$/.test(c) && !/\b(said|says|told)\b/.test(c))
      // A speaker label ("NPR: …") or a broken-off clause ("… -- and I signed") is transcript text, not a cause.
      .filter((c) => !/^[\p{Lu}][\p{L}.'’ -]{1,40}?:\s/u.test(c) && !/\s--?\s/.test(c) && !/^(Although|Though|While|Whereas|Unless|Whether)\b/.test(c))
      .slice(0, 3);
    if (distractors.length < 2) continue;
    const { choices, answer } = sortedChoices(key, distractors);
    out.push({
      id: "",
      type: "single",
      prompt: source
        ? `According to ${source.name}, what is the reason for this? “${innerQuotes(capitalize(effect))}.”`
        : authorsClaim
          ? `According to the author, what is the reason for this? “${innerQuotes(capitalize(effect))}.”`
          : relation.connective === "because"
            ? `According to the article, what is the reason for this? “${innerQuotes(capitalize(effect))}.”`
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
