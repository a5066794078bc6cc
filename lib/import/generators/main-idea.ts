/**
 * Main idea: which sentence best states the central claim of the article (or of a section). The key is the most
 * central sentence (TextRank + lead); the distractors are true details from the same text that share little with
 * it — all verbatim, only one of them the main idea. The evidence pair builds on the same choice.
 */
import { contentWords, innerQuotes, jaccard, round } from "../analyze/text";
import type { Sentence } from "../types";
import { compatibleSentences, sortedChoices, type Candidate, type Context } from "./common";

export interface MainIdea {
  key: Sentence;
  distractors: Sentence[];
  scope: { kind: "article" } | { kind: "section"; title: string; index: number };
}

/** The central sentence of a scope and three detail sentences that are clearly not it. */
export function pickMainIdeas(ctx: Context): MainIdea[] {
  const { analysis } = ctx;
  const usable = (s: Sentence) => ctx.eligible(s, 50) && !mostlyQuote(s) && s.kind === "paragraph";
  const out: MainIdea[] = [];
  const build = (pool: Sentence[], scope: MainIdea["scope"]) => {
    const candidates = pool.filter(usable);
    if (candidates.length < 5) return;
    const ranked = [...candidates].sort((a, b) => ctx.score(b.id) - ctx.score(a.id) || ctx.order(a.id) - ctx.order(b.id));
    // The key states something in the article's own voice: no quotation, no opinion of a speaker. A news story puts
    // its main idea in the lead and a section its point in its first sentence, so those come first when they qualify.
    const inOwnVoice = (s: Sentence) => !ctx.hasQuote(s) && !ctx.isOpinion(s) && !/\b(said|says|told)\b/.test(s.text);
    // Only when the lead is also among the most central sentences: a feature's scene-setting opening is not its point.
    const top = new Set(ranked.slice(0, 3).map((s) => s.id));
    const lead = scope.kind === "section" || ctx.analysis.genre === "news" ? candidates.find((s) => inOwnVoice(s) && s.paragraph <= (candidates[0]?.paragraph ?? 0) + 1 && top.has(s.id)) : undefined;
    // A column's main idea is the author's claim, not the news it hangs on.
    const thesis = ctx.analysis.genre === "opinion" ? ranked.find((s) => ctx.analysis.opinions.some((o) => o.sentenceId === s.id && o.holder === "author" && o.cues.length > 0)) : undefined;
    const key = thesis ?? lead ?? ranked.find(inOwnVoice);
    if (!key) return;
    const keyWords = contentWords(key.text);
    // Details: the lower half by score, little overlap with the key, spread across the text.
    const details = ranked
      .slice(Math.ceil(ranked.length / 2))
      .filter((s) => s !== key && (!thesis || !ctx.isOpinion(s)))
      .filter((s) => jaccard(contentWords(s.text), keyWords) < 0.15 && s.words <= 35)
      .sort((a, b) => ctx.order(a.id) - ctx.order(b.id));
    // Spread across the text: start from evenly spaced details, then fill with the rest.
    const step = details.length / 3;
    const spaced = [0, 1, 2].map((i) => details[Math.floor(i * step)]).filter((s): s is Sentence => !!s);
    const distractors = compatibleSentences(ctx, [key], [...spaced, ...details], 3);
    if (distractors.length < 3) return;
    out.push({ key, distractors, scope });
  };
  build(analysis.sentences, { kind: "article" });
  analysis.sections.forEach((section, index) => {
    build(analysis.sentences.filter((s) => s.section === index), { kind: "section", title: section.title, index });
  });
  return out;
}

function mostlyQuote(s: Sentence): boolean {
  return (s.text.match(/[“"][^”"]*[”"]/g) ?? []).join(" ").split(/\s+/).length > s.words / 3;
}

export function mainIdeaQuestions(ctx: Context, ideas: MainIdea[]): Candidate[] {
  return ideas.map((idea) => {
    const { choices, answer } = sortedChoices(idea.key.text, idea.distractors.map((d) => d.text));
    const where = idea.scope.kind === "article" ? "the article" : `the section “${idea.scope.title}”`;
    return {
      id: "",
      type: "single" as const,
      prompt: `Which sentence best states the main idea of ${where}?`,
      choices,
      answer,
      explanation: `“${innerQuotes(idea.key.text)}” sums up what ${where} is about; the other sentences are details.`,
      skills: ["main-idea" as const],
      difficulty: 2 as const,
      generator: "main-idea" as const,
      score: round(ctx.score(idea.key.id) + (idea.scope.kind === "article" ? 0.6 : 0.4)),
      ...ctx.evidence(idea.key),
    };
  });
}
