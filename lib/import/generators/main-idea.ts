/**
 * Main idea: which sentence best states the central claim of the article (or of a section). The key is the most
 * central sentence (TextRank + lead); the distractors are true details from the same text that share little with
 * it — all verbatim, only one of them the main idea. The evidence pair builds on the same choice.
 */
import { contentWords, innerQuotes, jaccard, round } from "../analyze/text";
import type { Sentence } from "../types";
import { captionParagraphs } from "./cause-effect";
import { compatibleSentences, sortedChoices, type Candidate, type Context } from "./common";

export interface MainIdea {
  key: Sentence;
  distractors: Sentence[];
  scope: { kind: "article" } | { kind: "section"; title: string; index: number };
}

/** The central sentence of a scope and three detail sentences that are clearly not it. */
export function pickMainIdeas(ctx: Context): MainIdea[] {
  const { analysis } = ctx;
  // A photo caption at the top of a page ("Peacekeepers at a camp on Monday. In exchange for …") is neither the
  // main idea nor a detail to offer against it.
  const captions = captionParagraphs(analysis.sentences);
  const usable = (s: Sentence) => ctx.eligible(s, 50) && !mostlyQuote(s) && s.kind === "paragraph" && !captions.has(s.paragraph);
  const out: MainIdea[] = [];
  // An interview or a transcript makes its point across the answers, not in the introduction that sets the scene (and
  // a host's opening names the topic, not a claim): no sentence can be keyed as its main idea, so none is guessed.
  if (analysis.genre === "interview" || isTranscript(analysis.sentences)) return out;
  const build = (pool: Sentence[], scope: MainIdea["scope"], heading: string | undefined) => {
    // The headline (or the section heading) says what the text is about: the key must share its meaning, and the
    // distractors must share less of it. Without a heading to check against, position alone would pick the key (an
    // anecdote, a statistic), so no question is made.
    const topic = topicWords(heading ?? "");
    if (topic.size === 0) return;
    const need = topic.size >= 4 ? 2 : 1;
    // Shared names alone ("Gull Sound") don't make a sentence about the topic: one shared common word is required.
    const onTopic = (s: Sentence) => {
      const shared = [...contentWords(s.text)].filter((w) => topic.has(w));
      const common = [...contentWords(s.text.replace(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}'’-]*/gu, " "))].filter((w) => topic.has(w));
      return common.length > 0 ? shared.length : 0;
    };
    const candidates = pool.filter(usable);
    // A short brief still has a main idea: four sentences make a key and three details (or two, below).
    if (candidates.length < 4) return;
    const ranked = [...candidates].sort((a, b) => ctx.score(b.id) - ctx.score(a.id) || ctx.order(a.id) - ctx.order(b.id));
    // The key states something in the article's own voice: no quotation, no opinion of a speaker, no first-person
    // scene ("I have watched the line form"), not a bare statistic.
    const inOwnVoice = (s: Sentence) => !ctx.hasQuote(s) && !ctx.isOpinion(s) && !/\b(said|says|told)\b/.test(s.text) && !ctx.firstPerson(s) && notCentral(s) === undefined;
    // The key is the central claim only if it shares the headline strongly (not one word of a long headline) and
    // comes from the lead or the nut graf; otherwise position would pick it, and no question is better than a wrong key.
    const strong = Math.max(need, Math.min(3, Math.ceil(topic.size / 2)));
    const firstParagraph = candidates[0]?.paragraph ?? 0;
    const early = (s: Sentence) => s.paragraph <= firstParagraph + 2;
    const central = ranked.slice(0, Math.max(4, Math.ceil(ranked.length / 4)));
    // A column's main idea is the author's claim, not the news it hangs on.
    const thesis =
      ctx.analysis.genre === "opinion"
        ? central.find((s) => onTopic(s) >= strong && notCentral(s) === undefined && !/\bI (have|had|was|watched|saw|met|went)\b/.test(s.text) && ctx.analysis.opinions.some((o) => o.sentenceId === s.id && o.holder === "author" && o.cues.some((c) => !/^(I|my|me|we|our|us)$/i.test(c))))
        : undefined;
    // A column without a thesis the headline shares is left without a main-idea item: its news peg is not its point.
    if (ctx.analysis.genre === "opinion" && !thesis) return;
    // A news story states its point in the lead: the first sentence in its own voice, when it is on the headline's topic.
    // A news lead is usually attributed ("…, officials said Thursday."): the attribution does not make it a quote.
    const leadVoice = (s: Sentence) => inOwnVoice(s) || (!ctx.hasQuote(s) && !ctx.isOpinion(s) && !ctx.firstPerson(s) && notCentral(s) === undefined && ATTRIBUTED_LEAD.test(s.text));
    const leadSentence = scope.kind === "article" && (ctx.analysis.genre === "news" || ctx.analysis.genre === "analysis" || ctx.analysis.genre === "press-release") ? candidates.find((s) => s.paragraph <= (candidates[0]?.paragraph ?? 0) + 1 && leadVoice(s)) : undefined;
    const lead = leadSentence && onTopic(leadSentence) >= strong ? leadSentence : undefined;
    // The standfirst (a one-sentence deck under the headline) says what the story is about in the editors' words:
    // evidence for the main idea, so it is the key when nothing better is, and never a wrong answer.
    const standfirst = scope.kind === "article" ? standfirstOf(ctx, candidates) : undefined;
    const standfirstWords = standfirst ? contentWords(standfirst.text) : new Set<string>();
    const key = thesis ?? lead ?? central.find((s) => inOwnVoice(s) && early(s) && onTopic(s) >= strong) ?? (standfirst && onTopic(standfirst) >= need && inOwnVoice(standfirst) ? standfirst : undefined);
    if (!key) return;
    const keyWords = contentWords(key.text);
    const keyTopic = onTopic(key);
    // Details: the lower half by score, little overlap with the key or the headline, spread across the text.
    const details = ranked
      .slice(Math.ceil(ranked.length / 2))
      // In an interview the subject's answers are details too; elsewhere a first-person aside is not a clean detail.
      .filter((s) => s !== key && s !== standfirst && (!thesis || !ctx.isOpinion(s)) && (ctx.analysis.genre === "interview" || !ctx.firstPerson(s)))
      // A detail is clearly narrower than the point: not another statement of the standfirst, not among the most
      // central sentences.
      .filter((s) => jaccard(contentWords(s.text), standfirstWords) < 0.2 && !central.includes(s))
      .filter((s) => jaccard(contentWords(s.text), keyWords) < 0.15 && s.words <= 35 && onTopic(s) < Math.min(need, keyTopic))
      .sort((a, b) => ctx.order(a.id) - ctx.order(b.id));
    // Spread across the text: start from evenly spaced details, then fill with the rest.
    const step = details.length / 3;
    const spaced = [0, 1, 2].map((i) => details[Math.floor(i * step)]).filter((s): s is Sentence => !!s);
    const distractors = compatibleSentences(ctx, [key], [...spaced, ...details], 3);
    if (distractors.length < (candidates.length < 8 ? 2 : 3)) return;
    out.push({ key, distractors, scope });
  };
  build(analysis.sentences, { kind: "article" }, analysis.title);
  analysis.sections.forEach((section, index) => {
    build(analysis.sentences.filter((s) => s.section === index), { kind: "section", title: section.title, index }, section.title);
  });
  return out;
}

/** An attribution closing a news lead: "…, Obama administration officials said late Thursday." */
const ATTRIBUTED_LEAD = /,\s+(?:[^,“”"]{2,60}\s+)?(?:said|says|announced|told reporters|reported)(?:\s+(?:on\s+)?(?:late\s+|early\s+)?(?:today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|this week|last week)(?:\s+(?:morning|afternoon|evening|night))?)?\.?$/;

/**
 * The deck under the headline: the story's first paragraph when it is a single sentence of at most 35 words with no
 * dateline and no quotation, followed by a longer paragraph (the lead proper).
 */
function standfirstOf(ctx: Context, candidates: Sentence[]): Sentence | undefined {
  const first = candidates[0];
  if (!first || first.words > 35 || ctx.hasQuote(first) || /^[\p{Lu} .,'’-]{3,40}(?:\([^)]*\))?\s*[—–-]\s/u.test(first.text)) return undefined;
  const sameParagraph = ctx.analysis.sentences.filter((s) => s.paragraph === first.paragraph);
  const next = candidates.find((s) => s.paragraph > first.paragraph);
  return sameParagraph.length === 1 && next ? first : undefined;
}

/** Three or more turns opened by a speaker's label ("JUNE PARK: …", "HOST (JUNE PARK): …"), from two or more speakers. */
export function isTranscript(sentences: Pick<Sentence, "text" | "paragraph">[]): boolean {
  const labels = new Map<number, string>();
  for (const s of sentences) {
    const label = /^([\p{Lu}][\p{Lu}.'’-]*(?:\s+[\p{Lu}][\p{Lu}.'’-]*){0,3}(?:\s*\([^)]{1,40}\))?):\s+/u.exec(s.text)?.[1];
    if (label && !labels.has(s.paragraph) && !/^[QA]$/.test(label)) labels.set(s.paragraph, label.replace(/^.*\(([^)]+)\)$/, "$1"));
  }
  return labels.size >= 3 && new Set(labels.values()).size >= 2;
}

/**
 * Why a sentence cannot be an article's central claim whatever its position or score: it is about the reporting
 * ("X sat down with Y to talk about…"), it gives a minority, dissenting or opposing view, or it is mostly figures.
 */
export function notCentral(s: Pick<Sentence, "text">): "meta" | "dissent" | "figures" | undefined {
  const text = s.text;
  if (/\b(sat down with|spoke (?:with|to)|talked (?:with|to)|in an interview|this interview|this conversation|(?:has|have) been (?:edited|condensed)|asked (?:him|her|them) (?:about|why|how|what)|caught up with|reached (?:by|for)|(?:did not|didn't) (?:respond|return)|declined to comment)\b/i.test(text)) return "meta";
  if (/\b(dissent(?:ed|ing|s)?|minority opinion|in the minority|opponents?|critics?|objected|disagreed|voted against|opposed)\b/i.test(text)) return "dissent";
  // Dates ("Oct. 21", "2025") are not statistics.
  const undated = text.replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:1[89]|20)\d{2}\b/g, " ");
  const figures = undated.match(/\$?\d[\d,.]*(?:[-–]\d+)?\s*(?:%|percent\b|per cent\b)?/g) ?? [];
  const words = text.split(/\s+/).length;
  if (figures.some((f) => /%|per\s?cent/.test(f)) || figures.length >= 3 || figures.length / Math.max(1, words) > 0.1) return "figures";
  return undefined;
}

/** Words that carry a headline's topic (labels such as "Live updates", "Q&A", "Explainer" and question words left out). */
const HEADLINE_NOISE = new Set(["live", "update", "updates", "latest", "analysis", "explainer", "opinion", "what", "why", "how", "who", "does", "doesn", "new", "show", "know", "need", "want", "wants"]);
function topicWords(heading: string): Set<string> {
  return new Set([...contentWords(heading.replace(/^[^:]{2,20}:\s+/, ""))].filter((w) => !HEADLINE_NOISE.has(w)));
}

function mostlyQuote(s: Sentence): boolean {
  return (s.text.match(/[“"][^”"]*[”"]/g) ?? []).join(" ").split(/\s+/).length > s.words / 3;
}

export function mainIdeaQuestions(ctx: Context, ideas: MainIdea[]): Candidate[] {
  return ideas.map((idea) => {
    const { choices, answer } = sortedChoices(withoutDateline(idea.key.text), idea.distractors.map((d) => withoutDateline(d.text)));
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

/** "LONDON — After nearly 20 years …" → "After nearly 20 years …": a dateline is no part of the idea. */
function withoutDateline(text: string): string {
  return text.replace(/^[\p{Lu}][\p{Lu} .,'’-]{2,40}(?:\([^)]*\))?\s*[—–]\s+/u, "");
}
