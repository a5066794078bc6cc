/**
 * Lessons as the app reads them: the shared curriculum plus, for a teacher,
 * their own private imported lessons. Nothing here returns answer keys.
 */
import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { lessonLevels, lessons, topics } from "../../db/schema";
import { getSessionUser, type SessionUser } from "../auth/session";

/** Lessons this user may read: curriculum for everyone, private lessons for their owner. */
export function visibleLessonCondition(user: SessionUser | null) {
  const base = eq(lessons.retired, false);
  return user ? and(base, or(isNull(lessons.ownerId), eq(lessons.ownerId, user.id))) : and(base, isNull(lessons.ownerId));
}

export interface CatalogLesson {
  id: string;
  title: string;
  summary: string;
  topicId: string;
  topicTitle: string;
  levels: number[];
  readingMinutes: number;
  origin: "curriculum" | "imported";
  quizId: string | null;
}

export async function listCatalogLessons(): Promise<CatalogLesson[]> {
  const user = await getSessionUser();
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
    })
    .from(lessons)
    .leftJoin(topics, eq(topics.id, lessons.topicId))
    .innerJoin(lessonLevels, eq(lessonLevels.lessonId, lessons.id))
    .where(visibleLessonCondition(user))
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
    };
    entry.levels.push(row.level);
    entry.words.push(row.words);
    byId.set(row.id, entry);
  }
  return [...byId.values()].map(({ words, ...lesson }) => ({
    ...lesson,
    readingMinutes: Math.max(1, Math.round(Math.max(...words) / 200)),
  }));
}
