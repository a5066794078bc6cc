/**
 * Loads and validates content/. Never throws on bad content: every problem is
 * collected with its file and field so `content:check` can print them all.
 * Callers that need valid content use `loadContentOrThrow`.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { textStats, type TextStats } from "../text/readability";
import { splitFrontMatter } from "./front-matter";
import { parseLessonMarkdown, bodyToPlain, type LessonBody } from "./markdown";
import {
  actorsFileSchema,
  glossaryFileSchema,
  lessonMetaSchema,
  levelFrontmatterSchema,
  quizFileSchema,
  teacherGuideSchema,
  timelineFileSchema,
  topicsFileSchema,
  type Actor,
  type GlossaryTerm,
  type LessonMeta,
  type QuizFile,
  type ReadingLevel,
  type TeacherGuide,
  type TimelineEvent,
  type TopicsFile,
} from "./schema";

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export interface LoadedLevel {
  level: ReadingLevel;
  body: LessonBody;
  stats: TextStats;
  file: string;
}

export interface LoadedLesson {
  meta: LessonMeta;
  levels: LoadedLevel[];
  file: string;
  /** The authored parts of the teacher's guide, when the lesson has a teacher-guide.yaml. */
  guide?: TeacherGuide;
  guideFile?: string;
}

export interface LoadedQuiz extends QuizFile {
  file: string;
}

export interface LoadedContent {
  topics: TopicsFile["topics"];
  glossary: GlossaryTerm[];
  timeline: TimelineEvent[];
  actors: Actor[];
  lessons: LoadedLesson[];
  quizzes: LoadedQuiz[];
}

export const DEFAULT_CONTENT_DIR = path.resolve(process.cwd(), "content");

export function loadContent(contentDir: string = DEFAULT_CONTENT_DIR): { content: LoadedContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;

  function readYaml<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    let raw: unknown;
    try {
      raw = YAML.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      const message = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file is missing" : `invalid YAML: ${(error as Error).message.split("\n")[0]}`;
      problems.push({ file: rel(file), field: "(file)", message });
      return undefined;
    }
    return validate(file, raw, schema);
  }

  function validate<S extends z.ZodType>(file: string, raw: unknown, schema: S): z.infer<S> | undefined {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      problems.push({ file: rel(file), field: formatPath(raw, issue.path), message: issue.message });
    }
    return undefined;
  }

  const topics = readYaml(path.join(contentDir, "topics.yaml"), topicsFileSchema)?.topics ?? [];
  const glossary = readYaml(path.join(contentDir, "glossary.yaml"), glossaryFileSchema)?.terms ?? [];
  const timeline = readYaml(path.join(contentDir, "timeline.yaml"), timelineFileSchema)?.events ?? [];
  const actors = readYaml(path.join(contentDir, "actors.yaml"), actorsFileSchema)?.actors ?? [];

  const lessons: LoadedLesson[] = [];
  const lessonsDir = path.join(contentDir, "lessons");
  for (const slug of listDir(lessonsDir)) {
    const dir = path.join(lessonsDir, slug);
    if (!fs.statSync(dir).isDirectory()) continue;
    const metaFile = path.join(dir, "lesson.yaml");
    const meta = readYaml(metaFile, lessonMetaSchema);
    if (meta && meta.slug !== slug) problems.push({ file: rel(metaFile), field: "slug", message: `"${meta.slug}" does not match the folder name "${slug}"` });
    const levels: LoadedLevel[] = [];
    for (const name of listDir(dir).filter((f) => f.endsWith(".md"))) {
      const file = path.join(dir, name);
      const match = /^level-([123])\.md$/.exec(name);
      if (!match) {
        problems.push({ file: rel(file), field: "(file)", message: "reading files must be named level-1.md, level-2.md or level-3.md" });
        continue;
      }
      const split = splitFrontMatter(fs.readFileSync(file, "utf8"));
      if (!split.ok) {
        problems.push({ file: rel(file), field: "(front matter)", message: split.message });
        continue;
      }
      const front = validate(file, split.data, levelFrontmatterSchema);
      if (!front) continue;
      if (String(front.level) !== match[1]) problems.push({ file: rel(file), field: "level", message: `level ${front.level} does not match the file name` });
      const { body, problems: parseProblems } = parseLessonMarkdown(split.body);
      // Body line numbers count from the body; problems name the line in the file.
      for (const p of parseProblems) problems.push({ file: rel(file), field: `line ${p.line + split.bodyLine}`, message: p.message });
      levels.push({ level: front.level, body, stats: textStats(bodyToPlain(body)), file: rel(file) });
    }
    levels.sort((a, b) => a.level - b.level);
    const guideFile = path.join(dir, "teacher-guide.yaml");
    const guide = fs.existsSync(guideFile) ? readYaml(guideFile, teacherGuideSchema) : undefined;
    if (meta) lessons.push({ meta, levels, file: rel(metaFile), ...(guide ? { guide, guideFile: rel(guideFile) } : {}) });
  }
  lessons.sort((a, b) => a.meta.order - b.meta.order);

  const quizzes: LoadedQuiz[] = [];
  for (const name of listDir(path.join(contentDir, "quizzes"))) {
    const file = path.join(contentDir, "quizzes", name);
    if (!name.endsWith(".yaml")) {
      problems.push({ file: rel(file), field: "(file)", message: "quiz files must end in .yaml" });
      continue;
    }
    const quiz = readYaml(file, quizFileSchema);
    if (quiz) quizzes.push({ ...quiz, file: rel(file) });
  }

  return { content: { topics, glossary, timeline, actors, lessons, quizzes }, problems };
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** "questions[3].choices[1].text" with the item's id where it has one: questions[3 sanc-q04]. */
function formatPath(raw: unknown, issuePath: PropertyKey[]): string {
  let node: unknown = raw;
  let out = "";
  for (const key of issuePath) {
    if (typeof key === "number") {
      node = Array.isArray(node) ? node[key] : undefined;
      const itemId = node && typeof node === "object" && "id" in node ? ` ${String((node).id)}` : "";
      out += `[${key}${itemId}]`;
    } else {
      node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
      out += out ? `.${String(key)}` : String(key);
    }
  }
  return out || "(root)";
}
