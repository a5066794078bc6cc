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
import { wordPattern } from "./analyze/text";
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

/**
 * The lesson Markdown: the article's own sections (from its headings; one section when it has none) with paragraphs
 * anchored p1..pN and the first use of each glossary term marked, then "Key people" and "Timeline" sections written
 * from the analysis, so they travel with the exported files and the published lesson.
 */
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
  const heading = cleanHeading(draft.title) || "The article";
  const sections = draft.lesson.sections?.length ? draft.lesson.sections : [{ title: heading, anchors: draft.paragraphs.map((_, i) => `p${i + 1}`) }];
  const usedIds = new Set<string>();
  const blocks: string[] = [];
  sections.forEach((section, i) => {
    const title = sections.length === 1 ? heading : cleanHeading(section.title) || `Part ${i + 1}`;
    let id = sections.length === 1 ? ARTICLE_SECTION_ID : `s-${slugify(title).slice(0, 40).replace(/-+$/, "") || `part-${i + 1}`}`;
    if (usedIds.has(id) || id === "s-" || id === "s-people" || id === "s-timeline") id = `${id}-${i + 1}`;
    usedIds.add(id);
    const body = section.anchors.map((anchor) => paragraphs[Number(anchor.slice(1)) - 1]).filter(Boolean);
    if (body.length) blocks.push(`## ${title} {#${id}}\n\n${body.join("\n\n")}`);
  });
  const people = draft.lesson.actors.filter((a) => a.kind === "person").slice(0, 8);
  if (people.length) {
    const lines = people.map((person, i) => {
      const aliases = person.aliases.filter((a) => a !== person.name);
      const said = person.quotes.length ? ` Quoted ${person.quotes.length === 1 ? "once" : `${person.quotes.length} times`} in the article.` : "";
      return `{#k${i + 1}} **${escapeMarkdown(person.name)}**${person.role ? `, ${person.role}` : ""}.${aliases.length ? ` Also called ${aliases.map(escapeMarkdown).join(", ")}.` : ""}${said}`;
    });
    blocks.push(`## Key people {#s-people}\n\n${lines.join("\n\n")}`);
  }
  if (draft.lesson.timeline.length) {
    const lines = draft.lesson.timeline.map((event, i) => `{#t${i + 1}} **${formatDate(event.date)}**: ${escapeMarkdown(event.text)}`);
    blocks.push(`## Timeline {#s-timeline}\n\n${lines.join("\n\n")}`);
  }
  return `---\nlevel: ${level}\n---\n${blocks.join("\n\n")}\n`;
}

function cleanHeading(text: string): string {
  return text.replace(/[{}#]/g, "").replace(/\s+/g, " ").trim();
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2016-06" → "June 2016"; "2023-03-03" → "March 3, 2023". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  if (!month) return year!;
  const name = MONTH_NAMES[Number(month) - 1]!;
  return day ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`;
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
  const meta: LessonMeta = {
    slug,
    title: draft.title,
    summary: draft.lesson.summary || draft.title,
    topic: "article",
    order: 100,
    asOf: draft.source.date ?? options.asOf,
    objectives: draft.lesson.objectives?.length ? draft.lesson.objectives : ["Summarize the main facts of the article in your own words."],
    vocabulary: glossaryIds,
    takeaways: draft.lesson.keyFacts.length ? draft.lesson.keyFacts.map((f) => f.text) : [draft.lesson.summary || draft.title],
    // Written-response prompts go with the discussion: the teacher grades them, the quiz engine cannot.
    discussion: [...(draft.lesson.discussion ?? []), ...(draft.lesson.writingPrompts ?? []).map((p) => `Write: ${p}`)],
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
