/**
 * Shapes shared by the article-import pipeline (lib/import). Everything here
 * is plain data: the draft is stored as JSON, printed by the CLI and edited in
 * the review UI.
 */
import type { ContentQuestion } from "../content/schema";
import type { Transcript } from "./analyze/turns";

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
/**
 * "press-release": an organization's or office's own announcement ("FOR IMMEDIATE RELEASE", "Office of …");
 * "legal": a court case summary (facts, question, holding), not a news report about a ruling.
 */
export type Genre = "news" | "opinion" | "analysis" | "interview" | "feature" | "press-release" | "legal";

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
  /** Indices of paragraphs the page set wholly in bold (a print Q&A's questions); absent when there are none. */
  boldParagraphs?: number[];
  /** Headings found in the article, in order; empty when it has none. */
  sections: ArticleSection[];
  genre: Genre;
  /** False when the genre detector found another genre nearly as likely (see `detectGenre`). */
  genreCertain?: boolean;
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
  /** The kind of block the sentence sits in (prose, list item, block quote). */
  kind: ParagraphKind;
  /** Index into the article's sections; -1 before the first heading or when there are none. */
  section: number;
  /** No verb (a fragment such as "Students with laptops, parents with toddlers."): never a statement to ask about. */
  verbless?: boolean;
}

export interface NamedEntity {
  /** The canonical name: the fullest form the article uses ("Barack Obama"). */
  name: string;
  kind: EntityKind;
  /**
   * Other forms of the same entity found in the text, resolved within the article:
   * surname ("Lopez"), title + name ("Mr Obama", "Ambassador Liu Jieyi"). A surname two people share is never an alias.
   */
  variants: string[];
  /** Role nouns the article gives the person ("ambassador", "president"), from titles and appositives; used to resolve "the ambassador". */
  roles: string[];
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
  /** False when the year is a guess (a yearless date about six months from the article date, a weekday without tense). */
  certain?: boolean;
}

/** What backs a statement: who or what the article cites for it. */
export type SourceKind = "named-official" | "anonymous" | "document" | "expert" | "witness" | "named-person";

export interface Quotation {
  sentenceId: string;
  /** The quoted words without the quotation marks (direct), or the reported clause (indirect). */
  text: string;
  /** The canonical name of the speaker entity. */
  speaker: string;
  /** How the speaker was found: named in the sentence, a description the article resolves ("Beijing's U.N. ambassador"), a page attribution of a block quote, or a pronoun (never used for who-said questions). */
  resolvedBy: "name" | "description" | "block-quote" | "pronoun" | "continuation" | "interview";
  direct: boolean;
}

/** A statement the article attributes to a source, with the kind of source. */
export interface Attribution {
  sentenceId: string;
  /** The clause being attributed (verbatim from the sentence). */
  claim: string;
  /** The person or organization, or the source phrase ("officials", "a report") when unnamed. */
  source: string;
  sourceKind: SourceKind;
}

/** A sentence that expresses a judgment rather than a checkable fact. */
export interface OpinionMark {
  sentenceId: string;
  /** The words that mark it as opinion ("should", "I think", "reckless"). */
  cues: string[];
  /** Whose opinion it is: "author" or a speaker's canonical name. */
  holder: string;
}

export interface CauseEffect {
  sentenceId: string;
  cause: string;
  effect: string;
  /** The connective that links them ("because", "in response to", "as a result"). */
  connective: string;
  /** When the cause is the previous sentence ("As a result, …"), its id. */
  causeSentenceId?: string;
  /** Both sides are full clauses (a subject and a finite verb), not a noun phrase ("because of the storm"). */
  clauses?: boolean;
}

export interface TermDefinition {
  term: string;
  definition: string;
  /** Where the definition comes from: the article itself (appositive, parentheses, dash), the curriculum glossary or WordNet. */
  source: "article" | "glossary" | "wordnet";
  glossaryId?: string;
  /** The form found in the article. */
  found: string;
  sentenceId: string;
  /** The part of speech the word has in its sentence, when WordNet's sense was chosen for it ("n", "v", "a"). */
  pos?: "n" | "v" | "a";
}

export interface TimelineEntry {
  sentenceId: string;
  iso: string;
  precision: DatePrecision;
  /** The date as written ("June 2016"). */
  dateText: string;
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
  /** Statements attributed to a source (direct quotes, "X said …", "according to …"). */
  attributions: Attribution[];
  opinions: OpinionMark[];
  causes: CauseEffect[];
  /** Definitions of the words a student needs: in-text first, then the glossary and WordNet when the sense fits. */
  definitions: TermDefinition[];
  /** Dated events, one per sentence, ordered by date. */
  timeline: TimelineEntry[];
  /** Named sources the article sets against each other (b answers or criticizes a). */
  sides: { a: string; b: string; sentenceId: string }[];
  /** Sentences built from page furniture that slipped through (credits, captions): never asked about. */
  furniture: string[];
  genre: Genre;
  /** False when the genre is a close call (author's-purpose items are then not generated). */
  genreCertain?: boolean;
  /** The article's headline, when known. */
  title?: string;
  sections: ArticleSection[];
  /** Who speaks each paragraph of a Q&A or broadcast transcript (analyze/turns.ts); absent for other articles. */
  transcript?: Transcript;
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
  | "main-idea"
  | "evidence-pair"
  | "cause-effect"
  | "fact-opinion"
  | "vocabulary-in-context"
  | "perspective-claim"
  /** An interviewee's own claim told apart from the questions' and others' statements (generators/interview.ts). */
  | "interview-claim"
  /** Which question an interviewee's answer replies to (generators/interview.ts). */
  | "interview-question"
  /** The main point of one answer, asked with its question (generators/interview.ts). */
  | "interview-point"
  /** Which of the guest's statements supports a claim the guest makes in the same answer (generators/interview.ts). */
  | "interview-evidence"
  | "sourcing-kind"
  | "author-purpose"
  /** An opinion column's argument: the claim a detail supports, the author's reply to critics (generators/argument.ts). */
  | "argument"
  | "inference"
  | "teacher";

type Evidence = {
  /** The exact sentence from the article that answers the question. */
  evidence: string;
  /** The paragraph anchor (p1..pN) holding the evidence sentence. */
  evidenceAnchor: string;
  generator: QuestionGenerator;
  /** Ranking score; higher is better. */
  score: number;
  /** Two-part (evidence) items: Part A and Part B share a group and are kept, dropped and ordered together. */
  pair?: { group: string; part: "A" | "B" };
};

type WithoutContentFields<T> = T extends unknown ? Omit<T, "evidence" | "topic"> : never;

/** A content question (docs/CONTENT_FORMAT.md) whose evidence is the sentence itself, plus how it was made. */
export type DraftQuestion = WithoutContentFields<ContentQuestion> & Evidence;

export interface LessonDraft {
  /** An extractive summary: central sentences from across the article, in reading order. */
  summary: string;
  /** Sections from the article's headings (one "The article" section when it has none). */
  sections: { title: string; anchors: string[] }[];
  /** What the lesson teaches, following the skills its quiz tests. */
  objectives: string[];
  /** `found` is the form used in the article when it differs from the term ("vetoed" for "veto"). `source` says where the definition comes from. */
  vocabulary: { term: string; glossaryId?: string; definition?: string; source?: TermDefinition["source"]; found?: string; sentence: string; anchor: string }[];
  keyFacts: { text: string; anchor: string }[];
  timeline: { date: string; precision: DatePrecision; text: string; anchor: string }[];
  actors: { name: string; kind: EntityKind; role?: string; aliases: string[]; mentions: number; quotes: { text: string; anchor: string }[] }[];
  /** Discussion prompts; the "two sides" prompt appears only when two named sources disagree in the article. */
  discussion: string[];
  /** Open written-response prompts for the teacher to grade. */
  writingPrompts: string[];
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
  genre: Genre;
  lesson: LessonDraft;
  questions: DraftQuestion[];
  /** Kept-out candidates per main skill, best first (at most a few each): one-click replacements in the review screen. */
  alternates: Partial<Record<string, DraftQuestion[]>>;
  /** How many candidates the generators made before filtering. */
  candidateCount: number;
  warnings: string[];
}
