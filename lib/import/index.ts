/**
 * `draftFromArticle`: a teacher's article in, a lesson-and-quiz draft out. The pipeline, one folder or file per
 * stage: extract.ts → analyze/ → generators/ → gates/ → rank.ts (generate-questions.ts runs those three) →
 * draft-lesson.ts → to-content.ts.
 * Pure and deterministic: the same input and glossary give the same draft;
 * nothing here touches the network, the database or the clock.
 * @see docs/IMPORT.md
 */
import { analyzeArticle } from "./analyze";
import { draftLesson } from "./draft-lesson";
import { extractArticle } from "./extract";
import { generateQuestions } from "./generate-questions";
import { ImportError, type ArticleDraft, type ArticleInput, type GlossaryEntry, type ImportErrorCode } from "./types";

/** The pipeline's stages, reported as they start (the app shows them as progress). */
export type ImportStage = "extracting" | "analysing" | "drafting";

export interface DraftOptions {
  /** The curriculum glossary (content/glossary.yaml), passed in as data. */
  glossary: GlossaryEntry[];
  onStage?: (stage: ImportStage) => void;
}

export type DraftResult = { ok: true; draft: ArticleDraft } | { ok: false; error: { code: ImportErrorCode; message: string } };

export function draftFromArticle(input: ArticleInput, options: DraftOptions): ArticleDraft {
  options.onStage?.("extracting");
  const article = extractArticle(input);
  options.onStage?.("analysing");
  const analysis = analyzeArticle(article, { glossary: options.glossary, ...(article.date ? { articleDate: article.date } : {}) });
  options.onStage?.("drafting");
  const { questions, alternates, candidateCount } = generateQuestions(analysis);
  const warnings: string[] = [];
  if (!article.date) warnings.push("No article date was given, so dates like “on Tuesday” were not placed on the timeline.");
  if (questions.length < 5) warnings.push("Few questions could be drafted from this article; add your own below.");
  if (analysis.stats.fkGrade > 14) warnings.push(`The estimated reading grade is ${analysis.stats.fkGrade}, above the grade 12 band.`);
  const paragraphSentences = article.paragraphs.map((_, index) => analysis.sentences.filter((s) => s.paragraph === index).map((s) => s.text));
  return {
    version: 1,
    title: article.title,
    format: article.format,
    source: {
      ...(article.outlet ? { outlet: article.outlet } : {}),
      ...(article.author ? { author: article.author } : {}),
      ...(article.date ? { date: article.date } : {}),
      ...(article.url ? { url: article.url } : {}),
    },
    paragraphs: article.paragraphs,
    paragraphSentences,
    stats: analysis.stats,
    genre: article.genre,
    lesson: draftLesson(analysis, questions),
    questions,
    alternates,
    candidateCount,
    warnings,
  };
}

/** Like `draftFromArticle`, but bad input comes back as a typed error instead of a throw. */
export function tryDraftFromArticle(input: ArticleInput, options: DraftOptions): DraftResult {
  try {
    return { ok: true, draft: draftFromArticle(input, options) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

export { ImportError } from "./types";
export type { ArticleDraft, ArticleInput, DraftQuestion, GlossaryEntry } from "./types";
