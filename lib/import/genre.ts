/**
 * Genre detection for an extracted article: news, opinion, analysis,
 * interview or feature. Deterministic cue counting, strongest first: what the
 * page says about itself (schema.org type, section name, URL path), then the
 * shape of the text (Q&A turns, first person, evaluative language, a
 * scene-setting lead, explainer phrasing). News is the default: a story with
 * no other cue is reported news.
 * @see docs/IMPORT.md ("Genre")
 */
import type { Genre, ParagraphKind } from "./types";

export interface GenreInput {
  title: string;
  paragraphs: string[];
  paragraphKinds?: ParagraphKind[];
  url?: string;
  /** The page's own section label (article:section, JSON-LD articleSection), when it has one. */
  section?: string;
  /** The schema.org @type of the article (OpinionNewsArticle, AnalysisNewsArticle, ...). */
  schemaType?: string;
  /** Section headings; explainers ask questions in theirs. */
  headings?: string[];
  /** Paragraphs that are only a bold question (an interviewer's turns). */
  qaTurns?: number;
  /** The first paragraph opened with a wire dateline ("WASHINGTON (AP) — "), removed during extraction. */
  hasDateline?: boolean;
}

export interface GenreVerdict {
  genre: Genre;
  /** Points per genre; the highest wins when it reaches the threshold. */
  scores: Record<Genre, number>;
  /** Human-readable reasons, for tests and the review screen. */
  cues: string[];
  /**
   * False when another genre came close (a feature's scene-setting lead on a story detected as news): a question
   * keyed on the genre, such as the author's purpose, would then have no safe right answer.
   */
  certain: boolean;
}

const LABELS: [Genre, RegExp][] = [
  ["opinion", /\b(opinion|op-?eds?|commentary|editorials?|columns?|columnists?|viewpoints?|perspectives?|letters?)\b/i],
  ["analysis", /\b(analysis|explainers?|explained|fact-?checks?|the-?big-?read|news-?analysis)\b/i],
  ["interview", /\b(interviews?|q-?and-?a|q&a|conversations?)\b/i],
  ["feature", /\b(features?|magazine|longreads?|long-?form|profiles?|the-?weekend)\b/i],
];

const SCHEMA: [Genre, RegExp][] = [
  ["opinion", /Opinion|Review|Editorial/i],
  ["analysis", /Analysis|Background|Explainer/i],
  ["interview", /Interview/i],
];

const FIRST_PERSON = /\b(I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself|mine)\b/g;
const EVALUATIVE =
  /\b(should|must|ought to|shameful|disgraceful|outrageous|absurd|foolish|misguided|reckless|wrong-?headed|disastrous|terrible|brilliant|admirable|courageous|cowardly|hypocri\w*|failure|wise|unwise|deserves?|it is time|we need to|let us|let's|clearly|surely|of course|frankly)\b/gi;
const EXPLAINER =
  /\b(what (it|this) means|here's (why|what|how)|here’s (why|what|how)|what to know|why (it|this) matters|explained|the question (is|now)|the answer|in other words|that is because|to understand|the reason|analysts say|experts say|could|likely|unlikely|may well|the stakes)\b/gi;
const COURT = /\b(ruled|rulings?|justices?|majority opinion|dissent(?:ed|ing)?|appeals court|supreme court|the court|judge)\b/i;
const REPORTING = /\b(said|says|told|according to|announced|reported|confirmed|stated)\b/i;
const QA_TURN = /^(Q|A|Q\.|A\.|Question|Answer)\s*[:.—-]\s|^[A-Z][\p{L}.'’ -]{1,40}:\s+\S/u;

/** The genre of an article, with the reasons; news unless another genre's cues clearly outweigh it. */
export function detectGenre(input: GenreInput): GenreVerdict {
  const scores: Record<Genre, number> = { news: 1, opinion: 0, analysis: 0, interview: 0, feature: 0 };
  const cues: string[] = [];
  const add = (genre: Genre, points: number, cue: string) => {
    scores[genre] += points;
    cues.push(`${genre}: ${cue}`);
  };

  for (const [genre, pattern] of SCHEMA) if (input.schemaType && pattern.test(input.schemaType)) add(genre, 4, `schema type ${input.schemaType}`);
  for (const [genre, pattern] of LABELS) {
    if (input.section && pattern.test(input.section)) add(genre, 3, `section "${input.section}"`);
    const path = urlPath(input.url);
    if (path && pattern.test(path.replace(/[/_]/g, " "))) add(genre, 3, `URL path ${path}`);
  }
  const title = input.title;
  if (/^(opinion|op-ed|column|editorial)\s*[:|—-]/i.test(title)) add("opinion", 3, "title label");
  if (/^(analysis|explainer|fact check)\s*[:|—-]|\bexplained\b|^(why|how|what|is|are|can|does|do|will)\b.*\?|\bwhat (you need|to know)\b|\bwhat (the|it|this) .{0,40}means?\b|\band what (it|the data|this)\b/i.test(title)) add("analysis", 3, "explainer headline");
  if (/\b(interview|q&a|in conversation|talks to|speaks to)\b/i.test(title)) add("interview", 3, "interview headline");

  const paragraphs = input.paragraphs.filter((_, i) => (input.paragraphKinds?.[i] ?? "paragraph") !== "blockquote");
  const text = paragraphs.join(" ");
  const words = Math.max(1, text.split(/\s+/).length);

  // Interview transcripts alternate speaker turns ("Q: ...", "SMITH: ...").
  const turns = input.paragraphs.filter((p) => QA_TURN.test(p)).length;
  const interview = (turns >= 4 && turns / Math.max(1, input.paragraphs.length) >= 0.3) || (input.qaTurns ?? 0) >= 3;
  if (interview) add("interview", 4, `${Math.max(turns, input.qaTurns ?? 0)} question-and-answer turns`);

  // First person outside quotations marks a columnist (or a first-person feature).
  const unquoted = text.replace(/[“"][^”"]*[”"]/g, " ");
  const firstPerson = unquoted.match(FIRST_PERSON)?.length ?? 0;
  const firstPersonRate = (firstPerson / words) * 1000;
  // In an interview the first person and the questions are the speakers'.
  if (firstPersonRate >= 6 && !interview) add("opinion", firstPersonRate >= 12 ? 3 : 2, `first person (${firstPerson} times outside quotes)`);

  const evaluative = unquoted.match(EVALUATIVE)?.length ?? 0;
  const evaluativeRate = (evaluative / words) * 1000;
  if (evaluativeRate >= 6) add("opinion", evaluativeRate >= 10 ? 2 : 1, `evaluative language (${evaluative})`);
  const rhetorical = paragraphs.filter((p) => /\?\s*$/.test(p) && !/[“"]/.test(p)).length;
  if (rhetorical >= 2 && !interview) add("opinion", 1, `${rhetorical} rhetorical questions`);
  const questionHeadings = (input.headings ?? []).filter((h) => /\?$/.test(h)).length;
  if (questionHeadings >= 2) add("analysis", 2, `${questionHeadings} question headings`);
  if (/\bthis (article|story|piece|explainer|guide) (explains|looks at|examines|sets out)\b|\bhere is what (happened|we know)\b|\bhere's what (happened|we know)\b/i.test(unquoted)) add("analysis", 2, "says it explains");

  const explainer = unquoted.match(EXPLAINER)?.length ?? 0;
  const explainerRate = (explainer / words) * 1000;
  if (explainerRate >= 5) add("analysis", explainerRate >= 9 ? 2 : 1, `explainer phrasing (${explainer})`);

  // A feature opens on a scene or a person, not on the news: no reporting verb in the first paragraph, and it shows people as characters.
  const lead = paragraphs[0] ?? "";
  // A court ruling reported as news: its lead says what the court ruled, not "said", yet it is a report, not a scene.
  const courtLead = COURT.test(paragraphs.slice(0, 2).join(" "));
  const courtTerms = new Set((text.match(new RegExp(COURT.source, "gi")) ?? []).map((m) => m.toLowerCase())).size;
  if (courtLead && courtTerms >= 2) add("news", 3, "court ruling reported");
  if (lead && !REPORTING.test(lead) && !courtLead && words >= 300) add("feature", 2, "scene-setting lead");
  if (/^(on a|in the|at the|when|as|by (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dawn|dusk|noon|midnight|morning|evening|nightfall)|the (first|morning|night|afternoon|evening|day|first time)|it was|for (years|decades))\b/i.test(lead) || /^by (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dawn|dusk|noon|midnight|nightfall)\b/i.test(paragraphs[1] ?? "")) add("feature", 1, "narrative opening");
  if (/\b\d{1,3}-year-old\b|\b\p{Lu}\p{Ll}+, \d{2},/u.test(text) && !REPORTING.test(lead)) add("feature", 1, "people described as characters");
  if (/\b(said|says),? (standing|sitting|pointing|laughing|smiling|looking|walking|holding|dragging|leaning|gesturing|pausing)\b/.test(text)) add("feature", 1, "scene in the attribution");
  // Hard news reports in its first paragraph.
  if (REPORTING.test(lead)) add("news", 1, "attribution in the lead");
  if (input.hasDateline || /\((AP|Reuters|AFP)\)/.test(input.paragraphs[0] ?? "")) add("news", 1, "wire dateline");

  const ranked = (Object.entries(scores) as [Genre, number][]).sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  const [best] = ranked;
  const genre = best && best[0] !== "news" && best[1] >= 3 && best[1] > scores.news ? best[0] : "news";
  const winner = scores[genre];
  const rival = Math.max(...ranked.filter(([g]) => g !== genre).map(([, points]) => points));
  // News is the default: it is certain when no other genre has real cues; another genre must lead by two points.
  // A wire dateline or a reported court ruling is hard news even when the lead has no "said" (a scene-setting cue).
  const hardNews = cues.some((c) => c === "news: wire dateline" || c === "news: court ruling reported");
  const certain = winner - rival >= 2 || (genre === "news" && (rival <= 1 || (hardNews && rival <= winner)));
  return { genre, scores, cues, certain };
}

function order(genre: Genre): number {
  return ["news", "interview", "opinion", "analysis", "feature"].indexOf(genre);
}

function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return undefined;
  }
}
