/**
 * A draft as content/ files (docs/CONTENT_FORMAT.md): lesson.yaml, one
 * level-N.md and the quiz YAML, ready for `npm run content:check`. The lesson
 * body stored when a draft is published is parsed from the same Markdown, so
 * the app and the files never disagree.
 */
import YAML from "yaml";
import { parseLessonMarkdown, type LessonBody } from "../content/markdown";
import { LEVEL_INFO, type LessonMeta, type QuizFile, type ReadingLevel } from "../content/schema";
import { slugify } from "../text/slugify";
import { wordPattern } from "./analyze";
import { toContentQuestion } from "./generate-questions";
import type { ArticleDraft } from "./types";

export interface ContentFile {
  /** Relative to the content/ folder. */
  path: string;
  contents: string;
}

export interface ContentExport {
  slug: string;
  quizId: string;
  level: ReadingLevel;
  files: ContentFile[];
  markdown: string;
  body: LessonBody;
  meta: LessonMeta;
  quiz: QuizFile;
}

export const ARTICLE_SECTION_ID = "s-article";

export function slugForTitle(title: string): string {
  const slug = slugify(title).slice(0, 60).replace(/-+$/, "");
  return slug || "imported-article";
}

/** The reading level whose grade band is nearest the article's estimated grade. */
export function levelForGrade(grade: number): ReadingLevel {
  if (grade >= LEVEL_INFO[2].fkMin && grade <= LEVEL_INFO[2].fkMax) return 2;
  if (grade > LEVEL_INFO[2].fkMax && grade <= LEVEL_INFO[3].fkMax) return 3;
  if (grade > LEVEL_INFO[2].fkMax) return 3;
  if (grade < LEVEL_INFO[2].fkMin) return 1;
  return 2;
}

/** The lesson Markdown: one section, paragraphs anchored p1..pN, the first use of each glossary term marked. */
export function draftToMarkdown(draft: ArticleDraft, level: ReadingLevel): string {
  const marked = new Set<string>();
  const paragraphs = draft.paragraphs.map((paragraph, index) => {
    let text = escapeMarkdown(paragraph);
    for (const entry of draft.lesson.vocabulary) {
      if (!entry.glossaryId || marked.has(entry.glossaryId)) continue;
      const found = new RegExp(wordPattern([entry.term, ...(entry.found ? [entry.found] : [])]).source, "iu").exec(text);
      if (!found) continue;
      marked.add(entry.glossaryId);
      text = `${text.slice(0, found.index)}[[${found[0]}|${entry.glossaryId}]]${text.slice(found.index + found[0].length)}`;
    }
    return `{#p${index + 1}} ${text}`;
  });
  const heading = draft.title.replace(/[{}#]/g, "").trim() || "The article";
  return `---\nlevel: ${level}\n---\n## ${heading} {#${ARTICLE_SECTION_ID}}\n\n${paragraphs.join("\n\n")}\n`;
}

/** Lesson text allows a small Markdown subset and no HTML; keep article characters from turning into markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/\*/g, "∗").replace(/\[\[/g, "[ [").replace(/\]\]/g, "] ]").replace(/<(?=[a-z!/])/gi, "‹").replace(/\{#/g, "{ #");
}

export function draftToContent(draft: ArticleDraft, options: { slug?: string; asOf: string }): ContentExport {
  const slug = options.slug ?? slugForTitle(draft.title);
  const quizId = `${slug}-quiz`;
  const level = levelForGrade(draft.stats.fkGrade);
  const markdown = draftToMarkdown(draft, level);
  const { body } = parseLessonMarkdown(markdown.replace(/^---\n[\s\S]*?\n---\n/, ""));
  const glossaryIds = [...new Set(draft.lesson.vocabulary.flatMap((v) => (v.glossaryId ? [v.glossaryId] : [])))];
  const people = draft.lesson.actors.filter((a) => a.quotes.length > 0).map((a) => a.name);
  const meta: LessonMeta = {
    slug,
    title: draft.title,
    summary: draft.lesson.summary || draft.title,
    topic: "article",
    order: 100,
    asOf: draft.source.date ?? options.asOf,
    objectives: [
      "Summarize the main facts of the article in your own words.",
      ...(people.length >= 2 ? ["Explain who said what in the article, and why their views differ."] : []),
      "Point to the sentence in the article that supports each answer.",
    ],
    vocabulary: glossaryIds,
    takeaways: draft.lesson.keyFacts.length ? draft.lesson.keyFacts.map((f) => f.text) : [draft.lesson.summary || draft.title],
    discussion: [
      "What is the most important fact in this article, and why?",
      ...(people.length >= 2 ? [`${people[0]} and ${people[1]} see this story differently. Whose argument is stronger, and why?`] : []),
      "What else would you want to know, and where could you check it?",
    ],
    timeline: [],
    actors: [],
    sources: [
      {
        title: draft.title,
        publisher: draft.source.outlet ?? draft.source.author ?? "Article provided by the teacher",
        ...(draft.source.url ? { url: draft.source.url } : {}),
        ...(draft.source.date ? { date: draft.source.date } : {}),
      },
    ],
    checks: [],
    quiz: quizId,
    original: true,
  };
  const quiz: QuizFile = {
    id: quizId,
    lesson: slug,
    title: `${draft.title} — quiz`,
    description: `Questions drafted from the article and reviewed by the teacher.`,
    questions: draft.questions.map((q, index) => toContentQuestion(q, `${slug}-q${index + 1}`)),
  };
  const yaml = (value: unknown) => YAML.stringify(value, { lineWidth: 0 });
  return {
    slug,
    quizId,
    level,
    markdown,
    body,
    meta,
    quiz,
    files: [
      { path: `lessons/${slug}/lesson.yaml`, contents: yaml(meta) },
      { path: `lessons/${slug}/level-${level}.md`, contents: markdown },
      { path: `quizzes/${quizId}.yaml`, contents: yaml(quiz) },
    ],
  };
}
