import Link from "next/link";
import type { SessionUser } from "@/lib/data/session";
import { listMyAssignments } from "@/lib/data/assignments";
import { formatInZone } from "@/lib/dates";
import { listCatalogLessons } from "@/lib/data/lessons";
import { getMyMastery } from "@/lib/data/mastery";
import { listOwnReadingProgress } from "@/lib/data/reading-progress";
import { countDueReviews } from "@/lib/data/review";

interface Step {
  key: string;
  href: string;
  action: string;
  why: string;
}

/**
 * "What to do next" for a signed-in reader, most useful first: work a teacher
 * assigned, due review cards, a lesson left half-read, then the weakest topic's
 * quiz. Shown on the home page and on /progress.
 */
export async function NextSteps({ user, limit = 4, includeReading = true }: { user: SessionUser; limit?: number; includeReading?: boolean }) {
  const [due, reading, mastery, lessons, assigned] = await Promise.all([
    countDueReviews(),
    listOwnReadingProgress(),
    getMyMastery(),
    listCatalogLessons(),
    user.role === "student" ? listMyAssignments() : Promise.resolve([]),
  ]);
  const steps: Step[] = [];
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
  const weakest = mastery.topics.filter((topic) => topic.count > 0 && topic.level !== "Mastered").sort((a, b) => a.average - b.average)[0];
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
  return (
    <section aria-labelledby="next-steps-heading" className="card space-y-3" data-testid="next-steps">
      <h2 id="next-steps-heading" className="text-lg font-semibold">
        What to do next
      </h2>
      <ol className="space-y-2 text-sm">
        {steps.slice(0, limit).map((step) => (
          <li key={step.key} className="flex flex-wrap items-baseline gap-x-2">
            <Link href={step.href} className="font-medium">
              {step.action}
            </Link>
            <span className="muted">— {step.why}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
