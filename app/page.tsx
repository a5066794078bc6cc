import Link from "next/link";
import { NextSteps } from "@/app/ui/next-steps";
import { ContinueCard, GuestContinueCard, GuestLessonProgress, ProgressMeter, type ContinueTarget } from "@/app/ui/lesson/catalog-progress";
import { getSessionUser } from "@/lib/data/session";
import { LEVEL_INFO } from "@/lib/content/schema";
import { listCatalogLessons } from "@/lib/data/lessons";
import { listOwnReadingProgress } from "@/lib/data/reading-progress";
import { getTeacherToday } from "@/lib/data/teacher-home";
import { EvidencePreview, GuestPaths } from "@/app/ui/front-door";
import { TeacherToday } from "@/app/ui/teacher-today";
import { isReadingLevel } from "@/lib/reading/levels";

function levelsText(levels: number[]): string {
  const grades = levels.map((level) => (isReadingLevel(level) ? LEVEL_INFO[level].grades.replace("grades ", "") : String(level)));
  return levels.length === 1 ? `1 reading level (grades ${grades[0]})` : `${levels.length} reading levels (grades ${grades[0]!.split("–")[0]}–${grades.at(-1)!.split("–").at(-1)})`;
}

export default async function HomePage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  const [lessons, user, params] = await Promise.all([listCatalogLessons(), getSessionUser(), searchParams]);
  const accountDeleted = !user && params.reason === "account-deleted";
  const today = user?.role === "teacher" ? await getTeacherToday() : null;
  const progress = user ? await listOwnReadingProgress() : [];
  const progressById = new Map(progress.map((entry) => [entry.lessonId, entry]));
  const sectionCount = new Map(lessons.map((lesson) => [lesson.id, lesson.sectionCount]));
  const resume = progress.find((entry) => entry.completedAt === null && sectionCount.has(entry.lessonId));
  const continueTarget: ContinueTarget | null = resume
    ? { lessonId: resume.lessonId, title: resume.title, level: resume.level, lastAnchor: resume.lastAnchor, read: resume.sectionsRead.length, total: sectionCount.get(resume.lessonId)! }
    : null;

  return (
    <div className="space-y-10">
      {accountDeleted ? (
        <p role="status" data-testid="account-deleted" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          Your account and everything in it have been deleted. Thank you for learning with Civics Lab.
        </p>
      ) : null}
      {today ? (
        <TeacherToday classes={today} />
      ) : (
        <section className={user ? "max-w-3xl" : "grid items-center gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"}>
          <div>
            <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Read the news. Find the evidence.</h1>
            <p className="mt-4 text-lg muted">
              Civics Lab turns real news into reading lessons at your level and quizzes that show you the sentence that proves each answer.
            </p>
            {user ? null : (
              <div className="mt-6 flex flex-wrap gap-3">
                <Link href="/sign-up" className="btn-primary">
                  Sign up free
                </Link>
                <Link href="#lessons-heading" className="btn-secondary">
                  Start reading, no account
                </Link>
              </div>
            )}
          </div>
          {user ? null : <EvidencePreview />}
        </section>
      )}
      {user ? null : <GuestPaths />}

      {user ? continueTarget ? <ContinueCard target={continueTarget} /> : null : <GuestContinueCard lessons={lessons.map(({ id, title, sectionCount }) => ({ id, title, sectionCount }))} />}

      {user && user.role !== "teacher" ? (
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          {/* The continue card above already offers the half-read lesson. */}
          <NextSteps user={user} limit={3} includeReading={continueTarget === null} />
          <section aria-labelledby="progress-link-heading" className="card flex flex-col justify-between gap-3">
            <div>
              <h2 id="progress-link-heading" className="text-lg font-semibold">
                Your progress
              </h2>
              <p className="muted mt-1 text-sm">Topic mastery over time, the lessons you read and every quiz you took.</p>
            </div>
            <Link href="/progress" className="btn-secondary self-start">
              See your progress
            </Link>
          </section>
        </div>
      ) : null}
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="scroll-mt-20 text-xl font-semibold">
          {user?.role === "teacher" ? "Lessons to assign" : "Lessons"}
        </h2>
        {lessons.length === 0 ? (
          <p className="muted mt-4">
            No lessons yet. Run <code>npm start</code> to load the curriculum.
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {lessons.map((lesson) => {
              const own = progressById.get(lesson.id);
              return (
                <li key={lesson.id} className="card relative flex flex-col focus-within:ring-2 focus-within:ring-brand-600 dark:focus-within:ring-brand-300">
                  <p className="text-xs font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-200">{lesson.topicTitle}</p>
                  <h3 className="mt-2 text-lg font-semibold leading-snug">
                    {/* The ::after makes the whole card clickable while the title stays the one link screen readers hear. */}
                    <Link href={`/lessons/${lesson.id}`} className="text-stone-900 no-underline after:absolute after:inset-0 after:rounded-xl hover:underline focus-visible:outline-none dark:text-stone-50">
                      {lesson.title}
                    </Link>
                  </h3>
                  <p className="mt-2 flex-1 text-sm muted">{lesson.summary}</p>
                  <p className="mt-4 text-xs text-stone-700 dark:text-stone-300">
                    {lesson.readingMinutes} min read · {levelsText(lesson.levels)}
                    {lesson.quizId ? " · quiz" : ""}
                  </p>
                  {user ? (
                    <ProgressMeter read={own?.sectionsRead.length ?? 0} total={lesson.sectionCount} completed={own?.completedAt != null} />
                  ) : (
                    <GuestLessonProgress lessonId={lesson.id} totalSections={lesson.sectionCount} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
