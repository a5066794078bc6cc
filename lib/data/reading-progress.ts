/**
 * Reading progress and the remembered reading level of signed-in readers.
 * Guests keep theirs in the browser (lib/reading/guest-progress.ts). Every
 * function reads or writes only the caller's own rows.
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { lessonLevels, lessons, readingProgress, userPreferences } from "../../db/tables";
import { getSessionUser, requireUser } from "./session";
import { paragraphAnchors } from "../content/markdown";
import { AppError } from "../errors";
import type { SaveReadingProgressInput } from "../validations/reading";
import { visibleLessonCondition, visibleLessonConditionFor } from "./lessons";
import { preparedRows, statementsFor } from "./prepared";

export interface ReadingProgressDto {
  lessonId: string;
  level: number;
  sectionsRead: string[];
  lastAnchor: string | null;
  completedAt: Date | null;
  updatedAt: Date;
}

/**
 * Merges a progress report into the caller's progress for one lesson:
 * sections accumulate, the last anchor moves, and the lesson counts as
 * completed (once, never undone) when every section has been read.
 * Rejects lessons the caller can't read (not_found) and levels, sections or
 * anchors the lesson doesn't have (bad_request). Repeating a save is harmless.
 */
export async function saveOwnReadingProgress(input: SaveReadingProgressInput): Promise<ReadingProgressDto & { totalSections: number }> {
  const user = await requireUser();
  return writeTransaction(getDb(), async (tx) => {
    const [lesson] = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(and(eq(lessons.id, input.lessonId), visibleLessonCondition(user)));
    if (!lesson) throw new AppError("not_found", "We couldn't find that lesson.");
    const [levelRow] = await tx
      .select({ body: lessonLevels.body })
      .from(lessonLevels)
      .where(and(eq(lessonLevels.lessonId, lesson.id), eq(lessonLevels.level, input.level)));
    if (!levelRow) throw new AppError("bad_request", `This lesson has no level ${input.level}.`);
    const body = levelRow.body;
    const sectionIds = body.sections.map((section) => section.id);
    const unknown = input.sectionIds.filter((id) => !sectionIds.includes(id));
    if (unknown.length > 0) throw new AppError("bad_request", `This lesson has no section "${unknown[0]}".`);
    if (input.lastAnchor && !paragraphAnchors(body).includes(input.lastAnchor)) throw new AppError("bad_request", `This lesson has no paragraph "${input.lastAnchor}".`);

    const [existing] = await tx
      .select()
      .from(readingProgress)
      .where(and(eq(readingProgress.userId, user.id), eq(readingProgress.lessonId, lesson.id)));
    // Keep only ids the current text still has, in reading order.
    const read = new Set([...(existing?.sectionsRead ?? []), ...input.sectionIds]);
    const sectionsRead = sectionIds.filter((id) => read.has(id));
    const now = new Date();
    const row = {
      level: input.level,
      sectionsRead,
      lastAnchor: input.lastAnchor ?? existing?.lastAnchor ?? null,
      completedAt: existing?.completedAt ?? (sectionsRead.length === sectionIds.length ? now : null),
      updatedAt: now,
    };
    await tx
      .insert(readingProgress)
      .values({ userId: user.id, lessonId: lesson.id, ...row })
      .onConflictDoUpdate({ target: [readingProgress.userId, readingProgress.lessonId], set: row });
    return { lessonId: lesson.id, ...row, totalSections: sectionIds.length };
  });
}

/** The caller's progress in one lesson; null for guests and for lessons not started. */
export async function getOwnReadingProgress(lessonId: string): Promise<ReadingProgressDto | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const [row] = await getDb()
    .select({
      lessonId: readingProgress.lessonId,
      level: readingProgress.level,
      sectionsRead: readingProgress.sectionsRead,
      lastAnchor: readingProgress.lastAnchor,
      completedAt: readingProgress.completedAt,
      updatedAt: readingProgress.updatedAt,
    })
    .from(readingProgress)
    .where(and(eq(readingProgress.userId, user.id), eq(readingProgress.lessonId, lessonId)));
  return row ?? null;
}

const lessonStateStatements = statementsFor((db) => ({
  progress: preparedRows(
    db,
    "own_lesson_progress",
    db
      .select({ sectionsRead: readingProgress.sectionsRead, lastAnchor: readingProgress.lastAnchor, completedAt: readingProgress.completedAt })
      .from(readingProgress)
      .where(and(eq(readingProgress.userId, sql.placeholder("userId")), eq(readingProgress.lessonId, sql.placeholder("lessonId")))),
  ),
  level: preparedRows(db, "own_reading_level", db.select({ level: userPreferences.readingLevel }).from(userPreferences).where(eq(userPreferences.userId, sql.placeholder("userId")))),
}));

/**
 * The caller's progress in one lesson and their saved level, for GET /api/me on every signed-in
 * lesson view: prepared statements (lib/data/prepared.ts). Null for guests.
 */
export async function getOwnLessonState(lessonId: string): Promise<{ progress: { sectionsRead: string[]; lastAnchor: string | null; completed: boolean } | null; readingLevel: number | null } | null> {
  const user = await getSessionUser();
  if (!user) return null;
  return lessonStateOf(user.id, lessonId);
}

/**
 * `userId`'s progress in one lesson and saved level, for callers that have already authenticated
 * that user: `getOwnLessonState` above and the proxy's answer to GET /api/me (lib/data/viewer-answer.ts).
 */
export async function lessonStateOf(userId: string, lessonId: string): Promise<{ progress: { sectionsRead: string[]; lastAnchor: string | null; completed: boolean } | null; readingLevel: number | null }> {
  const statements = lessonStateStatements(getDb());
  const [progress, level] = await Promise.all([statements.progress.get({ userId, lessonId }), statements.level.get({ userId })]);
  return {
    progress: progress ? { sectionsRead: progress.sectionsRead, lastAnchor: progress.lastAnchor, completed: progress.completedAt !== null } : null,
    readingLevel: level?.level ?? null,
  };
}

const ownProgressStatements = statementsFor((db) => ({
  all: preparedRows(
    db,
    "own_reading_progress",
    db
      .select({
        lessonId: readingProgress.lessonId,
        title: lessons.title,
        level: readingProgress.level,
        sectionsRead: readingProgress.sectionsRead,
        lastAnchor: readingProgress.lastAnchor,
        completedAt: readingProgress.completedAt,
        updatedAt: readingProgress.updatedAt,
      })
      .from(readingProgress)
      .innerJoin(lessons, eq(lessons.id, readingProgress.lessonId))
      .where(and(eq(readingProgress.userId, sql.placeholder("userId")), visibleLessonConditionFor(sql.placeholder("userId"), db)))
      .orderBy(desc(readingProgress.updatedAt)),
  ),
}));

/** All of the caller's progress in lessons they can still read, most recent first; empty for guests. A prepared statement: every catalog answer reads it. */
export async function listOwnReadingProgress(): Promise<(ReadingProgressDto & { title: string })[]> {
  const user = await getSessionUser();
  if (!user) return [];
  return ownProgressStatements(getDb()).all.all({ userId: user.id });
}

/** Remembers the caller's reading level for lessons opened without `?level=`. */
export async function setOwnReadingLevel(level: number): Promise<void> {
  const user = await requireUser();
  await writeTransaction(getDb(), async (tx) => {
    await tx
      .insert(userPreferences)
      .values({ userId: user.id, readingLevel: level })
      .onConflictDoUpdate({ target: userPreferences.userId, set: { readingLevel: level, updatedAt: new Date() } });
  });
}

/** The caller's saved reading level (null when none was chosen, or for a guest). */
export async function getOwnReadingLevel(): Promise<number | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const [row] = await getDb().select({ level: userPreferences.readingLevel }).from(userPreferences).where(eq(userPreferences.userId, user.id));
  return row?.level ?? null;
}
