/**
 * Cause and effect, from the article's own connectives, only where the article states both as full clauses.
 * "According to the article, what led to this: “…”?" with the cause as key; the distractors are other events and
 * reasons the article states elsewhere, in the same form (full clauses), that it does not give as this effect's
 * cause. A cause in the sentence before the effect ("… . As a result, …") asks the student to connect two
 * sentences (cause-effect); a "because" inside the effect's own sentence is found by reading one sentence, so the
 * item is tagged recall first.
 */
import { isFullClause, isPastEvent } from "../analyze/clauses";

/** Advice in the imperative ("Find a coordinator who likes teenagers") has no subject: no effect to explain. */
const IMPERATIVE = /^(?:Find|Train|Go|Make|Take|Give|Let|Ask|Keep|Get|Put|Tell|Call|Write|Read|Come|Try|Use|Look|Measure|Build|Bring|Send|Stop|Start|Check|Talk|Think|Remember|Pay|Vote|Watch|Listen|Do not|Don['’]t|Never|Always)\b/;
import { contentWords, countWords, innerQuotes, jaccard, lowerFirst, overlap, round, wordPattern } from "../analyze/text";
import type { Sentence } from "../types";
import { PRONOUN_START, sortedChoices, type Candidate, type Context } from "./common";

const REPORTING = /\b(said|says|argued|argues|told|according|added|noted|stated|wrote|believes?|believed|claimed|claims)\b/i;

export function causeEffectQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const captions = captionParagraphs(analysis.sentences);
  const title = contentWords(analysis.title ?? "");
  // A sentence that can be offered as a choice out of context: a full clause in the article's own voice, not a
  // caption, not the headline restated, not a quotation, an opinion or first person.
  const choiceSentence = (s: Sentence) =>
    ctx.eligible(s, 30) &&
    !captions.has(s.paragraph) &&
    !ctx.hasQuote(s) &&
    !ctx.isOpinion(s) &&
    !ctx.firstPerson(s) &&
    !(title.size > 0 && overlap(contentWords(s.text), title) >= 0.6) &&
    isFullClause(s.text);
  for (const relation of analysis.causes) {
    if (!relation.clauses || relation.connective === "after") continue;
    const sentence = ctx.byId.get(relation.sentenceId)!;
    const causeSentence = relation.causeSentenceId ? ctx.byId.get(relation.causeSentenceId) : undefined;
    if (!ctx.eligible(sentence, 45) && !(causeSentence && acrossEligible(ctx, sentence))) continue;
    if (captions.has(sentence.paragraph) || (causeSentence && (captions.has(causeSentence.paragraph) || !choiceSentence(causeSentence)))) continue;
    // "X said Moscow abstained because …" and "Three years is short, Vos said, because …": the reason is X's account.
    const reported = /^(.+?),?\s+(?:said|says|told reporters|argued|explained)\s+(?:that\s+)?(.{8,})$/.exec(relation.effect);
    const trailing = /^(.{8,}?),\s+([^,]{2,40}?)\s+(?:said|says|argued|explained)\.?$/.exec(relation.effect);
    const sourceIn = (text: string) => ctx.people.find((p) => text.includes(p.name) || p.variants.some((v) => wordPattern([v], false).test(text)));
    // An interviewee's answer is their reasoning: "According to <interviewee>", never "according to the article".
    const answeredBy = analysis.quotations.find((q) => q.sentenceId === sentence.id && q.resolvedBy === "interview")?.speaker;
    const source = reported ? sourceIn(reported[1]!) : trailing ? sourceIn(trailing[2]!) : answeredBy ? ctx.person(answeredBy) : undefined;
    if ((reported || trailing) && !source) continue;
    const effect = reported && source ? reported[2]! : trailing && source ? trailing[1]! : relation.effect;
    if (!isFullClause(effect) || PRONOUN_START.test(effect.replace(/^there\b/i, "x")) || IMPERATIVE.test(effect)) continue;
    // The author's own reasoning in a column is the author's claim, and the question says so.
    const authorsClaim = !source && (ctx.isOpinion(sentence) || (ctx.analysis.genre === "opinion" && !/\b(said|says|according to)\b/i.test(sentence.text)));
    const key = asChoice(relation.cause);
    const keyWords = countWords(key);
    const effectWords = contentWords(effect);
    // Two sentences either side of the effect, and the cause's own neighbours, may well be causes of it too.
    const near = (s: Sentence) => Math.abs(ctx.order(s.id) - ctx.order(sentence.id)) <= 2 || (!!causeSentence && Math.abs(ctx.order(s.id) - ctx.order(causeSentence.id)) <= 1);
    // Other reasons the article gives (causes of other effects) first, then other past events; never the sentences
    // around the effect (which may well be causes of it too), nor one about the same thing as the effect.
    const otherCauses = analysis.causes
      .filter((c) => c !== relation && c.clauses && jaccard(contentWords(c.effect), effectWords) < 0.3)
      .map((c) => ({ sentence: ctx.byId.get(c.causeSentenceId ?? c.sentenceId)!, text: c.cause }));
    // Events, not reports of what someone said: three "Officials said …" choices would differ from the key by form.
    const events = analysis.sentences.filter((s) => choiceSentence(s) && isPastEvent(s.text) && !REPORTING.test(s.text)).map((s) => ({ sentence: s, text: s.text }));
    const seen = new Set([key.toLowerCase()]);
    const distractors: string[] = [];
    for (const option of [...otherCauses, ...events.sort((a, b) => Math.abs(countWords(a.text) - keyWords) - Math.abs(countWords(b.text) - keyWords))]) {
      if (distractors.length >= 3) break;
      if (option.sentence.id === sentence.id || option.sentence.id === causeSentence?.id || near(option.sentence) || captions.has(option.sentence.paragraph)) continue;
      const text = asChoice(option.text);
      const words = countWords(text);
      // Same form and about the same length as the key, so length and shape give nothing away.
      // A pronoun anywhere ("bought two boats to replace it") leans on a sentence the student is not shown.
      // A speaker label ("NPR: …") or a broken-off clause ("… -- and I signed") is transcript text, not a cause.
      if (/^[\p{Lu}][\p{L}.'’ -]{1,40}?:\s/u.test(text) || /\s--?\s/.test(text)) continue;
      if (!isFullClause(text) || words < keyWords / 2 || words > keyWords * 2 + 4 || PRONOUN_START.test(text) || /\b(he|she|him|her|it|they|them|this|these|those)\b/i.test(text)) continue;
      if (seen.has(text.toLowerCase()) || overlap(contentWords(text), effectWords) >= 0.5 || overlap(contentWords(text), contentWords(key)) >= 0.6) continue;
      seen.add(text.toLowerCase());
      distractors.push(text);
    }
    if (distractors.length < 2) continue;
    const { choices, answer } = sortedChoices(key, distractors);
    const quoted = `“${innerQuotes(capitalize(effect.replace(/[.!]$/, "")))}”`;
    const asker = source ? `According to ${source.name}` : authorsClaim ? "According to the author" : "According to the article";
    out.push({
      id: "",
      type: "single",
      prompt: relation.connective === "because" || source || authorsClaim ? `${asker}, what is the reason for this: ${quoted}?` : `${asker}, what led to this: ${quoted}?`,
      choices,
      answer,
      explanation: causeSentence
        ? `The article says “${innerQuotes(causeSentence.text)}” and then “${innerQuotes(sentence.text)}”: the second follows from the first (“${relation.connective}”).`
        : `The article links them with “${relation.connective}”: ${innerQuotes(sentence.text)}`,
      // Reading one sentence finds a "because" clause: recall. Connecting two sentences is cause and effect.
      skills: causeSentence ? ["cause-effect"] : ["recall", "cause-effect"],
      difficulty: causeSentence ? 3 : 2,
      generator: "cause-effect",
      score: round(ctx.score(sentence.id) + (causeSentence ? 0.45 : 0.1)),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

/** An effect sentence opening with its connective ("As a result, the council …") is eligible on its own terms. */
function acrossEligible(ctx: Context, sentence: Sentence): boolean {
  const rest = sentence.text.replace(/^[^,]{2,25},\s+/, "");
  return ctx.eligible({ ...sentence, text: rest[0]!.toUpperCase() + rest.slice(1) }, 45);
}

/**
 * Paragraphs that read as a photo caption or credit: one opening with a verbless scene line dated or placed like a
 * caption ("Peacekeepers at a refugee camp in Sudan on Monday.", "… (left) …"), or holding a credit ("Credit …",
 * "(Reuters)"). Nothing in them is a cause, an effect, an event or a choice. A short verbless answer ("Rarely.") is
 * not a caption.
 */
export function captionParagraphs(sentences: Pick<Sentence, "paragraph" | "text" | "verbless">[]): Set<number> {
  const out = new Set<number>();
  const seen = new Set<number>();
  for (const s of sentences) {
    const first = !seen.has(s.paragraph);
    seen.add(s.paragraph);
    if (/^\(?(?:Photo|Credit|Image|Caption|Pictured)\b/.test(s.text) || /^\([^)]{2,40}\)\.?$/.test(s.text)) out.add(s.paragraph);
    else if (first && s.verbless && s.text.split(/\s+/).length >= 4 && CAPTION_CUE.test(s.text)) out.add(s.paragraph);
  }
  return out;
}

const CAPTION_CUE = /\b(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|(?:1[89]|20)\d{2})\b|\b(?:pictured|left|right|center|centre|above|below|file photo)\b/i;

function asChoice(clause: string): string {
  return capitalize(lowerFirst(clause.replace(/[.!]$/, "")));
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
