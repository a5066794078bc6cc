import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidencePreview, GuestPaths } from "@/app/ui/front-door";
import { CARD_GRID, LessonCard } from "@/app/ui/catalog";
import { AccountDeletedNotice, CardProgress, CatalogReaderPanel, GuestOnly } from "@/app/ui/catalog-viewer";
import { listCatalogLessons } from "@/lib/data/lessons";
import { lessonDetails } from "@/lib/reading/catalog-text";

/**
 * The catalog, `/`, the same for every reader: proxy.ts rewrites `/` here (`/home/everyone`)
 * for guests, students and self-learners, and a teacher's `/` to their dashboard (/today).
 * Rendered on first request and cached until content changes (docs/ARCHITECTURE.md "Cached
 * pages"); it reads no cookie, header or query. The reader's progress, the lesson to continue,
 * next steps and lessons only they may see come from GET /api/me?catalog=1 through client
 * islands (app/ui/catalog-viewer.tsx).
 */
type Props = { params: Promise<{ audience: string }> };

export const revalidate = false;
// A dynamic segment only so that nothing is rendered at build time (the build may run against another database).
export async function generateStaticParams() {
  return [];
}

export default async function SharedCatalogPage({ params }: Props) {
  if ((await params).audience !== "everyone") notFound();
  const lessons = await listCatalogLessons("everyone");
  return (
    <div className="space-y-10">
      <AccountDeletedNotice />
      <section className="grid items-center gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Read the news. Find the evidence.</h1>
          <p className="mt-4 text-lg muted">Civics Lab turns real news into reading lessons at your level and quizzes that show you the sentence that proves each answer.</p>
          <GuestOnly>
            <div className="mt-6 flex flex-wrap gap-3">
              <Link href="/sign-up" className="btn-primary">
                Sign up free
              </Link>
              <Link href="#lessons-heading" className="btn-secondary">
                Start reading, no account
              </Link>
            </div>
          </GuestOnly>
        </div>
        <GuestOnly>
          <EvidencePreview />
        </GuestOnly>
      </section>
      <GuestOnly>
        <GuestPaths />
      </GuestOnly>

      <CatalogReaderPanel lessons={lessons.map(({ id, title, sectionCount }) => ({ id, title, sectionCount }))} />

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="scroll-mt-20 text-xl font-semibold">
          Lessons
        </h2>
        {lessons.length === 0 ? (
          <p className="muted mt-4">
            No lessons yet. Run <code>npm start</code> to load the curriculum.
          </p>
        ) : (
          <ul className={CARD_GRID}>
            {lessons.map((lesson) => (
              <LessonCard
                key={lesson.id}
                lesson={{ id: lesson.id, title: lesson.title, summary: lesson.summary, topicTitle: lesson.topicTitle, sectionCount: lesson.sectionCount, details: lessonDetails(lesson) }}
                topic={lesson.topicTitle}
                progress={<CardProgress lessonId={lesson.id} totalSections={lesson.sectionCount} />}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
