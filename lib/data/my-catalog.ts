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
import { listCatalogLessons } from "./lessons";
import { listMyNextSteps } from "./next-steps";
import { listOwnReadingProgress } from "./reading-progress";
import { requireUser } from "./session";

export async function getMyCatalog(): Promise<ViewerCatalog> {
  const user = await requireUser();
  const [lessons, progress] = await Promise.all([listCatalogLessons(), listOwnReadingProgress()]);
  const sectionCount = new Map(lessons.map((lesson) => [lesson.id, lesson.sectionCount]));
  const resume = progress.find((entry) => entry.completedAt === null && sectionCount.has(entry.lessonId));
  const nextSteps = user.role === "teacher" ? [] : await listMyNextSteps({ limit: 3, includeReading: resume === undefined }, { lessons, reading: progress });
  return {
    progress: Object.fromEntries(progress.map((entry) => [entry.lessonId, { read: entry.sectionsRead.length, completed: entry.completedAt !== null }])),
    resume: resume ? { lessonId: resume.lessonId, title: resume.title, level: resume.level, lastAnchor: resume.lastAnchor, read: resume.sectionsRead.length, total: sectionCount.get(resume.lessonId)! } : null,
    nextSteps,
    privateLessons: lessons
      .filter((lesson) => lesson.origin === "imported")
      .map((lesson) => ({ id: lesson.id, title: lesson.title, summary: lesson.summary, topicTitle: lesson.topicTitle, sectionCount: lesson.sectionCount, details: lessonDetails(lesson) })),
  };
}
