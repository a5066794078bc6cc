/**
 * "What to do next" for a signed-in reader, most useful first: work a teacher
 * assigned, due review cards, a lesson left half-read, then the weakest topic's
 * quiz. Shown on /progress (rendered there) and on the catalog (through
 * GET /api/me?catalog=1, since the catalog page is shared by everyone).
 */
import "server-only";
import { formatInZone } from "../dates";
import type { NextStep } from "../viewer";
import { listMyAssignments } from "./assignments";
import { listVisibleLessons, type VisibleLesson } from "./lessons";
import { getMyTopicMastery } from "./mastery";
import { listOwnReadingProgress } from "./reading-progress";
import { countDueReviews } from "./review";
import { requireUser } from "./session";

/**
 * `alreadyRead`: the caller's catalog and reading progress, when the caller has just read them itself
 * through the same DAL functions (the catalog's /api/me answer, lib/data/my-catalog.ts), so they
 * aren't read twice per request.
 */
export async function listMyNextSteps(
  { limit = 4, includeReading = true }: { limit?: number; includeReading?: boolean } = {},
  alreadyRead?: { lessons: readonly VisibleLesson[]; reading: Awaited<ReturnType<typeof listOwnReadingProgress>> },
): Promise<NextStep[]> {
  const user = await requireUser();
  const [due, reading, topicMastery, lessons, assigned] = await Promise.all([
    countDueReviews(),
    alreadyRead?.reading ?? listOwnReadingProgress(),
    getMyTopicMastery(),
    alreadyRead?.lessons ?? listVisibleLessons(),
    user.role === "student" ? listMyAssignments() : Promise.resolve([]),
  ]);
  const steps: NextStep[] = [];
  // Work still possible: past-due assignments no longer accept answers (they show on /assignments).
  const open = assigned.filter((item) => item.status === "not_started" || item.status === "in_progress").sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  for (const item of open.slice(0, 2)) {
    steps.push({
      key: `assignment-${item.id}`,
      href: "/assignments",
      action: `Do your assignment: ${item.lessonTitle}`,
      why: item.dueAt ? `${item.className}, due ${formatInZone(item.dueAt, item.timeZone)}` : item.className,
    });
  }
  if (due > 0) steps.push({ key: "review", href: "/review", action: `Review ${due} due card${due === 1 ? "" : "s"}`, why: "a few minutes now keeps what you learned" });
  for (const lesson of includeReading ? reading.filter((entry) => entry.completedAt === null).slice(0, 2) : []) {
    steps.push({
      key: `read-${lesson.lessonId}`,
      href: `/lessons/${encodeURIComponent(lesson.lessonId)}${lesson.lastAnchor ? `#${lesson.lastAnchor}` : ""}`,
      action: `Finish reading ${lesson.title}`,
      why: `${lesson.sectionsRead.length} section${lesson.sectionsRead.length === 1 ? "" : "s"} read so far`,
    });
  }
  const weakest = topicMastery.filter((topic) => topic.count > 0 && topic.level !== "Mastered").sort((a, b) => a.average - b.average)[0];
  if (weakest) {
    const quizLesson = lessons.find((lesson) => lesson.topicId === weakest.id && lesson.quizId);
    steps.push({
      key: "weakest",
      href: quizLesson?.quizId ? `/quizzes/${encodeURIComponent(quizLesson.quizId)}` : "/quizzes",
      action: `Practise ${weakest.label}`,
      why: `your weakest topic so far (${Math.round(weakest.average * 100)}%, ${weakest.level})`,
    });
  }
  const unread = lessons.find((lesson) => !reading.some((entry) => entry.lessonId === lesson.id));
  if (steps.length === 0 && unread) steps.push({ key: "start", href: `/lessons/${encodeURIComponent(unread.id)}`, action: `Start a lesson: ${unread.title}`, why: "then take its quiz" });
  if (steps.length === 0) steps.push({ key: "quizzes", href: "/quizzes", action: "Take a quiz again", why: "everything is read and nothing is due" });
  return steps.slice(0, limit);
}
