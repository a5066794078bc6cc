/**
 * Author's purpose, from the detected genre: a news report informs, a column persuades, an analysis explains, an
 * interview presents a person's views in their own words, a feature tells a story about people or a place, a press
 * release announces (and promotes) its issuer's action, a case summary sets out a court's decision.
 */
import { innerQuotes, round } from "../analyze/text";
import type { Genre } from "../types";
import { sortedChoices, type Candidate, type Context } from "./common";
import { isTranscript } from "./main-idea";

export const PURPOSES: Record<Genre, string> = {
  news: "To report recent events and what people involved said about them",
  opinion: "To convince readers to share a view on an issue",
  analysis: "To explain how or why something happens, using facts and examples",
  interview: "To let one person explain their views in their own words",
  feature: "To tell a story about people or a place in depth",
  "press-release": "To announce what the organization that issued it has done and present it in a good light",
  legal: "To summarize a court case: the facts, the question the court decided and how it ruled",
};

const WHY: Record<Genre, string> = {
  news: "It reports what happened, with dates, figures and named sources, and does not argue for a side.",
  opinion: "The author argues for a view and uses words of judgment; it is a column, not a report.",
  analysis: "It explains causes and background rather than only reporting the latest events.",
  interview: "Most of it is one person's answers to questions.",
  feature: "It follows people and scenes in detail rather than only the latest events.",
  "press-release": "It is an official release: the office or organization speaks about its own action and quotes its own people.",
  legal: "It sets out a case's facts, the question before the court and the court's holding, without arguing for a side.",
};

/**
 * Distractors are genres far from the detected one, so a near miss of the genre detector (a feature read as news,
 * an analysis as news) never leaves the truer purpose among the wrong choices.
 */
const DISTANT: Record<Genre, Genre[]> = {
  news: ["opinion", "interview"],
  opinion: ["news", "feature"],
  analysis: ["opinion", "interview"],
  interview: ["news", "analysis"],
  feature: ["opinion", "interview"],
  "press-release": ["feature", "interview"],
  legal: ["feature", "interview"],
};

export function authorPurposeQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const lead = analysis.sentences.find((s) => ctx.eligible(s, 60)) ?? analysis.sentences[0];
  if (!lead) return [];
  const genre = analysis.genre;
  // The key is the genre's purpose: when the genre was a close call, the truer purpose may be a distractor.
  if (analysis.genreCertain === false) return [];
  // A broadcast transcript (host and guests) is a conversation, not one person's views nor a report: no key is safe.
  if (isTranscript(analysis.sentences)) return [];
  const { choices, answer } = sortedChoices(PURPOSES[genre], DISTANT[genre].map((g) => PURPOSES[g]));
  // The example is a judgment a reader can see, never furniture ("To the editor:") or a fragment.
  const opinion =
    analysis.opinions.find((o) => o.holder === "author" && o.cues.length > 0 && ctx.eligible(ctx.byId.get(o.sentenceId)!, 45, true)) ??
    analysis.opinions.find((o) => o.holder === "author" && !ctx.furniture.has(o.sentenceId));
  // An interview shows itself in its questions and answers: the first question is the evidence, not the scene-setting intro.
  const firstQuestion = genre === "interview" ? analysis.sentences.find((s) => /^Q[:.]\s/.test(s.text) || (/\?$/.test(s.text) && s.kind === "paragraph" && s.paragraph > 0)) : undefined;
  const example = genre === "interview" ? firstQuestion : opinion ? ctx.byId.get(opinion.sentenceId) : undefined;
  return [
    {
      id: "",
      type: "single",
      prompt: "What is the author's main purpose in this article?",
      choices,
      answer,
      explanation: `${WHY[genre]}${example && genre === "opinion" ? ` For example: “${innerQuotes(example.text)}”` : ""}`,
      skills: ["author-purpose"],
      difficulty: 2,
      generator: "author-purpose",
      score: round(0.9),
      ...ctx.evidence(example ?? lead),
    },
  ];
}
