/**
 * Pure, deterministic analysis of an extracted article, one concern per module: sentences (wink-nlp), entities and
 * their aliases, dates and the timeline, numbers, quotations and attributions, opinion cues, cause and effect,
 * vocabulary (glossary, in-text definitions, WordNet), sentence importance and an estimated reading grade.
 * @see docs/IMPORT.md
 */
import { textStats } from "../../text/readability";
import type { ArticleAnalysis, ArticleSection, Genre, GlossaryEntry, ParagraphKind, TermDefinition } from "../types";
import { findCauses } from "./causes";
import { buildTimeline, findDates } from "./dates";
import { findEntities } from "./entities";
import { findNumbers } from "./numbers";
import { findOpinions } from "./opinion";
import { findAttributions, findQuotations, transcriptOf } from "./quotes";
import { scoreSentences } from "./score";
import { findDisagreements } from "./sides";
import { isFurniture, splitSentences } from "./sentences";
import { acronymExpansions } from "./definitions";
import { findNounPhrases, inTextDefinitions, matchGlossary, wordnetDefinitions } from "./terms";
import { contentWords } from "./text";

export interface AnalyzeOptions {
  glossary: GlossaryEntry[];
  /** The article's date (YYYY-MM-DD); without it, relative and year-less dates are ignored. */
  articleDate?: string;
}

/** The parts of an extracted article the analysis reads; plain paragraphs are accepted too (treated as news prose). */
export interface AnalyzableArticle {
  paragraphs: string[];
  paragraphKinds?: ParagraphKind[];
  quoteSpeakers?: (string | undefined)[];
  /** Paragraphs set wholly in bold by the page (a print Q&A's questions). */
  boldParagraphs?: number[];
  sections?: ArticleSection[];
  genre?: Genre;
  /** False when the genre is a close call; question types keyed on the genre are then not generated. */
  genreCertain?: boolean;
  /** The headline: what the article says it is about (main-idea keys must share its meaning). */
  title?: string;
}

/** How many vocabulary definitions a draft carries at most. */
const MAX_DEFINITIONS = 10;

export function analyzeArticle(input: string[] | AnalyzableArticle, options: AnalyzeOptions): ArticleAnalysis {
  const article: AnalyzableArticle = Array.isArray(input) ? { paragraphs: input } : input;
  const paragraphs = article.paragraphs;
  const kinds = article.paragraphKinds ?? paragraphs.map(() => "paragraph" as const);
  const sections = article.sections ?? [];
  const genre = article.genre ?? "news";
  const { sentences, tokens } = splitSentences(paragraphs, kinds, sections);
  const furniture = new Set(sentences.filter((s) => isFurniture(s.text)).map((s) => s.id));
  const fullText = paragraphs.join("\n\n");
  const articleWords = contentWords(fullText);

  const numbers = findNumbers(sentences, tokens);
  const entities = findEntities(fullText, sentences, article.quoteSpeakers ?? []);
  const dates = findDates(sentences, options.articleDate);
  const timeline = buildTimeline(sentences, dates, furniture);
  const transcript = transcriptOf(sentences, entities, genre, new Set(article.boldParagraphs ?? []));
  const quotations = findQuotations(sentences, entities, article.quoteSpeakers ?? [], genre, transcript);
  const attributions = findAttributions(sentences, entities, quotations);
  const opinions = findOpinions(sentences, genre, quotations, attributions);
  const causes = findCauses(sentences).filter((c) => !furniture.has(c.sentenceId));
  const glossary = matchGlossary(sentences, options.glossary, articleWords, fullText);
  const { candidateTerms, nounPhrases } = findNounPhrases(sentences, tokens, glossary, entities);
  const sentenceScores = scoreSentences(sentences, { entities, numbers, dates, glossary, furniture });

  // Definitions: the article's own first, then the glossary when its sense fits, then WordNet when one sense does.
  const definitions: TermDefinition[] = inTextDefinitions(sentences.filter((s) => !furniture.has(s.id)));
  const defined = () => new Set(definitions.map((d) => d.term.toLowerCase()));
  for (const match of glossary) {
    if (defined().has(match.term.toLowerCase()) || defined().has(match.found.toLowerCase())) continue;
    definitions.push({ term: match.term, definition: match.definition.replace(/\s+/g, " ").trim(), source: "glossary", glossaryId: match.glossaryId, found: match.found, sentenceId: match.sentenceId });
  }
  // Acronyms the article spells out (at most two: they are looked up, not learned).
  definitions.push(...acronymExpansions(sentences.filter((s) => !furniture.has(s.id))).filter((d) => !defined().has(d.term.toLowerCase())).slice(0, 2));
  const nameWords = new Set(entities.flatMap((e) => e.name.toLowerCase().split(/\s+/)));
  definitions.push(...wordnetDefinitions(sentences, tokens, candidateTerms, { exclude: nameWords, furniture, articleWords, defined: definitions, max: MAX_DEFINITIONS }));

  const stats = textStats(fullText);
  return {
    sentences,
    sentenceScores,
    entities,
    numbers,
    dates,
    quotations,
    glossary,
    candidateTerms,
    nounPhrases,
    attributions,
    opinions,
    causes,
    definitions: definitions.slice(0, MAX_DEFINITIONS),
    timeline,
    sides: findDisagreements(sentences, entities, attributions),
    furniture: [...furniture],
    genre,
    ...(article.genreCertain === false ? { genreCertain: false } : {}),
    ...(article.title ? { title: article.title } : {}),
    sections,
    ...(transcript ? { transcript } : {}),
    stats: { words: stats.words, sentences: sentences.length, fkGrade: stats.fkGrade, readingMinutes: stats.readingMinutes },
  };
}

export { parseNumberText } from "./numbers";
export { countWords, escapeRegex, wordPattern } from "./text";
