/**
 * The argument of an opinion column, above recall and keyed only on the column's own structure:
 * - thesis: which statement best states the author's main claim (the author's judgment that shares the headline's
 *   words, from the opening or the closing paragraph; distractors are an opponent's claim and checkable facts);
 * - claim and evidence: which detail supports a claim the author makes (the fact that follows the claim in the
 *   same paragraph; distractors are facts from other paragraphs that share no content word with the claim);
 * - rebuttal: how the author answers the critics ("Critics say …" followed by the author's "But …" reply; the
 *   distractors are the author's other sentences that are not replies, and the critics' own words are never a choice).
 * Each item cites its evidence sentence(s); when a part is missing or ambiguous, no item is made.
 */
import { contentWords, innerQuotes, round } from "../analyze/text";
import type { Sentence } from "../types";
import { compatibleSentences, sortedChoices, type Candidate, type Context } from "./common";
import { judgment } from "./fact-opinion";

/** An opponent's view reported by the author: "Critics say …", "Some opponents also argue that …". */
const OPPONENTS = /^(?:(?:some|many|other)\s+)?(?:critics|opponents|skeptics|sceptics|detractors|supporters of (?:the|this|a) [\p{L}-]+|defenders of (?:the|this) [\p{L}-]+|those who (?:oppose|support) [\p{L} ]{1,30}|people who (?:oppose|support) [\p{L} ]{1,30})(?:\s+\w+){0,3}?\s+(?:also\s+)?(?:say|says|argue|argues|claim|claims|warn|warns|worry|worries|insist|insists|contend|contends|object|complain|point out|point to|fear|fears)\b/iu;
/** The author's reply: a turn that opens the next sentence. */
const REPLY = /^(?:But|However|Yet|Still|In fact|That is not|That isn['’]t|That argument|This argument|The evidence|The opposite|The truth|The record|The numbers|The data|The cost is real, but)\b/;
const JUDGING = /\b(should|must|deserves?|need to|needs to|it is time|ought to|we urge|is (?:a|an) (?:modest|reasonable|sensible|bad|good|false|better|costly|mistake)|would be (?:a )?(?:mistake|wise|better))\b/i;
/** A plan or a hypothesis ("The commission would hold …", "No lawmaker could serve"): a description, not a claim to support. */
const HYPOTHETICAL = /\b(would|could|will|may|might|can)\b/i;
/** A finite verb in the present or past: "Service that comes once an hour loses riders", "The pool is closed". */
const CLAUSE = /\b(?:is|are|was|were|has|have|had|does|do|did|cannot|can['’]t|won['’]t|isn['’]t|aren['’]t|doesn['’]t|don['’]t)\b|\b(?:\p{Ll}+(?:s|ed))\b(?= (?:the|a|an|more|less|its|their|our|riders|people|money|nothing|everything|\p{Ll}+s)\b)/u;
/** A thesis that leans on the sentence before ("Voters should approve it", "We think it is time to end that habit"). */
const LEANS_BACK = /\b(?:approve|reject|support|oppose|pass|renew|end|keep|fix|stop|do) (?:it|this|that|them)\b|\b(?:that|this) (?:habit|idea|plan|practice|one)\b/i;

/** The author grants a point before answering it. */
const GRANTS = /^(?:It['’]s true(?: that)?|It is true(?: that)?|To be sure,|Granted,|Admittedly,|Yes,|Sure,)\s*/;
/** The turn that answers a granted point. */
const ANSWER = /^(?:But|Yet|Still|However),?\s+/;

export function argumentQuestions(ctx: Context, hasMainIdea: boolean): Candidate[] {
  const { analysis } = ctx;
  if (analysis.genre !== "opinion" || analysis.genreCertain === false) return [];
  const out: Candidate[] = [];
  const body = analysis.sentences.filter((s) => s.kind === "paragraph" && !ctx.furniture.has(s.id));
  // The author's own judgment: an evaluative word or belief verb, or (for a thesis) "should"/"deserves" in the author's voice.
  const authorJudgment = (s: Sentence, modalCounts = false) => {
    const mark = ctx.opinionOf(s);
    return !!mark && mark.holder === "author" && (judgment(mark.cues) || (modalCounts && JUDGING.test(s.text))) && !ctx.hasQuote(s) && !/\b(said|says|told|argue|argues|claim|claims)\b/i.test(s.text);
  };
  const facts = body.filter((s) => ctx.eligible(s, 40) && ctx.isCheckableFact(s) && /\d/.test(s.text) && !ctx.firstPerson(s) && !/\b(said|says|told|according to)\b/i.test(s.text));
  const opponents = body.filter((s) => OPPONENTS.test(s.text) && ctx.eligible(s, 40));
  const paragraphs = [...new Set(body.map((s) => s.paragraph))];
  const firstParas = new Set(paragraphs.slice(0, 2));
  const lastPara = paragraphs.at(-1);

  // ---- Thesis
  const topic = contentWords(analysis.title ?? "");
  const onTopic = (s: Sentence) => [...contentWords(s.text)].filter((w) => topic.has(w)).length;
  const judged = body.filter((s) => ctx.eligible(s, 45, true) && authorJudgment(s, true) && JUDGING.test(s.text) && (firstParas.has(s.paragraph) || s.paragraph === lastPara) && !OPPONENTS.test(s.text));
  // A headline that shares no word with the thesis ("… maps drawn in public" over "hands redistricting to a
  // commission"): a recommendation in the opening paragraphs that names what it wants done is the thesis.
  const onTopicPool = judged.filter((s) => onTopic(s) >= 1);
  const thesisPool = onTopicPool.length > 0 ? onTopicPool : judged.filter((s) => firstParas.has(s.paragraph) && /\b(?:should|we urge|ought to)\b/i.test(s.text) && contentWords(s.text).size >= 8);
  // Two equally strong candidates in the opening would make the key a guess: only a clear winner is kept. A thesis that
  // reads on its own beats one that leans on the sentence before it.
  const selfContained = (s: Sentence) => (LEANS_BACK.test(s.text) || contentWords(s.text).size < 6 ? 0 : 1);
  const ranked = [...thesisPool].sort((a, b) => selfContained(b) - selfContained(a) || onTopic(b) - onTopic(a) || ctx.order(a.id) - ctx.order(b.id));
  const thesis =
    ranked[0] && (ranked.length === 1 || selfContained(ranked[0]) > selfContained(ranked[1]!) || onTopic(ranked[0]) > onTopic(ranked[1]!) || ranked[1]!.paragraph === ranked[0].paragraph || ranked[1]!.paragraph === lastPara) ? ranked[0] : undefined;
  if (thesis && !hasMainIdea) {
    // A view the column argues against is the strongest wrong choice: the column reports it but does not hold it.
    const opposing = opponents.slice(0, 1);
    // Details from the body before the opening's: the opening states the question the column answers, so its figures
    // are what other items ask about.
    const others = facts.filter((f) => f.paragraph !== thesis.paragraph);
    const detail = compatibleSentences(ctx, [thesis, ...opposing], [...others.filter((f) => !firstParas.has(f.paragraph)), ...others.filter((f) => firstParas.has(f.paragraph))], 3 - opposing.length);
    const distractors = [...opposing, ...detail];
    if (distractors.length === 3) {
      const { choices, answer } = sortedChoices(thesis.text, distractors.map((d) => d.text));
      out.push({
        id: "",
        type: "single",
        prompt: "Which statement best states the author's main claim in this column?",
        choices,
        answer,
        explanation: `The author argues: “${innerQuotes(thesis.text)}” The other choices are facts the column uses${opposing.length ? " or a view the author argues against" : ""}.`,
        skills: ["main-idea", "perspective"],
        difficulty: 2,
        generator: "main-idea",
        score: round(ctx.score(thesis.id) + 0.7),
        ...ctx.evidence(thesis),
      });
    }
  }

  // ---- Claim and evidence: an author's claim followed in its paragraph by the fact that backs it.
  for (const claim of body) {
    if (out.some((q) => q.skills[0] === "evidence")) break;
    // In a column every sentence in the author's voice without a figure is the author's claim (opinion.ts).
    // A plan or hypothesis ("The commission would hold …") describes; it claims nothing a detail could support.
    // A fragment ("Students with laptops, a retired welder …") claims nothing either: a claim has a verb of its own.
    const own =
      ctx.opinionOf(claim)?.holder === "author" &&
      !/\d/.test(claim.text) &&
      !ctx.hasQuote(claim) &&
      !/\b(said|says|told|argue|argues|claim|claims)\b/i.test(claim.text) &&
      !HYPOTHETICAL.test(claim.text) &&
      CLAUSE.test(claim.text);
    if (!ctx.eligible(claim, 35, true) || !(authorJudgment(claim) || own) || OPPONENTS.test(claim.text)) continue;
    const next = body[body.indexOf(claim) + 1];
    if (!next || next.paragraph !== claim.paragraph || !facts.includes(next)) continue;
    const claimWords = contentWords(claim.text);
    // Details from other paragraphs (any figure-bearing sentence that is not a judgment) sharing no word with the claim.
    const details = body.filter((s) => s !== next && /\d/.test(s.text) && ctx.eligible(s, 40) && !ctx.isOpinion(s) && !OPPONENTS.test(s.text));
    const unrelated = details.filter((f) => f.paragraph !== claim.paragraph && [...contentWords(f.text)].every((w) => !claimWords.has(w)));
    const distractors = compatibleSentences(ctx, [next], unrelated, 3);
    if (distractors.length < 3) continue;
    const { choices, answer } = sortedChoices(next.text, distractors.map((d) => d.text));
    out.push({
      id: "",
      type: "single",
      prompt: `The author claims: “${innerQuotes(claim.text)}” Which detail from the column best supports this claim?`,
      choices,
      answer,
      explanation: `Right after the claim, the author gives this evidence: “${innerQuotes(next.text)}” The other details support other points.`,
      skills: ["evidence", "main-idea"],
      difficulty: 3,
      generator: "argument",
      score: round(ctx.score(next.id) + 0.6),
      ...ctx.evidence(next),
    });
  }

  // ---- Rebuttal: "Critics say …" then the author's "But …".
  const replies: { objection: Sentence; reply: Sentence }[] = [];
  for (const objection of opponents) {
    const after = body.slice(body.indexOf(objection) + 1, body.indexOf(objection) + 4);
    const reply = after.find((s) => REPLY.test(s.text) && !OPPONENTS.test(s.text) && s.paragraph <= objection.paragraph + 1);
    if (reply && ctx.eligible(reply, 40, true) && !ctx.hasQuote(reply)) replies.push({ objection, reply });
  }
  for (const { objection, reply } of replies.slice(0, 2)) {
    const otherReplies = replies.filter((r) => r.reply !== reply).map((r) => r.reply);
    // Distractors: the author's replies to other objections, then facts from elsewhere; never the critics' words.
    const pool = [...otherReplies, ...facts.filter((f) => Math.abs(f.paragraph - reply.paragraph) > 1)];
    const distractors = compatibleSentences(ctx, [reply, objection], pool, 3);
    if (distractors.length < 3) continue;
    const { choices, answer } = sortedChoices(reply.text, distractors.map((d) => d.text));
    out.push({
      id: "",
      type: "single",
      prompt: `The column reports this view: “${innerQuotes(objection.text)}” Which sentence is the author's reply to it?`,
      choices,
      answer,
      explanation: `The author answers the objection right after reporting it: “${innerQuotes(reply.text)}”`,
      skills: ["perspective", "evidence"],
      difficulty: 3,
      generator: "argument",
      score: round(ctx.score(reply.id) + 0.65),
      ...ctx.evidence(reply),
    });
  }
  // ---- Concession and answer: the author grants a point ("It's true that …", "Yes, there's …", "To be sure, …") and
  // answers it in the next sentences ("But …"). Real columns argue this way far more often than they write "Critics
  // say": the granted point is the other side's case, in the author's words.
  if (replies.length === 0) {
    const answered: { grant: Sentence; reply: Sentence }[] = [];
    for (const grant of body) {
      const granted = grant.text.replace(GRANTS, "");
      if (granted === grant.text || ctx.hasQuote(grant) || /\b(said|says|told|according to)\b/i.test(grant.text) || /,\s*but\b/i.test(grant.text) || /\?["”]?$/.test(grant.text)) continue;
      if (grant.words < 8 || grant.words > 40 || ctx.furniture.has(grant.id) || grant.kind !== "paragraph") continue;
      // The answer is the first turn after the grant in its paragraph, or the next paragraph's opening sentence.
      const rest = body.slice(body.indexOf(grant) + 1, body.indexOf(grant) + 8);
      const nextOpening = rest.find((s) => s.paragraph !== grant.paragraph);
      const after = [...rest.filter((s) => s.paragraph === grant.paragraph), ...(nextOpening && nextOpening.paragraph === grant.paragraph + 1 ? [nextOpening] : [])];
      const reply = after.find((s) => ANSWER.test(s.text));
      if (!reply) continue;
      if (ctx.hasQuote(reply) || /\b(said|says|told|according to)\b/i.test(reply.text) || reply.words < 8 || reply.words > 40 || /\?["”]?$/.test(reply.text)) continue;
      answered.push({ grant, reply });
    }
    for (const { grant, reply } of answered.slice(0, 1)) {
      // The key without its opening "But" (the other choices don't open with a turn, so it would give the answer away).
      const keyText = reply.text.replace(ANSWER, "").replace(/^\p{Ll}/u, (c) => c.toUpperCase());
      // Wrong choices: statements from other parts of the column (facts first) that share at most one word with the
      // granted point, so none of them could be read as its answer.
      const far = (f: Sentence) => Math.abs(f.paragraph - reply.paragraph) > 1 && Math.abs(f.paragraph - grant.paragraph) > 1;
      const grantWords = contentWords(grant.text);
      const unrelated = (f: Sentence) => [...contentWords(f.text)].filter((w) => grantWords.has(w)).length <= 1;
      // A closing one-line bio ("Tomas Welling has lived in Port Adley for 30 years …") is furniture, not the column.
      const lastLine = body.filter((f) => f.paragraph === lastPara);
      const bio = (f: Sentence) => lastLine.length === 1 && lastLine[0] === f && /^(?:\p{Lu}[\p{L}.'’-]+ ){1,3}(?:is|was|has|lives|has lived|teaches|writes|works)\b/u.test(f.text);
      const statements = body.filter((f) => far(f) && unrelated(f) && !bio(f) && ctx.eligible(f, 40) && !ctx.hasQuote(f) && !GRANTS.test(f.text) && !ANSWER.test(f.text) && !/\?["”]?$/.test(f.text));
      const pool = [...facts.filter((f) => far(f) && unrelated(f) && !bio(f)), ...statements.filter((f) => !facts.includes(f))];
      const distractors = compatibleSentences(ctx, [reply, grant], pool, 3);
      if (distractors.length < 3) continue;
      const { choices, answer } = sortedChoices(keyText, distractors.map((d) => d.text));
      out.push({
        id: "",
        type: "single",
        prompt: `The author grants a point to the other side: “${innerQuotes(grant.text)}” Which sentence is the author's answer to it?`,
        choices,
        answer,
        explanation: `Right after granting the point, the author answers it: “${innerQuotes(reply.text)}” The other choices come from other parts of the column.`,
        skills: ["perspective", "evidence"],
        difficulty: 3,
        generator: "argument",
        score: round(ctx.score(reply.id) + 0.65),
        ...ctx.evidence(reply),
      });
    }
  }
  return out;
}
