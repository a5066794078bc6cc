/**
 * True or false (recall). False items swap one entity (same kind and role), one number (clearly different) or one
 * date in a sentence, and pass the swap gates; true items copy a fact as written. An opinion is never offered as a
 * plain fact: it is attributed ("According to the author, …").
 */
import { danglingPronoun, formsOf } from "../analyze/entities";
import { innerQuotes, lowerFirst, round, wordPattern } from "../analyze/text";
import { sameKindAndRole, stillTrueProblem, swapParseProblem } from "../gates/swap";
import type { ArticleAnalysis, NamedEntity, NumberMention, Sentence } from "../types";
import { explanationFor, type Candidate, type Context } from "./common";
import { judgment, REPORTED_SPEECH } from "./fact-opinion";
import { isTriviaNumber, numberDistractors } from "./numeric";

export function trueFalseQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const central = ctx.centralThreshold();
  // Names already swapped in: the same wrong name in every false item would give the key away.
  const used = new Map<string, number>();
  // True and false items are reworded alike wherever a faithful rewording exists, so "the one that reads differently
  // from the article" is no clue to the key: only the meaning tells.
  const maybeReword = (text: string) => rewordFaithfully(text) ?? text;
  for (const sentence of analysis.sentences) {
    if (!ctx.eligible(sentence, 32) || ctx.hasQuote(sentence) || ctx.firstPerson(sentence)) continue;
    // An interviewee's answer is their account, not the article's fact: copied it reads as fact, swapped it is a trap.
    if (analysis.quotations.some((q) => q.sentenceId === sentence.id && q.resolvedBy === "interview")) continue;
    // "Neither has Sudan's status …", "Instead, …": a statement that leans on the sentence before it.
    if (/^(Neither|Nor|Instead|Likewise|Similarly|Otherwise|Even so|Again|Both)\b/.test(sentence.text)) continue;
    // A pronoun subject after the opening clause ("When the library closes, they …") leans on another sentence.
    if (/,\s+(they|he|she|it|we)\b/i.test(sentence.text)) continue;
    // "In January, his team published …": a person's pronoun before the sentence names anyone (the lesson summary's rule).
    if (danglingPronoun(sentence.text, analysis.entities.flatMap((e) => [e.name, ...e.variants]))) continue;
    const statement = sentence.text.replace(/\s*[.!]$/, ".");
    const opinion = ctx.opinionOf(sentence);
    if (opinion) {
      // A judgment can be true only as a report of who holds it.
      const holder = opinion.holder === "author" ? "the author" : opinion.holder;
      if (opinion.holder === "quoted") continue;
      // "The author" is a columnist or an analyst; in a report or an interview the narration is the reporter's, and an
      // answer is the interviewee's, so no one can be named as holding the view.
      if (opinion.holder === "author" && analysis.genre !== "opinion" && analysis.genre !== "analysis") continue;
      // Only a real judgment (an evaluative word, a belief verb) is a view to attribute; a column's scene-setting is not.
      if (!judgment(opinion.cues) || REPORTED_SPEECH.test(sentence.text)) continue;
      out.push({
        id: "",
        type: "true_false",
        prompt: `True or false? According to ${holder}, ${startsWithName(statement, analysis) ? statement : lowerFirst(statement[0]!.toLowerCase() + statement.slice(1))}`,
        answer: true,
        explanation: `True. This is ${holder === "the author" ? "the author's" : `${holder}'s`} view, not a checked fact. ${explanationFor(sentence)}`,
        skills: ["recall", "fact-opinion"],
        difficulty: 1,
        generator: "true-false-original",
        score: round(ctx.score(sentence.id) - 0.15),
        ...ctx.evidence(sentence),
      });
      continue;
    }
    const swap = entitySwap(sentence, analysis, used) ?? numberSwap(sentence, analysis.numbers, analysis.sentences) ?? dateSwap(sentence, analysis);
    if (swap) {
      out.push({
        id: "",
        type: "true_false",
        prompt: `True or false? ${maybeReword(swap.text.replace(/\s*[.!]$/, "."))}`,
        answer: false,
        explanation: `False. The article says “${innerQuotes(sentence.text)}” (${swap.from}, not ${swap.to}).`,
        feedbackTrue: `Check the article again: it says ${swap.from}, not ${swap.to}.`,
        skills: ["recall"],
        difficulty: 2,
        generator: "true-false-swap",
        score: round(ctx.score(sentence.id) + 0.1),
        ...ctx.evidence(sentence),
      });
    }
    // A statement copied as written is worth asking only when it carries the story (at least the median centrality).
    if (ctx.score(sentence.id) < central) continue;
    const shown = maybeReword(statement);
    out.push({
      id: "",
      type: "true_false",
      prompt: `True or false? ${shown}`,
      answer: true,
      explanation: shown === statement ? `True. ${explanationFor(sentence)}` : `True. The statement says in other words what the article says: “${innerQuotes(sentence.text)}”`,
      skills: ["recall"],
      difficulty: 1,
      generator: "true-false-original",
      // A true statement copied from the text is the easiest item; rank it below the swapped one.
      score: round(ctx.score(sentence.id) - 0.2),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

export interface Swap {
  text: string;
  from: string;
  to: string;
}

export function entitySwap(sentence: Sentence, analysis: ArticleAnalysis, used: Map<string, number> = new Map()): Swap | undefined {
  const entities = analysis.entities;
  // People only: a place or an organization swapped in may contain, or stand for, the original ("at Fairhaven" for
  // "at City Hall"), which leaves a "false" statement that is still true.
  const inSentence = entities.filter((e) => e.sentenceIds.includes(sentence.id) && e.kind === "person");
  for (const entity of inSentence) {
    // Only the bare name or surname is swapped; titled forms ("Ambassador Liu Jieyi") carry a role the swap would contradict.
    const form = [entity.name, ...entity.variants.filter((v) => !v.includes(" "))].find((f) => {
      const matches = [...sentence.text.matchAll(wordPattern([f], false))];
      if (matches.length !== 1) return false;
      const before = sentence.text.slice(0, matches[0]!.index);
      const after = sentence.text.slice(matches[0]!.index + f.length);
      return !/^\s+\p{Lu}/u.test(after) && !/\p{Lu}[\p{L}.]*\s+$/u.test(before) && !/^['’]s\b/.test(after) && !inSentence.some((o) => o !== entity && formsOf(o).some((x) => x !== f && x.includes(f)));
    });
    if (!form) continue;
    // Never a relative who shares the surname: "Anton Moll climbs … with her sleeve" confuses more than it tests.
    const surname = (e: NamedEntity) => e.name.split(/\s+/).at(-1);
    // The least used fitting name first (then the article's order), so false items don't share one planted name.
    const replacement = entities
      .filter((o) => o !== entity && o.kind === "person" && surname(o) !== surname(entity) && sameKindAndRole(entity, o) && !o.sentenceIds.includes(sentence.id) && o.mentions >= 1)
      .sort((a, b) => (used.get(a.name) ?? 0) - (used.get(b.name) ?? 0))
      .find((o) => swapOk(sentence, entity, o, form, analysis));
    if (!replacement) continue;
    used.set(replacement.name, (used.get(replacement.name) ?? 0) + 1);
    const replacementForm = replacementFormFor(entity, replacement, form);
    return { text: sentence.text.replace(wordPattern([form], false), replacementForm), from: form, to: replacementForm };
  }
  return undefined;
}

function replacementFormFor(entity: NamedEntity, replacement: NamedEntity, form: string): string {
  // The same kind of form as the original: a surname for a surname ("Reyes" → "Whitfield", not "Dana"), an honorific for an honorific.
  const last = replacement.name.split(/\s+/).at(-1)!;
  const honorific = /^(Mr|Mrs|Ms|Dr)\.?\s/.exec(form)?.[0];
  const sameShape = honorific ? replacement.variants.find((v) => v.startsWith(honorific)) : replacement.variants.find((v) => v === last) ?? (replacement.variants.includes(last) ? last : undefined);
  let replacementForm = form === entity.name ? replacement.name : (sameShape ?? replacement.variants.find((v) => !v.includes(" ")) ?? replacement.name);
  // "the United States", "the Netherlands": names that take an article need it when they replace one that doesn't.
  if (/^(United|Netherlands|Philippines|European|Czech Republic|Dominican Republic|Gulf|Middle East)\b/.test(replacementForm)) replacementForm = `the ${replacementForm}`;
  return replacementForm;
}

function swapOk(sentence: Sentence, entity: NamedEntity, replacement: NamedEntity, form: string, analysis: ArticleAnalysis): boolean {
  const replacementForm = replacementFormFor(entity, replacement, form);
  const swapped = sentence.text.replace(wordPattern([form], false), replacementForm);
  if (swapParseProblem(swapped)) return false;
  return !stillTrueProblem(sentence, formsOf(entity), formsOf(replacement), analysis.sentences);
}

function numberSwap(sentence: Sentence, numbers: NumberMention[], sentences: Sentence[]): Swap | undefined {
  for (const number of numbers.filter((n) => n.sentenceId === sentence.id)) {
    if (sentence.text.split(number.text).length !== 2 || isTriviaNumber(sentence.text, number.text, number.value)) continue;
    const distractor = numberDistractors(number, numbers).find((d) => !stillTrueProblem(sentence, [number.text], [d.text], sentences));
    if (!distractor) continue;
    const text = sentence.text.replace(number.text, distractor.text);
    if (swapParseProblem(text)) continue;
    return { text, from: number.text, to: distractor.text };
  }
  return undefined;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function dateSwap(sentence: Sentence, analysis: ArticleAnalysis): Swap | undefined {
  for (const date of analysis.dates.filter((d) => d.sentenceId === sentence.id && d.explicit)) {
    // Years are not swapped: a year two off reads as a near-equal number, and a student can't tell a typo from a trap.
    const month = MONTHS.find((m) => date.text.includes(m));
    // "March 31" → "June 31" is an impossible date a student spots without reading: only days every month has.
    const day = Number(/\b(\d{1,2})\b/.exec(date.text)?.[1] ?? 1);
    if (month && day <= 28) {
      const other = MONTHS[(MONTHS.indexOf(month) + 3) % 12]!;
      const text = date.text.replace(month, other);
      return { text: sentence.text.replace(date.text, text), from: date.text.trim(), to: text.trim() };
    }
  }
  return undefined;
}

const SPEECH_SWAP: Record<string, string> = { said: "stated", says: "states", told: "informed", announced: "said" };

/**
 * The same statement in slightly different words, so a true item does not always copy the article word for word:
 * the attribution moved to the front ("…, officials said Thursday." → "Officials said Thursday that …"), a time
 * phrase moved to the end ("On Friday, the board will vote." → "The board will vote on Friday."), or "said" as
 * "stated". Only the order and the speech verb change, never a name, a number or a negation; undefined when none fits.
 */
export function rewordFaithfully(statement: string): string | undefined {
  const text = statement.trim();
  if (/[“”"]/.test(text) || !/\.$/.test(text)) return undefined;
  // "Additionally, the indictment charges …" → "The indictment charges …": the connective only links to the sentence before.
  const connective = /^(?:Additionally|In addition|Finally|Also|Meanwhile|Moreover|Furthermore),\s+(\p{L})/u.exec(text);
  if (connective) {
    const rest = text.slice(connective[0].length - 1);
    return rewordFaithfully(`${rest[0]!.toUpperCase()}${rest.slice(1)}`) ?? `${rest[0]!.toUpperCase()}${rest.slice(1)}`;
  }
  // "<clause>, <subject> said <time>." → "<Subject> said <time> that <clause>."
  const tail = /^(\p{Lu}[^]*?[^,]{12,}),\s+((?:the\s+|an?\s+)?(?:[\p{L}.'’-]+\s+){0,5}?[\p{L}.'’-]+)\s+(said|says|told reporters|announced)((?:\s+(?:on\s+)?(?:late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last week|this week))?)\.$/u.exec(text);
  if (tail && !/,/.test(tail[2]!) && !/\b(?:who|which|that|and|but)\b/.test(tail[2]!) && !/^(?:he|she|they|it|we|I)$/i.test(tail[2]!)) {
    const subject = tail[2]!.replace(/^(the|an?)\b/, (m) => m[0]!.toUpperCase() + m.slice(1));
    const clause = /^(?:I\b|[\p{Lu}][\p{L}'’-]*\s+\p{Lu}|\p{Lu}{2,}|[\p{Lu}][\p{L}'’.-]*\s+(?:[\p{Lu}]|said|says|will|has|is|was))/u.test(tail[1]!) ? tail[1]! : lowerFirstWord(tail[1]!);
    return `${subject[0]!.toUpperCase()}${subject.slice(1)} ${tail[3]}${tail[4]} that ${clause}.`;
  }
  // "On Friday, the board will vote." → "The board will vote on Friday."
  const time = /^((?:On|In|Last|This|Next|Early|Late)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|spring|summer|fall|autumn|winter)\b[\w ]{0,14}?|\d{4}))\s*,\s+(\p{L}[^,]*)\.$/u.exec(text);
  if (time && !/^(?:I|he|she|they|it|we)\b/i.test(time[2]!)) {
    const rest = time[2]!;
    return `${rest[0]!.toUpperCase()}${rest.slice(1)} ${lowerFirstWord(time[1]!)}.`;
  }
  // "X said the plan would …" → "X stated the plan would …": one speech verb outside quotations.
  const verbs = text.match(/\b(said|says)\b/g) ?? [];
  if (verbs.length === 1) return text.replace(/\b(said|says)\b/, (m) => SPEECH_SWAP[m]!);
  return undefined;
}

function lowerFirstWord(text: string): string {
  return text[0]!.toLowerCase() + text.slice(1);
}

/** True when the sentence opens with a name, which keeps its capital after "According to …,". */
function startsWithName(text: string, analysis: ArticleAnalysis): boolean {
  return analysis.entities.some((e) => formsOf(e).some((f) => text.startsWith(f))) || /^(I|[A-Z]{2,})\b/.test(text);
}
