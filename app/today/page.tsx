import type { Metadata } from "next";
import { CARD_GRID, LessonCard } from "@/app/ui/catalog";
import { ProgressMeter } from "@/app/ui/lesson/catalog-progress";
import { TeacherToday } from "@/app/ui/teacher-today";
import { listCatalogLessons } from "@/lib/data/lessons";
import { listOwnReadingProgress } from "@/lib/data/reading-progress";
import { requirePageUser } from "@/lib/data/session";
import { getTeacherToday } from "@/lib/data/teacher-home";
import { lessonDetails } from "@/lib/reading/catalog-text";

/**
 * A teacher's home, rendered per request: who needs them today, and the lessons they may
 * assign (their own imported ones included). proxy.ts rewrites a teacher's `/` here; everyone
 * else's `/` is the shared catalog (app/home/[audience]/page.tsx).
 */
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Today" };

export default async function TeacherHomePage() {
  await requirePageUser("/", ["teacher"]);
  const [today, lessons, progress] = await Promise.all([getTeacherToday(), listCatalogLessons(), listOwnReadingProgress()]);
  const progressById = new Map(progress.map((entry) => [entry.lessonId, entry]));
  return (
    <div className="space-y-10">
      <TeacherToday classes={today} />
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="scroll-mt-20 text-xl font-semibold">
          Lessons to assign
        </h2>
        {lessons.length === 0 ? (
          <p className="muted mt-4">
            No lessons yet. Run <code>npm start</code> to load the curriculum.
          </p>
        ) : (
          <ul className={CARD_GRID}>
            {lessons.map((lesson) => {
              const own = progressById.get(lesson.id);
              return (
                <LessonCard
                  key={lesson.id}
                  lesson={{ id: lesson.id, title: lesson.title, summary: lesson.summary, topicTitle: lesson.topicTitle, sectionCount: lesson.sectionCount, details: lessonDetails(lesson) }}
                  topic={lesson.topicTitle}
                  progress={<ProgressMeter read={own?.sectionsRead.length ?? 0} total={lesson.sectionCount} completed={own?.completedAt != null} />}
                />
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
