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
  // Each guest of a transcript with several (a radio panel) gets their own items; the others' answers are wrong choices.
  const guests = [...new Set(ctx.analysis.quotations.filter((q) => q.resolvedBy === "interview").map((q) => q.speaker))];
  return guests.flatMap((guest, i) => claimItems(ctx, guest, i));
}

function claimItems(ctx: Context, guest: string, guestIndex: number): Candidate[] {
  const { analysis } = ctx;
  const all = analysis.quotations.filter((q) => q.resolvedBy === "interview");
  const answers = all.filter((q) => q.speaker === guest);
  const interviewee = ctx.person(guest);
  if (!interviewee || answers.length < 3) return [];
  const answerIds = new Set(all.map((q) => q.sentenceId));
  const answerTexts = answers.map((q) => q.text);
  // An answer that quotes someone else ("my father told me, '…'") carries another voice: neither key nor distractor.
  const keys = answers
    .map((q) => ({ quote: q, sentence: ctx.byId.get(q.sentenceId)! }))
    .filter(({ quote, sentence }) => keyOk(ctx, quote.text, sentence));
  const distractors = distractorPool(ctx, interviewee, answerIds, answerTexts);
  // Another guest's own answers are the clearest wrong choices: said in the same programme, by someone else.
  for (const other of all) {
    if (other.speaker === guest || !keyOk(ctx, other.text, ctx.byId.get(other.sentenceId)!)) continue;
    const text = cleanAnswer(other.text);
    if (/[“”"]/.test(text) || answerTexts.some((a) => saysTheSame(a, text)) || formsOf(interviewee).some((f) => text.includes(f))) continue;
    distractors.push({ id: other.sentenceId, text });
  }
  if (distractors.length < 2) return [];
  const out: Candidate[] = [];
  const perParagraph = new Map<number, number>();
  const byScore = [...keys].sort((a, b) => ctx.score(b.sentence.id) - ctx.score(a.sentence.id) || ctx.order(a.sentence.id) - ctx.order(b.sentence.id));
  const name = interviewee.name;
  let turn = guestIndex * 2;
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
    // The host's form of address ("Ms. Fenwick, do you …") would name the one who answers.
    const asked = text.replace(/^(?:(?:Mr|Mrs|Ms|Dr|Director|Judge|Senator|Mayor|Professor|Councilmember|Commissioner)\.?\s+)?\p{Lu}[\p{L}'’-]+,\s+(?=\p{Ll})/u, "");
    const question = asked.charAt(0).toUpperCase() + asked.slice(1);
    if (countWords(question) >= 5 && countWords(question) <= 40 && !/[“”"]/.test(question) && /^\p{Lu}/u.test(question)) questions.set(s.paragraph, question);
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
    // Credited to the guest who spoke this answer (a panel has several).
    const speaker = ctx.person(quote.speaker) ?? interviewee;
    usedQuestions.add(asked);
    const { choices, answer } = sortedChoices(question, others.slice(0, 3));
    out.push({
      id: "",
      type: "single",
      prompt: `Which question is ${speaker.name} answering when saying: “${innerQuotes(text)}”?`,
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
  // A greeting or a self-introduction ("I'm Scott Shaw from Melbourne", "My name is Xu Hao") is no claim.
  if (/^(?:Hi|Hello|Thanks|Thank you)\b|\bI['’]m \p{Lu}[\p{L}'’-]+ \p{Lu}|\bmy name is\b/iu.test(opening)) return false;
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
  // Everything in the interviewee's own turns is theirs, a quotation inside an answer too ("… thinking, “Ooh, let me think
  // about my job in City Hall.”"): never a wrong answer to "which does the interviewee say".
  const ownTurns = new Set((analysis.transcript?.turns ?? []).filter((t) => t.role === "guest" && t.speaker === interviewee.name).map((t) => t.paragraph));
  for (const sentence of analysis.sentences) {
    if (answerIds.has(sentence.id) || ctx.furniture.has(sentence.id) || sentence.kind !== "paragraph" || ownTurns.has(sentence.paragraph)) continue;
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
    if (!sentence || ctx.furniture.has(sentence.id) || ownTurns.has(sentence.paragraph)) continue;
    if (/^\p{Lu}/u.test(quote.text) && /[.!]$/.test(quote.text) && !forms.some((f) => quote.text.includes(f))) add(sentence.id, quote.text);
  }
  return out;
}

/** One exchange of a transcript: the interviewer's question and one guest's answer to it. */
interface Exchange {
  index: number;
  question: string;
  guest: string;
  /** The guest's answer sentences (their turn's paragraphs, up to the next interviewer turn or another speaker). */
  answer: Sentence[];
}

/** The transcript's exchanges whose question can stand alone in a stem, each with its first guest's answer. */
export function exchangesOf(ctx: Context): Exchange[] {
  const transcript = ctx.analysis.transcript;
  if (!transcript) return [];
  const out: Exchange[] = [];
  const sentencesOf = (paragraph: number) => ctx.analysis.sentences.filter((s) => s.paragraph === paragraph);
  let pendingQuestion: string | undefined;
  let current: Exchange | undefined;
  const answerIds = new Set(ctx.analysis.quotations.filter((q) => q.resolvedBy === "interview").map((q) => q.sentenceId));
  for (const turn of transcript.turns) {
    if (turn.role === "interviewer") {
      current = undefined;
      pendingQuestion = standaloneQuestion(sentencesOf(turn.paragraph).map((s) => cleanAnswer(s.text)).filter((t) => !/^(?:Q|A)[.:]$/.test(t)));
      continue;
    }
    if (turn.role !== "guest" || !turn.speaker) {
      if (turn.role === "narration") current = undefined;
      continue;
    }
    if (current && current.guest === turn.speaker && current.index === turn.exchange) {
      current.answer.push(...sentencesOf(turn.paragraph).filter((s) => answerIds.has(s.id)));
      continue;
    }
    if (current || pendingQuestion === undefined) {
      current = undefined;
      continue;
    }
    current = { index: turn.exchange, question: pendingQuestion, guest: turn.speaker, answer: sentencesOf(turn.paragraph).filter((s) => answerIds.has(s.id)) };
    out.push(current);
    pendingQuestion = undefined;
  }
  return out.filter((e) => e.answer.length > 0);
}

/**
 * "Director Okonjo, start with the basic question. Why change a system that most voters seem to like?" → the question,
 * able to stand alone: the turn's last question (or a request: "Tell me about the first summer."), without the host's
 * form of address, with the sentence before it when it leans on it ("… has said the program wastes money. What's your
 * answer to her?"); undefined when it still leans on something ("Is that fair?") or only asks to confirm.
 */
export function standaloneQuestion(sentences: string[]): string | undefined {
  const address = /^(?:(?:Mr|Mrs|Ms|Dr|Director|Judge|Senator|Mayor|Professor|Councilmember|Commissioner)\.?\s+)?\p{Lu}[\p{L}'’-]+,\s+(?=\p{Ll})/u;
  const clean = (t: string) => {
    const x = t.replace(address, "");
    return x.charAt(0).toUpperCase() + x.slice(1);
  };
  let at = sentences.findLastIndex((t) => /\?["”]?$/.test(t));
  if (at < 0) at = sentences.findLastIndex((t) => /^(?:Tell|Talk|Walk|Describe|Explain)\s+(?:me|us)\b/.test(t));
  if (at < 0) return undefined;
  const last = clean(sentences[at]!);
  const opening = /^(?:[^,?]{2,30},\s+)?(?:What|What['’]s|Why|How|Which|Who|Whom|Whose|When|Where|Do|Does|Did|Don['’]t|Doesn['’]t|Is|Isn['’]t|Are|Aren['’]t|Was|Were|Can|Could|Should|Would|Will|Has|Have|Had|Tell|Talk|Walk|Describe|Explain)\b/;
  if (!opening.test(last)) return undefined;
  // Leaning on what came before: a personal pronoun ("What's your answer to her?"), a bare "that"/"this" ("What would
  // that cost?", "Is that fair?"), or too few words of its own ("What worries you?").
  const leans = (t: string) => /\b(it|her|him|them|those|these|he|she|they)\b/i.test(t) || /\b(?:that|this)(?:\s+[\p{Ll}'’]+)?\s*\?$/u.test(t) || /^(?:Is|Isn['’]t|Was|Wasn['’]t)\s+(?:that|this)\b/.test(t) || contentWords(t).size < 2;
  let q = last;
  if (leans(last)) {
    const before = at > 0 ? clean(sentences[at - 1]!) : undefined;
    if (!before || /\?$/.test(before) || PRONOUN_START.test(before) || /^(?:Let['’]s|Let me|Last question|One more)\b/i.test(before)) return undefined;
    q = `${before} ${last}`;
  }
  const words = countWords(q);
  if (words < 4 || words > 38 || /[“”"]/.test(q)) return undefined;
  return q;
}

/** An answer sentence that can be a choice on its own: a statement of 7–32 words in the guest's voice, not leaning back. */
function standaloneAnswer(ctx: Context, sentence: Sentence): string | undefined {
  const text = cleanAnswer(sentence.text);
  const words = countWords(text);
  if (sentence.verbless || words < 7 || words > 32 || /\?["”]?$/.test(text) || /[“”"]/.test(text) || /:$/.test(text) || ctx.furniture.has(sentence.id)) return undefined;
  if (PRONOUN_START.test(text) && !/^(I|We|My|Our)\b/.test(text)) return undefined;
  if (/^(Yes|No|Well|Sure|Right|Exactly|Absolutely|Thanks|Thank you|Because|Not)\b/i.test(text)) return undefined;
  // An elliptical reply ("The first draft was, and …", "It is.") needs the question to mean anything.
  if (/^(?:[\p{L}'’-]+\s+){1,4}(?:was|is|were|are|did|does|do|will|would|can|could|has|have|had)[,.;]/iu.test(text)) return undefined;
  if (/\b(told|tells|asked) (me|us)\b|\b(he|she|they|my \w+|our \w+) (said|says|told|tells)\b/i.test(text)) return undefined;
  return text;
}

const sharedWords = (a: string, b: string) => {
  const y = contentWords(b);
  return [...contentWords(a)].filter((w) => y.has(w)).length;
};

/**
 * Main idea of an answer: "Asked “Why change a system that most voters seem to like?”, what point does Rafael Okonjo
 * make?". The key is the answer's opening statement (an interview answer leads with its point); the wrong choices are
 * the same guest's statements from other answers that share at most one content word with the question and the whole
 * answer, so only the key answers that question. Credited to the guest who spoke the turn.
 */
export function answerPointItems(ctx: Context): Candidate[] {
  const exchanges = exchangesOf(ctx);
  const out: Candidate[] = [];
  for (const exchange of exchanges) {
    const guest = ctx.person(exchange.guest);
    if (!guest) continue;
    // The point comes first (after a short "Not directly." or "Frustration, mostly."); an anecdote further on ("A jury
    // once asked a girl …") illustrates it.
    const opening = exchange.answer.filter((s) => countWords(cleanAnswer(s.text)) >= 7).slice(0, 2);
    const keySentence = opening.find((s) => standaloneAnswer(ctx, s) !== undefined && !FIRST_PERSON_ONLY.test(cleanAnswer(s.text)) && !/\bonce\b/.test(s.text));
    if (!keySentence) continue;
    const key = standaloneAnswer(ctx, keySentence)!;
    // An answer that repeats the question's words ("Do you agree that running both isn't realistic?" / "Running all 94
    // …, yes, I agree that is unrealistic.") is found by matching words, not by reading.
    const asked = contentWords(exchange.question);
    const echoed = [...asked].filter((w) => contentWords(key).has(w)).length;
    if (echoed >= 2 && echoed * 5 >= asked.size * 2) continue;
    const answerText = exchange.answer.map((s) => s.text).join(" ");
    const pool = exchanges
      .filter((e) => e !== exchange && e.guest === exchange.guest)
      .flatMap((e) => e.answer)
      .filter((s) => {
        const t = standaloneAnswer(ctx, s);
        return t !== undefined && sharedWords(t, exchange.question) <= 1 && sharedWords(t, answerText) <= 2 && !saysTheSame(t, key);
      })
      .sort((a, b) => ctx.score(b.id) - ctx.score(a.id) || ctx.order(a.id) - ctx.order(b.id));
    // One wrong choice per other answer, so the choices are three different topics.
    const picked: Sentence[] = [];
    for (const s of pool) if (picked.length < 3 && !picked.some((p) => p.paragraph === s.paragraph)) picked.push(s);
    if (picked.length < 2) continue;
    // "I …" beside third-person statements gives itself away either way: person must not tell the key.
    const keyFirst = FIRST_PERSON.test(key);
    if (picked.every((p) => FIRST_PERSON.test(cleanAnswer(p.text)) !== keyFirst)) continue;
    const { choices, answer } = sortedChoices(key, picked.map((p) => standaloneAnswer(ctx, p)!));
    out.push({
      id: "",
      type: "single",
      prompt: `In the interview, ${guest.name} is asked: “${innerQuotes(exchange.question)}” What is the main point of the answer?`,
      choices,
      answer,
      explanation: `${guest.name} opens the answer with this point: “${innerQuotes(key)}” The other statements are from answers to other questions.`,
      skills: ["main-idea", "perspective"],
      difficulty: 2,
      generator: "interview-point",
      score: round(ctx.score(keySentence.id) + 0.3),
      ...ctx.evidence(keySentence),
    });
  }
  return out;
}

/** A bare first-person report with no claim in it ("I read about a peer court …") is a story, not a point. */
const FIRST_PERSON_ONLY = /^I (?:was|read|remember|had|went|saw|met|called|heard|grew)\b/;
const EVIDENCE_DETAIL = /\d|\b(?:for example|for instance|once|last (?:year|spring|month|week)|in the pilot|percent|half|a third|two thirds|twice|double)\b/i;

/**
 * Claim and evidence inside one answer: "Miriam Solberg says: “…” Which statement from her answers best supports
 * this?" The claim is an opinion or general statement of the guest's (no figure); the key is a sentence of the same
 * answer after it that carries a figure or an example and shares a content word with it; the wrong choices are the
 * guest's figures and examples from other answers that share no content word with the claim.
 */
export function answerEvidenceItems(ctx: Context): Candidate[] {
  const exchanges = exchangesOf(ctx);
  const out: Candidate[] = [];
  const used = new Set<number>();
  for (const exchange of exchanges) {
    const guest = ctx.person(exchange.guest);
    if (!guest || used.has(exchange.index)) continue;
    for (const [i, claimSentence] of exchange.answer.entries()) {
      const claim = standaloneAnswer(ctx, claimSentence);
      if (!claim || EVIDENCE_DETAIL.test(claim) || FIRST_PERSON_ONLY.test(claim) || countWords(claim) > 25) continue;
      const key = exchange.answer.slice(i + 1, i + 4).find((s) => {
        const t = standaloneAnswer(ctx, s);
        return t !== undefined && EVIDENCE_DETAIL.test(t) && (sharedWords(t, claim) >= 1 || s === exchange.answer[i + 1]);
      });
      if (!key) continue;
      const keyText = standaloneAnswer(ctx, key)!;
      const answerText = exchange.answer.map((s) => s.text).join(" ");
      const pool = exchanges
        .filter((e) => e.index !== exchange.index && e.guest === exchange.guest)
        .flatMap((e) => e.answer)
        .filter((s) => {
          const t = standaloneAnswer(ctx, s);
          return t !== undefined && EVIDENCE_DETAIL.test(t) && sharedWords(t, claim) === 0 && sharedWords(t, answerText) <= 2;
        })
        .sort((a, b) => ctx.score(b.id) - ctx.score(a.id));
      const picked: Sentence[] = [];
      for (const s of pool) if (picked.length < 3 && !picked.some((p) => p.paragraph === s.paragraph)) picked.push(s);
      if (picked.length < 2) continue;
      const keyFirst = FIRST_PERSON.test(keyText);
      if (picked.every((p) => FIRST_PERSON.test(cleanAnswer(p.text)) !== keyFirst)) continue;
      const { choices, answer } = sortedChoices(keyText, picked.map((p) => standaloneAnswer(ctx, p)!));
      used.add(exchange.index);
      out.push({
        id: "",
        type: "single",
        prompt: `In the interview, ${guest.name} says: “${innerQuotes(claim)}” Which statement from ${guest.name}'s answers best supports this?`,
        choices,
        answer,
        explanation: `In the same answer, ${guest.name} backs the point up: “${innerQuotes(keyText)}” The other statements are about other questions.`,
        skills: ["evidence", "main-idea"],
        difficulty: 3,
        generator: "interview-evidence",
        score: round(ctx.score(key.id) + 0.3),
        ...ctx.evidence(key),
      });
      break;
    }
  }
  return out;
}
