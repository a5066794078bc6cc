import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidencePreview, GuestPaths } from "@/app/ui/front-door";
import { CARD_GRID, LessonCard } from "@/app/ui/catalog";
import { AccountDeletedNotice, CardProgress, CatalogReaderPanel, GuestOnly } from "@/app/ui/catalog-viewer";
import { listCatalogLessons } from "@/lib/data/lessons";
import { lessonDetails } from "@/lib/reading/catalog-text";

/**
 * The catalog, `/`, in two shared variants: proxy.ts rewrites `/` here, to `/home/member` when
 * the request carries a session cookie that opens with AUTH_SECRET (a student or self-learner),
 * to `/home/everyone` otherwise, and a teacher's `/` to their dashboard (/today). The member
 * variant has no sign-up calls, so a signed-in reader never sees them flash by before
 * /api/me answers; it is per variant, never per user (the cookie only picks which shared page).
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

const AUDIENCES = new Set(["everyone", "member"]);

export default async function SharedCatalogPage({ params }: Props) {
  const { audience } = await params;
  if (!AUDIENCES.has(audience)) notFound();
  // The member variant leaves the guest parts out altogether (not just hidden: a client island's
  // children would still travel in the RSC payload). A session that ended since the cookie was set
  // still lands here; the header then offers "Sign in" and "Sign up" once /api/me says "guest".
  const guest = audience === "everyone";
  const lessons = await listCatalogLessons("everyone");
  return (
    <div className="space-y-10">
      <AccountDeletedNotice />
      <section className={guest ? "grid items-center gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" : "max-w-3xl"}>
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Read the news. Find the evidence.</h1>
          <p className="mt-4 text-lg muted">Civics Lab turns real news into reading lessons at your level and quizzes that show you the sentence that proves each answer.</p>
          {guest ? (
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
          ) : null}
        </div>
        {guest ? (
          <GuestOnly>
            <EvidencePreview />
          </GuestOnly>
        ) : null}
      </section>
      {guest ? (
        <GuestOnly>
          <GuestPaths />
        </GuestOnly>
      ) : null}

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
