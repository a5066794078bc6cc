/**
 * Lessons as the app reads them: the shared curriculum plus, for a teacher,
 * their own private imported lessons. Nothing here returns answer keys.
 */
import "server-only";
import { cache } from "react";
import { and, asc, eq, exists, inArray, isNull, or, sql, type Placeholder } from "drizzle-orm";
import { getDb } from "../../db/client";
import type { Database } from "../../db/open";
import { actors, assignments, classMembers, glossaryTerms, lessonLevels, lessons, timelineEvents, topics, userPreferences } from "../../db/tables";
import { jsonArrayLength } from "./dialect";
import { preparedRows, statementsFor } from "./prepared";
import { getSessionUser, requireUser, type SessionUser } from "./session";
import { termIdsIn, type LessonBody } from "../content/markdown";
import { LEVEL_INFO } from "../content/schema";
import { AppError } from "../errors";
import { DEFAULT_READING_LEVEL, isReadingLevel, nearestLevel } from "../reading/levels";
import type { ActorHtmlEntry } from "@/lib/reading/lesson-html";

/**
 * Lessons this user may read: the curriculum for everyone; a teacher's private
 * (imported) lesson for its owner and for students of the owner's classes it is
 * assigned to.
 */
export function visibleLessonCondition(user: SessionUser | null) {
  return user ? visibleLessonConditionFor(user.id) : and(eq(lessons.retired, false), isNull(lessons.ownerId));
}

/** The same condition for a signed-in reader given by id: a string, or a prepared statement's placeholder (built on `db`). */
export function visibleLessonConditionFor(userId: string | Placeholder, db: Database = getDb()) {
  const assignedToMe = exists(
    db
      .select({ one: sql`1` })
      .from(assignments)
      .innerJoin(classMembers, eq(classMembers.classId, assignments.classId))
      .where(and(eq(assignments.lessonId, lessons.id), eq(classMembers.studentId, userId), isNull(assignments.deletedAt))),
  );
  return and(eq(lessons.retired, false), or(isNull(lessons.ownerId), eq(lessons.ownerId, userId), assignedToMe));
}

/** A lesson as "what to do next" and the catalog's per-reader answer need it: no levels, no body. */
export type VisibleLesson = Pick<CatalogLesson, "id" | "title" | "topicId" | "quizId" | "origin">;

const visibleLessonStatements = statementsFor((db) => ({
  lessons: preparedRows(
    db,
    "visible_lessons",
    db
      .select({ id: lessons.id, title: lessons.title, topicId: lessons.topicId, quizId: lessons.quizId, origin: lessons.origin })
      .from(lessons)
      .where(visibleLessonConditionFor(sql.placeholder("userId"), db))
      .orderBy(asc(lessons.position), asc(lessons.title)),
  ),
  sections: preparedRows(
    db,
    "lesson_section_count",
    db
      .select({ level: lessonLevels.level, sections: jsonArrayLength(lessonLevels.body, "sections") })
      .from(lessonLevels)
      .innerJoin(lessons, eq(lessons.id, lessonLevels.lessonId))
      .where(and(eq(lessonLevels.lessonId, sql.placeholder("lessonId")), eq(lessonLevels.level, sql.placeholder("level")), visibleLessonConditionFor(sql.placeholder("userId"), db))),
  ),
}));

/**
 * The lessons the signed-in caller may read, in catalog order, without reading any level's body
 * (listCatalogLessons parses every level's JSON for its section counts): one prepared statement,
 * for the per-reader answer of the shared catalog (lib/data/my-catalog.ts) and "what to do next".
 */
export async function listVisibleLessons(): Promise<VisibleLesson[]> {
  const user = await requireUser();
  return visibleLessonStatements(getDb()).lessons.all({ userId: user.id });
}

/** Sections in one level of a lesson the caller may read (leveled lessons share their sections); null when there is no such level. */
export async function sectionCountOf(lessonId: string, level: number): Promise<number | null> {
  const user = await requireUser();
  const row = await visibleLessonStatements(getDb()).sections.get({ lessonId, level, userId: user.id });
  return row ? Number(row.sections) : null;
}

export interface CatalogLesson {
  id: string;
  title: string;
  summary: string;
  topicId: string;
  topicTitle: string;
  levels: number[];
  readingMinutes: number;
  /** Sections per level (leveled lessons share their sections), for progress bars. */
  sectionCount: number;
  origin: "curriculum" | "imported";
  quizId: string | null;
}

/**
 * The catalog this reader may see, in order. `audience: "everyone"` lists what a guest
 * sees without looking at the session: the shared, cached catalog page (`/`).
 */
/** `ids`: only these lessons (the caller's private ones, say), still only those the audience may read. */
export async function listCatalogLessons(audience: "reader" | "everyone" = "reader", ids?: readonly string[]): Promise<CatalogLesson[]> {
  const user = audience === "everyone" ? null : await getSessionUser();
  const rows = await getDb()
    .select({
      id: lessons.id,
      title: lessons.title,
      summary: lessons.summary,
      topicId: lessons.topicId,
      topicTitle: topics.title,
      origin: lessons.origin,
      quizId: lessons.quizId,
      level: lessonLevels.level,
      words: lessonLevels.wordCount,
      sections: jsonArrayLength(lessonLevels.body, "sections"),
    })
    .from(lessons)
    .leftJoin(topics, eq(topics.id, lessons.topicId))
    .innerJoin(lessonLevels, eq(lessonLevels.lessonId, lessons.id))
    .where(and(visibleLessonCondition(user), ids ? inArray(lessons.id, [...ids]) : undefined))
    .orderBy(asc(lessons.position), asc(lessons.title), asc(lessonLevels.level));
  const byId = new Map<string, CatalogLesson & { words: number[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? {
      id: row.id,
      title: row.title,
      summary: row.summary,
      topicId: row.topicId,
      topicTitle: row.topicTitle ?? row.topicId,
      origin: row.origin,
      quizId: row.quizId,
      levels: [],
      words: [],
      readingMinutes: 0,
      sectionCount: 0,
    };
    entry.levels.push(row.level);
    entry.sectionCount = Math.max(entry.sectionCount, row.sections);
    entry.words.push(row.words);
    byId.set(row.id, entry);
  }
  return [...byId.values()].map(({ words, ...lesson }) => ({
    ...lesson,
    readingMinutes: readingMinutes(Math.max(...words)),
  }));
}

// ---------------------------------------------------------------- reading one lesson

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
}

export interface TimelineEntry {
  id: string;
  date: string;
  title: string;
  description: string;
  source: string;
}

/** A who's-who entry as the lesson page renders it (one shape for the data and the sent-once HTML). */
export type ActorEntry = ActorHtmlEntry;

/** A "Check your understanding" question as the browser sees it: no answer, no feedback. */
export interface PublicCheck {
  id: string;
  after: string;
  prompt: string;
  choices: string[];
}

export interface LevelOption {
  level: number;
  label: string;
  grades: string;
  readingMinutes: number;
}

export interface ReadingLesson {
  id: string;
  title: string;
  summary: string;
  topicId: string;
  topicTitle: string;
  asOf: string;
  quizId: string | null;
  origin: "curriculum" | "imported";
  /** The level shown, and why it was chosen. */
  level: number;
  levelSource: "url" | "preference" | "default";
  /** True when the URL asked for a level this lesson doesn't have. */
  levelFellBack: boolean;
  levels: LevelOption[];
  body: LessonBody;
  objectives: string[];
  takeaways: string[];
  discussion: string[];
  sources: { title: string; publisher: string; url?: string; date?: string }[];
  vocabulary: GlossaryEntry[];
  /** Every glossary term marked in this level's text, by id. */
  glossary: Record<string, GlossaryEntry>;
  timeline: TimelineEntry[];
  actors: ActorEntry[];
  checks: PublicCheck[];
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}

function levelOption(level: number, words: number): LevelOption {
  const info = isReadingLevel(level) ? LEVEL_INFO[level] : undefined;
  return { level, label: info?.label ?? `Level ${level}`, grades: info?.grades ?? "", readingMinutes: readingMinutes(words) };
}

/** Timeline dates are YYYY, YYYY-MM or YYYY-MM-DD; string order is date order once padded. */
function timelineSortKey(date: string): string {
  return date.length === 4 ? `${date}-00-00` : date.length === 7 ? `${date}-00` : date;
}

/**
 * One lesson for the reader, or null if it doesn't exist or this visitor may
 * not read it (pages turn null into a 404, so private lessons don't leak).
 * The level is `requestedLevel` if given, else the signed-in reader's saved
 * preference, else 2, and in every case the nearest level the lesson has.
 * Check answers and feedback are left out (see gradeLessonCheck).
 * Memoized per request (React `cache`): the page and its metadata share one read.
 * `audience: "everyone"` reads it as a guest would, without looking at the session:
 * what the shared, cached lesson pages show (no private lessons, no saved level).
 */
export const getLessonForReading = cache(async (slug: string, requestedLevel?: number, audience: "reader" | "everyone" = "reader"): Promise<ReadingLesson | null> => {
  const user = audience === "everyone" ? null : await getSessionUser();
  const db = getDb();
  const [lesson] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      summary: lessons.summary,
      topicId: lessons.topicId,
      topicTitle: topics.title,
      asOf: lessons.asOf,
      quizId: lessons.quizId,
      origin: lessons.origin,
      meta: lessons.meta,
    })
    .from(lessons)
    .leftJoin(topics, eq(topics.id, lessons.topicId))
    .where(and(eq(lessons.id, slug), visibleLessonCondition(user)));
  if (!lesson) return null;

  const levelRows = await db
    .select({ level: lessonLevels.level, words: lessonLevels.wordCount })
    .from(lessonLevels)
    .where(eq(lessonLevels.lessonId, lesson.id))
    .orderBy(asc(lessonLevels.level));
  if (levelRows.length === 0) return null;

  let wanted = requestedLevel;
  let levelSource: ReadingLesson["levelSource"] = "url";
  if (wanted === undefined && user) {
    const [preference] = await db.select({ readingLevel: userPreferences.readingLevel }).from(userPreferences).where(eq(userPreferences.userId, user.id));
    if (preference?.readingLevel) {
      wanted = preference.readingLevel;
      levelSource = "preference";
    }
  }
  if (wanted === undefined) {
    wanted = DEFAULT_READING_LEVEL;
    levelSource = "default";
  }
  const level = nearestLevel(
    levelRows.map((row) => row.level),
    wanted,
  );

  const [levelRow] = await db.select({ body: lessonLevels.body }).from(lessonLevels).where(and(eq(lessonLevels.lessonId, lesson.id), eq(lessonLevels.level, level)));
  if (!levelRow) return null;
  const body = levelRow.body;
  const meta = lesson.meta;

  const termIds = [...new Set([...body.sections.flatMap((s) => s.paragraphs.flatMap((p) => termIdsIn(p.inline))), ...(meta.vocabulary ?? [])])];
  const terms = termIds.length
    ? await db.select({ id: glossaryTerms.id, term: glossaryTerms.term, definition: glossaryTerms.definition }).from(glossaryTerms).where(inArray(glossaryTerms.id, termIds))
    : [];
  const glossary = Object.fromEntries(terms.map((term) => [term.id, term]));

  const timelineIds = meta.timeline ?? [];
  const events = timelineIds.length
    ? await db
        .select({ id: timelineEvents.id, date: timelineEvents.date, title: timelineEvents.title, description: timelineEvents.description, source: timelineEvents.source })
        .from(timelineEvents)
        .where(inArray(timelineEvents.id, timelineIds))
    : [];
  events.sort((a, b) => timelineSortKey(a.date).localeCompare(timelineSortKey(b.date)) || timelineIds.indexOf(a.id) - timelineIds.indexOf(b.id));

  const actorIds = meta.actors ?? [];
  const actorRows = actorIds.length
    ? await db
        .select({ id: actors.id, name: actors.name, kind: actors.kind, role: actors.role, position: actors.position, source: actors.source })
        .from(actors)
        .where(inArray(actors.id, actorIds))
    : [];
  actorRows.sort((a, b) => actorIds.indexOf(a.id) - actorIds.indexOf(b.id));

  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    topicId: lesson.topicId,
    topicTitle: lesson.topicTitle ?? lesson.topicId,
    asOf: lesson.asOf,
    quizId: lesson.quizId,
    origin: lesson.origin,
    level,
    levelSource,
    levelFellBack: requestedLevel !== undefined && requestedLevel !== level,
    levels: levelRows.map((row) => levelOption(row.level, row.words)),
    body,
    objectives: meta.objectives ?? [],
    takeaways: meta.takeaways ?? [],
    discussion: meta.discussion ?? [],
    sources: meta.sources ?? [],
    vocabulary: (meta.vocabulary ?? []).flatMap((id) => (glossary[id] ? [glossary[id]] : [])),
    glossary,
    timeline: events,
    actors: actorRows,
    checks: (meta.checks ?? []).map(({ id, after, prompt, choices }) => ({ id, after, prompt, choices })),
  };
});

export interface CheckResult {
  checkId: string;
  correct: boolean;
  /** Why the answer is right; only sent once the reader has found it. */
  feedback: string | null;
  /** The paragraph that holds the evidence. */
  evidenceAnchor: string;
}

/**
 * Grades one "Check your understanding" answer. Public (guests read too) but
 * scoped to lessons this visitor may read; nothing is stored.
 */
export async function gradeLessonCheck(input: { lessonId: string; checkId: string; choice: number }): Promise<CheckResult> {
  const user = await getSessionUser();
  const [lesson] = await getDb()
    .select({ meta: lessons.meta })
    .from(lessons)
    .where(and(eq(lessons.id, input.lessonId), visibleLessonCondition(user)));
  if (!lesson) throw new AppError("not_found", "We couldn't find that lesson.");
  const check = (lesson.meta.checks ?? []).find((c) => c.id === input.checkId);
  if (!check) throw new AppError("not_found", "That question isn't part of this lesson.");
  if (input.choice >= check.choices.length) throw new AppError("bad_request", "Pick one of the answers shown.");
  const correct = input.choice === check.answer;
  return { checkId: check.id, correct, feedback: correct ? check.feedback : null, evidenceAnchor: check.evidence };
}
