/**
 * Claim and evidence, two-part (the "evidence-based selected response" teachers know from reading programmes):
 * Part A asks for the main idea (a claim), Part B for the sentence that best supports it. Part B's key is the
 * sentence sharing the most with the claim that also carries a checkable fact; its distractors share almost
 * nothing with the claim. The two parts are consecutive single-choice questions with one `pair` group.
 */
import { contentWords, innerQuotes, jaccard, overlap, round } from "../analyze/text";
import type { Sentence } from "../types";
import { compatibleSentences, sortedChoices, type Candidate, type Context } from "./common";
import type { MainIdea } from "./main-idea";

export function evidencePairs(ctx: Context, ideas: MainIdea[]): Candidate[] {
  const out: Candidate[] = [];
  ideas.forEach((idea, n) => {
    const keyWords = contentWords(idea.key.text);
    const inA = new Set([idea.key.id, ...idea.distractors.map((d) => d.id)]);
    const pool = ctx.analysis.sentences.filter(
      (s) => !inA.has(s.id) && ctx.eligible(s, 40) && (idea.scope.kind === "article" || s.section === idea.scope.index) && !/^(but|and|so)\b/i.test(s.text),
    );
    const scored = pool.map((s) => ({ s, fit: overlap(contentWords(s.text), keyWords), shared: jaccard(contentWords(s.text), keyWords) }));
    const support = scored
      .filter((x) => x.shared >= 0.12 && sharesEntity(ctx, x.s, idea.key) && (ctx.isCheckableFact(x.s) || ctx.hasQuote(x.s)))
      .sort((a, b) => b.shared - a.shared || ctx.order(a.s.id) - ctx.order(b.s.id))[0];
    if (!support) return;
    const unrelated = scored
      .filter((x) => x.shared === 0 && x.s.paragraph !== support.s.paragraph && x.s.words <= 35 && !sharesEntity(ctx, x.s, idea.key) && ctx.order(x.s.id) > ctx.order(idea.key.id) + 2)
      .sort((a, b) => ctx.order(a.s.id) - ctx.order(b.s.id))
      .map((x) => x.s);
    const step = unrelated.length / 3;
    const spaced = [0, 1, 2].map((i) => unrelated[Math.floor(i * step)]).filter((s): s is Sentence => !!s);
    const distractors = compatibleSentences(ctx, [support.s], [...spaced, ...unrelated], 3);
    if (distractors.length < 3) return;
    const where = idea.scope.kind === "article" ? "the article" : `the section “${idea.scope.title}”`;
    const group = `evidence-${n + 1}`;
    const a = sortedChoices(idea.key.text, idea.distractors.map((d) => d.text));
    const b = sortedChoices(support.s.text, distractors.map((d) => d.text));
    const score = round(ctx.score(idea.key.id) + (idea.scope.kind === "article" ? 0.7 : 0.5));
    out.push({
      id: "",
      type: "single",
      prompt: `Part A: Which sentence best states the main idea of ${where}?`,
      ...a,
      explanation: `“${innerQuotes(idea.key.text)}” sums up what ${where} is about; the other sentences are details.`,
      skills: ["main-idea", "evidence"],
      difficulty: 2,
      generator: "evidence-pair",
      score,
      pair: { group, part: "A" },
      ...ctx.evidence(idea.key),
    });
    out.push({
      id: "",
      type: "single",
      prompt: "Part B: Which sentence from the article best supports the answer to Part A?",
      ...b,
      explanation: `“${innerQuotes(support.s.text)}” gives a fact behind the main idea; the other sentences are about something else.`,
      skills: ["evidence"],
      difficulty: 3,
      generator: "evidence-pair",
      score,
      pair: { group, part: "B" },
      ...ctx.evidence(support.s),
    });
  });
  return out;
}

function sharesEntity(ctx: Context, a: Sentence, b: Sentence): boolean {
  return ctx.analysis.entities.some((e) => e.sentenceIds.includes(a.id) && e.sentenceIds.includes(b.id));
}
