/**
 * The caller's own parts of the catalog (`/`), which is shared by everyone
 * (docs/ARCHITECTURE.md "Cached pages"): reading progress per lesson, the
 * half-read lesson to continue, what to do next, and the lessons only they may
 * see (an imported article assigned to their class), which the shared page
 * never lists. Served by GET /api/me?catalog=1.
 */
import "server-only";
import { lessonDetails } from "../reading/catalog-text";
import type { ViewerCatalog } from "../viewer";
import { listCatalogLessons, listVisibleLessons, sectionCountOf } from "./lessons";
import { listMyNextSteps } from "./next-steps";
import { listOwnReadingProgress } from "./reading-progress";
import { requireUser } from "./session";

/**
 * Every signed-in document load of `/` computes this (proxy.ts sends it with the page), so it reads
 * only what it shows: the visible lessons without their bodies (one prepared statement), the
 * reader's progress, the section count of the one lesson to continue, and the full catalog entries
 * (levels, words, sections) of their private lessons only.
 */
export async function getMyCatalog(): Promise<ViewerCatalog> {
  const user = await requireUser();
  const [lessons, progress] = await Promise.all([listVisibleLessons(), listOwnReadingProgress()]);
  const visible = new Set(lessons.map((lesson) => lesson.id));
  const privateIds = lessons.filter((lesson) => lesson.origin === "imported").map((lesson) => lesson.id);
  const half = progress.find((entry) => entry.completedAt === null && visible.has(entry.lessonId));
  const [privateLessons, total] = await Promise.all([privateIds.length > 0 ? listCatalogLessons("reader", privateIds) : [], half ? sectionsOf(half.lessonId, half.level) : null]);
  const resume = half && total !== null ? half : undefined;
  const nextSteps = user.role === "teacher" ? [] : await listMyNextSteps({ limit: 3, includeReading: resume === undefined }, { lessons, reading: progress });
  return {
    progress: Object.fromEntries(progress.map((entry) => [entry.lessonId, { read: entry.sectionsRead.length, completed: entry.completedAt !== null }])),
    resume: resume ? { lessonId: resume.lessonId, title: resume.title, level: resume.level, lastAnchor: resume.lastAnchor, read: resume.sectionsRead.length, total: total! } : null,
    nextSteps,
    privateLessons: privateLessons
      .filter((lesson) => lesson.origin === "imported")
      .map((lesson) => ({ id: lesson.id, title: lesson.title, summary: lesson.summary, topicTitle: lesson.topicTitle, sectionCount: lesson.sectionCount, details: lessonDetails(lesson) })),
  };
}

/** The lesson's section count at the level the reader was reading (every level of a lesson has the same sections), or at its default level if that one is gone. */
async function sectionsOf(lessonId: string, level: number): Promise<number | null> {
  return (await sectionCountOf(lessonId, level)) ?? (await listCatalogLessons("reader", [lessonId]))[0]?.sectionCount ?? null;
}
