/**
 * Shapes shared by the article-import pipeline (lib/import). Everything here
 * is plain data: the draft is stored as JSON, printed by the CLI and edited in
 * the review UI.
 */
import type { ContentQuestion } from "../content/schema";

/** 2 MB: larger pastes or uploads are refused before any parsing. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type InputFormat = "text" | "markdown" | "html";

export interface ArticleMetadata {
  title?: string;
  outlet?: string;
  author?: string;
  /** The article's publication date, YYYY-MM-DD; relative dates ("on Tuesday") resolve against it. */
  date?: string;
  url?: string;
}

export interface ArticleInput extends ArticleMetadata {
  /** Pasted text, Markdown or HTML; bytes when read from a file or upload (checked for binary content). */
  content: string | Uint8Array;
  /** Defaults to detecting HTML and Markdown by content. */
  format?: InputFormat | "auto";
}

export type ImportErrorCode = "empty" | "binary" | "too_large" | "no_article" | "too_short" | "not_english" | "bad_metadata";

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = "ImportError";
    this.code = code;
  }
}

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
  aliases: string[];
}

/** What kind of body block a paragraph came from; headings are not paragraphs (they open sections). */
export type ParagraphKind = "paragraph" | "list-item" | "blockquote";

/** The detected genre of an article (docs/IMPORT.md, "Genre"). */
export type Genre = "news" | "opinion" | "analysis" | "interview" | "feature";

/** A heading of the article: the section it opens starts at `firstParagraph` (an index into `paragraphs`). */
export interface ArticleSection {
  title: string;
  firstParagraph: number;
}

/** Where the article's date came from: given by the user, or found in the page. */
export type DateSource = "given" | "json-ld" | "meta" | "url" | "dateline";

export interface ExtractedArticle {
  format: InputFormat;
  title: string;
  /** Body paragraphs in reading order: prose, list items and block quotes; never headings, captions, credits or page furniture. */
  paragraphs: string[];
  /** Parallel to `paragraphs`. */
  paragraphKinds: ParagraphKind[];
  /** Parallel to `paragraphs`: the speaker a block quote is attributed to by the page, when it names one. */
  quoteSpeakers: (string | undefined)[];
  /** Headings found in the article, in order; empty when it has none. */
  sections: ArticleSection[];
  genre: Genre;
  outlet?: string;
  author?: string;
  date?: string;
  /** How `date` was found; absent when there is no date. */
  dateSource?: DateSource;
  url?: string;
}

export type EntityKind = "person" | "organization" | "place";

export interface Sentence {
  /** s1, s2, ... in reading order. */
  id: string;
  /** Index into the article's paragraphs. */
  paragraph: number;
  /** p1, p2, ... : the paragraph anchor in the lesson text. */
  anchor: string;
  text: string;
  words: number;
}

export interface NamedEntity {
  name: string;
  kind: EntityKind;
  /** Other spellings found in the text ("Lopez" for "Maria Lopez"). */
  variants: string[];
  mentions: number;
  sentenceIds: string[];
}

export type NumberKind = "money" | "percent" | "count";

export interface NumberMention {
  sentenceId: string;
  /** The exact span in the sentence, e.g. "$4.5 billion". */
  text: string;
  kind: NumberKind;
  value: number;
}

export type DatePrecision = "day" | "month" | "year";

export interface DateMention {
  sentenceId: string;
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY depending on precision. */
  iso: string;
  precision: DatePrecision;
  /** True when the text names the date itself (not "on Tuesday" resolved against the article date). */
  explicit: boolean;
}

export interface Quotation {
  sentenceId: string;
  /** The quoted words without the quotation marks. */
  text: string;
  speaker: string;
}

export interface GlossaryMatch {
  glossaryId: string;
  term: string;
  definition: string;
  /** The form found in the article. */
  found: string;
  sentenceId: string;
  count: number;
}

export interface CandidateTerm {
  term: string;
  count: number;
  sentenceId: string;
}

export interface ArticleAnalysis {
  sentences: Sentence[];
  /** Sentence importance, by sentence id (0..1+). */
  sentenceScores: Record<string, number>;
  entities: NamedEntity[];
  numbers: NumberMention[];
  dates: DateMention[];
  quotations: Quotation[];
  glossary: GlossaryMatch[];
  candidateTerms: CandidateTerm[];
  /** Noun phrases per sentence id (lowercase words), for cloze gaps that are not names. */
  nounPhrases: Record<string, string[]>;
  stats: { words: number; sentences: number; fkGrade: number; readingMinutes: number };
}

export type QuestionGenerator =
  | "cloze-key-sentence"
  | "numeric-choice"
  | "who-said-what"
  | "who-said-single"
  | "true-false-swap"
  | "true-false-original"
  | "timeline-order"
  | "teacher";

type Evidence = {
  /** The exact sentence from the article that answers the question. */
  evidence: string;
  /** The paragraph anchor (p1..pN) holding the evidence sentence. */
  evidenceAnchor: string;
  generator: QuestionGenerator;
  /** Ranking score; higher is better. */
  score: number;
};

type WithoutContentFields<T> = T extends unknown ? Omit<T, "evidence" | "topic"> : never;

/** A content question (docs/CONTENT_FORMAT.md) whose evidence is the sentence itself, plus how it was made. */
export type DraftQuestion = WithoutContentFields<ContentQuestion> & Evidence;

export interface LessonDraft {
  summary: string;
  /** `found` is the form used in the article when it differs from the term ("vetoed" for "veto"). */
  vocabulary: { term: string; glossaryId?: string; definition?: string; found?: string; sentence: string; anchor: string }[];
  keyFacts: { text: string; anchor: string }[];
  timeline: { date: string; precision: DatePrecision; text: string; anchor: string }[];
  actors: { name: string; kind: EntityKind; mentions: number; quotes: { text: string; anchor: string }[] }[];
}

export interface ArticleDraft {
  version: 1;
  title: string;
  format: InputFormat;
  source: ArticleMetadata;
  paragraphs: string[];
  /** The sentences of each paragraph, for highlighting evidence. */
  paragraphSentences: string[][];
  stats: ArticleAnalysis["stats"];
  lesson: LessonDraft;
  questions: DraftQuestion[];
  /** How many candidates the generators made before filtering. */
  candidateCount: number;
  warnings: string[];
}
