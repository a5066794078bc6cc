/**
 * Interview items (perspective, sourcing): "In the interview, which of these does <interviewee> say?". An interview
 * is one person's views in their own words, so the safe above-recall item is telling their claims apart from what
 * others put to them: the key is one of the interviewee's answer sentences, verbatim; the distractors are statements
 * the interviewer makes in a question, the narration of the introduction, or another named speaker's words — never
 * one of the interviewee's, and never one that says much the same as any answer (the interviewee would agree with it).
 * Each answer paragraph gives at most one key, so the items test different parts of the interview.
 */
import { formsOf } from "../analyze/entities";
import { innerQuotes, round } from "../analyze/text";
import type { NamedEntity, Sentence } from "../types";
import { PRONOUN_START, sortedChoices, type Candidate, type Context } from "./common";

const STOP = new Set("the a an and or but of to in on at for with by from as is are was were be been it its this that these those they we our us i my me you your he she his her their them has have had not no so do does did will would can could just also than then there here what which who when why how about into more most very".split(" "));

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.replace(/(?:ies|es|s)$/, "")));
}

/** Share of the smaller set's content words found in the other: near 1 when two sentences say the same thing. */
export function overlapShare(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  const small = x.size <= y.size ? x : y;
  const big = small === x ? y : x;
  if (small.size === 0) return 0;
  return [...small].filter((w) => big.has(w)).length / small.size;
}

/** Two statements that say much the same: most of the shorter one's content words, and at least three of them. */
export function saysTheSame(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared >= 3 && overlapShare(a, b) >= 0.5;
}

const FIRST_PERSON = /\b(I|I['’]m|I['’]ve|I['’]d|we|We|my|My|our|Our|me|us)\b/;

const STEMS = [
  (name: string) => `In the interview, which of these statements does ${name} make?`,
  (name: string) => `Which of these is something ${name} says in an answer, rather than something the interviewer or another person says?`,
  (name: string) => `Which statement comes from ${name}'s own answers in the interview?`,
];

/** Words about the interview itself ("We talked about …", "edited for length") are not a claim anyone makes. */
const ABOUT_THE_INTERVIEW = /\b(talked|spoke|sat down|interview(?:ed)?|conversation|edited|condensed|caught up)\b/i;

export function interviewQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const answers = analysis.quotations.filter((q) => q.resolvedBy === "interview");
  const interviewee = answers[0] ? ctx.person(answers[0].speaker) : undefined;
  if (!interviewee || answers.length < 3) return [];
  const answerIds = new Set(answers.map((q) => q.sentenceId));
  const answerTexts = answers.map((q) => q.text);
  // An answer that quotes someone else ("my father told me, '…'") carries another voice: neither key nor distractor.
  const keys = answers
    .map((q) => ({ quote: q, sentence: ctx.byId.get(q.sentenceId)! }))
    .filter(({ quote, sentence }) => keyOk(ctx, quote.text, sentence));
  const distractors = distractorPool(ctx, interviewee, answerIds, answerTexts);
  if (distractors.length < 2) return [];
  const out: Candidate[] = [];
  const perParagraph = new Map<number, number>();
  const byScore = [...keys].sort((a, b) => ctx.score(b.sentence.id) - ctx.score(a.sentence.id) || ctx.order(a.sentence.id) - ctx.order(b.sentence.id));
  const name = interviewee.name;
  let turn = 0;
  for (const { quote, sentence } of byScore) {
    // At most two keys from one answer, so the items cover the interview rather than one reply.
    if ((perParagraph.get(sentence.paragraph) ?? 0) >= 2) continue;
    // Not the question this answer replies to: its premise is what the answer takes up ("The town objected …" → "The
    // town worried …"), so a student could defend it.
    const pool = distractors.filter((d) => !saysTheSame(d.text, quote.text) && ctx.byId.get(d.id)?.paragraph !== askedBefore(ctx, sentence.paragraph));
    if (pool.length < 2) continue;
    perParagraph.set(sentence.paragraph, (perParagraph.get(sentence.paragraph) ?? 0) + 1);
    turn += 1;
    const key = cleanAnswer(quote.text);
    // Two variants with different wrong answers (rotating through the pool): ranking keeps the first that shows no
    // other kept question's answer, and drops the other as a duplicate.
    const count = Math.min(3, pool.length);
    const variants = pool.length > count ? 2 : 1;
    for (let v = 0; v < variants; v++) {
      const picked = Array.from({ length: count }, (_, i) => pool[(turn + v * count + i) % pool.length]!).filter((d, i, all) => all.indexOf(d) === i);
      if (picked.length < 2) continue;
      // "I track every departure" among third-person statements gives itself away: first person only when a wrong
      // answer is in the first person too (another speaker's words).
      if (FIRST_PERSON.test(key) && !picked.some((d) => FIRST_PERSON.test(d.text))) continue;
      const { choices, answer } = sortedChoices(key, picked.map((d) => cleanAnswer(d.text)));
      out.push({
        id: "",
        type: "single",
        prompt: STEMS[(turn - 1) % STEMS.length]!(name),
        choices,
        answer,
        explanation: `${name} says this in an answer: “${innerQuotes(key)}” The other statements come from the questions, the introduction or other people.`,
        skills: ["perspective", "sourcing"],
        difficulty: 2,
        generator: "interview-claim",
        score: round(ctx.score(sentence.id) + 0.3 - 0.01 * v),
        ...ctx.evidence(sentence),
      });
    }
  }
  return out;
}

/** The paragraph of the question an answer paragraph replies to (the nearest question paragraph before it). */
function askedBefore(ctx: Context, paragraph: number): number | undefined {
  const before = ctx.analysis.sentences.filter((s) => s.paragraph < paragraph && /(?:\?["”]?$|^Q\s*[:.])/.test(s.text));
  return before.at(-1)?.paragraph;
}

/**
 * "Which question is <interviewee> answering here?": an answer sentence that shares at least two content words with
 * the question it follows and at most one (and two fewer) with each other question offered, so the text supports exactly one key. It asks
 * what an answer is about (main idea of a turn), which a student can only tell by reading both.
 */
export function answeredQuestionItems(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const answers = analysis.quotations.filter((q) => q.resolvedBy === "interview");
  const interviewee = answers[0] ? ctx.person(answers[0].speaker) : undefined;
  if (!interviewee) return [];
  const answerIds = new Set(answers.map((q) => q.sentenceId));
  // Question turns: the paragraph's last question, label and lead-in statements left out.
  const questions = new Map<number, string>();
  for (const s of analysis.sentences) {
    if (answerIds.has(s.id) || ctx.furniture.has(s.id) || !/\?["”]?$/.test(s.text)) continue;
    // "Listener Jo Park of Salem asks: Do you …?" → the question itself.
    const text = cleanAnswer(s.text).replace(/^[^:?]{3,80}\basks?:\s+/, "");
    if (countWords(text) >= 5 && countWords(text) <= 40 && !/[“”"]/.test(text) && /^\p{Lu}/u.test(text)) questions.set(s.paragraph, text);
  }
  if (questions.size < 3) return [];
  const out: Candidate[] = [];
  const usedQuestions = new Set<number>();
  const shared = (a: string, b: string) => {
    const y = contentWords(b);
    return [...contentWords(a)].filter((w) => y.has(w)).length;
  };
  const byScore = answers.map((q) => ({ quote: q, sentence: ctx.byId.get(q.sentenceId)! })).sort((a, b) => ctx.score(b.sentence.id) - ctx.score(a.sentence.id));
  for (const { quote, sentence } of byScore) {
    const asked = askedBefore(ctx, sentence.paragraph);
    if (asked === undefined || usedQuestions.has(asked) || !questions.has(asked)) continue;
    const text = cleanAnswer(quote.text);
    if (countWords(text) < 8 || countWords(text) > 35 || /[“”"]/.test(text) || (PRONOUN_START.test(text) && !/^(I|We|My|Our)\b/.test(text))) continue;
    const question = questions.get(asked)!;
    if (shared(text, question) < 2) continue;
    const keyShare = shared(text, question);
    // Each wrong question shares clearly fewer words with the answer than the right one (two fewer, at most one).
    const others = [...questions].filter(([p, q]) => p !== asked && shared(text, q) <= Math.min(1, keyShare - 2) && shared(question, q) < 3).map(([, q]) => q);
    if (others.length < 2) continue;
    usedQuestions.add(asked);
    const { choices, answer } = sortedChoices(question, others.slice(0, 3));
    out.push({
      id: "",
      type: "single",
      prompt: `Which question is ${interviewee.name} answering when saying: “${innerQuotes(text)}”?`,
      choices,
      answer,
      explanation: `The answer follows the question “${innerQuotes(question)}” and takes up what it asks about.`,
      skills: ["main-idea", "perspective"],
      difficulty: 2,
      generator: "interview-question",
      score: round(ctx.score(sentence.id) + 0.25),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function cleanAnswer(text: string): string {
  // Speaker labels ("Q:", "A:", "PUTIN:", "Ines Carvalho:") are the page's, not the speaker's words.
  return text.replace(/^(?:[QA]\s*[:.]|[\p{Lu}][\p{L}.'’ -]{1,40}?:)\s+/u, "").replace(/^[“"]|[”"]$/g, "").trim();
}

function keyOk(ctx: Context, text: string, sentence: Sentence): boolean {
  const words = text.split(/\s+/).length;
  if (words < 7 || words > 35 || /\?["”]?$/.test(text) || /[“”"]/.test(text)) return false;
  // "It commits the park …" needs the question to mean anything; "I", "We" and "My" are the interviewee's own voice.
  const opening = cleanAnswer(text);
  if (PRONOUN_START.test(opening) && !/^(I|We|My|Our)\b/.test(opening)) return false;
  if (/^(Yes|No|Well|Sure|Right|Exactly|Absolutely)\b/i.test(opening)) return false;
  // Someone else's words inside the answer ("My father told me to …") are not the interviewee's claim.
  if (/\b(told|tells|asked) (me|us)\b|\b(he|she|they|my \w+|our \w+) (said|says|told|tells)\b/i.test(opening)) return false;
  return !ctx.furniture.has(sentence.id);
}

/**
 * Statements the interviewee does not make: a question's own statements ("The town objected at first."), the
 * introduction's narration that does not name or describe the interviewee, and other named speakers' quotations.
 */
function distractorPool(ctx: Context, interviewee: NamedEntity, answerIds: Set<string>, answerTexts: string[]): { id: string; text: string }[] {
  const { analysis } = ctx;
  const forms = formsOf(interviewee);
  const out: { id: string; text: string }[] = [];
  const seen = new Set<string>();
  const add = (id: string, text: string) => {
    const clean = cleanAnswer(text);
    const words = clean.split(/\s+/).length;
    if (seen.has(clean) || words < 6 || words > 35) return;
    // Something the interviewee says too is no wrong answer.
    if (answerTexts.some((a) => saysTheSame(a, clean))) return;
    seen.add(clean);
    out.push({ id, text: clean });
  };
  for (const sentence of analysis.sentences) {
    if (answerIds.has(sentence.id) || ctx.furniture.has(sentence.id) || sentence.kind !== "paragraph") continue;
    const text = cleanAnswer(sentence.text);
    if (/\?["”]?$/.test(text) || /:$/.test(text) || /[“”"]/.test(text) || PRONOUN_START.test(text) || ABOUT_THE_INTERVIEW.test(text)) continue;
    // Naming or describing the interviewee gives the answer away ("Carvalho, 44, has worked …" is not her own line).
    if (forms.some((f) => text.includes(f)) || /\b(she|he|her|his)\b/i.test(text)) continue;
    // First or second person in narration or a question is about the interviewer or the interviewee: not a clean other voice.
    if (!/^\p{Lu}/u.test(text) || /\b(I|we|We|our|Our|my|My|me|us|you|You|your|Your)\b/.test(text)) continue;
    add(sentence.id, text);
  }
  for (const quote of analysis.quotations) {
    if (quote.speaker === interviewee.name || quote.resolvedBy === "interview" || quote.resolvedBy === "pronoun") continue;
    const sentence = ctx.byId.get(quote.sentenceId);
    if (!sentence || ctx.furniture.has(sentence.id)) continue;
    if (/^\p{Lu}/u.test(quote.text) && /[.!]$/.test(quote.text) && !forms.some((f) => quote.text.includes(f))) add(sentence.id, quote.text);
  }
  return out;
}
