import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CheckQuestion } from "@/app/ui/lesson/check-question";
import { LessonTimeline } from "@/app/ui/lesson/lesson-timeline";
import { LevelSwitcher } from "@/app/ui/lesson/level-switcher";
import { ReadAloud } from "@/app/ui/lesson/read-aloud";
import { ReadingTracker } from "@/app/ui/lesson/reading-tracker";
import { SentOnceHtml } from "@/app/ui/lesson/sent-once-html";
import { TeacherGuideLink } from "@/app/ui/lesson/teacher-guide-link";
import { termIdsIn } from "@/lib/content/markdown";
import { slugSchema } from "@/lib/content/schema";
import { getImportedLessonExtras } from "@/lib/data/imports";
import { getLessonForReading } from "@/lib/data/lessons";
import { formatContentDate } from "@/lib/reading/format";
import { actorsHtml, listItemsHtml, sourcesHtml, timelineDetailsHtml, timelineHeadHtml, vocabularyHtml } from "@/lib/reading/lesson-html";
import { glossaryPopoversHtml, paragraphHtml } from "@/lib/reading/paragraph-html";
import { PREFERRED_LEVEL_PREFIX } from "@/lib/reading/level-cookie";
import { parseLevelParam } from "@/lib/reading/levels";
import { registerHtml } from "@/lib/reading/shared-html";

/**
 * One page, three routes (docs/ARCHITECTURE.md "Cached pages"):
 * - /lessons/[slug] and /lessons/[slug]/level/[level] (proxy.ts rewrites `?level=N` there) are
 *   the same for every reader, rendered on first request and cached until content changes;
 * - /lessons/[slug]/own/[ownLevel] renders per request for a lesson only some readers may see
 *   (an imported one): the shared route sends every lesson it can't show everyone there.
 * Nothing here reads the session: per-reader parts are client islands fed by GET /api/me.
 */
type Props = { params: Promise<{ slug: string; level?: string; ownLevel?: string }> };

// Built on first request, never at build time: the build may run against another database.
export const revalidate = false;
export async function generateStaticParams() {
  return [];
}

async function loadLesson({ params }: Props) {
  const { slug, level, ownLevel } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const own = ownLevel !== undefined;
  // `/level/p<n>`: the level the reader chose before (proxy.ts, from its cookie), a preference rather than a request.
  const preferred = !own && level !== undefined && level.startsWith(PREFERRED_LEVEL_PREFIX);
  const requested = parseLevelParam(own ? ownLevel : preferred ? level.slice(PREFERRED_LEVEL_PREFIX.length) : level);
  const lesson = await getLessonForReading(slug, requested, own ? "reader" : "everyone");
  if (!lesson && !own) redirect(`/lessons/${slug}/own/${preferred ? "default" : (requested ?? "default")}`);
  if (!lesson) notFound();
  return preferred && requested !== undefined ? { ...lesson, levelFellBack: false, levelSource: "preference" as const } : lesson;
}
export async function generateMetadata(props: Props): Promise<Metadata> {
  const lesson = await loadLesson(props);
  return { title: lesson.title, description: lesson.summary };
}

export default async function LessonPage(props: Props) {
  const loaded = await loadLesson(props);
  // An imported lesson is the teacher's article: its timeline, people and definitions come from the reviewed draft.
  const imported = loaded.origin === "imported" ? await getImportedLessonExtras(loaded.id) : null;
  const lesson = imported ? withImportedExtras(loaded, imported) : loaded;
  const current = lesson.levels.find((option) => option.level === lesson.level)!;
  const paragraphNumbers: Record<string, number> = {};
  lesson.body.sections.flatMap((section) => section.paragraphs).forEach((paragraph, index) => (paragraphNumbers[paragraph.anchor] = index + 1));

  return (
    <div className="lesson-page">
      <nav aria-label="Breadcrumb" className="text-sm" data-no-print>
        <ol className="flex flex-wrap gap-1 muted">
          <li>
            <Link href="/">Lessons</Link>
            <span aria-hidden="true"> / </span>
          </li>
          <li>{imported ? "Article from your teacher" : lesson.topicTitle}</li>
        </ol>
      </nav>

      <header className="mt-3 max-w-3xl">
        <h1 id="lesson-title" className="page-title text-balance">
          {lesson.title}
        </h1>
        <p className="mt-3 text-lg text-stone-700 dark:text-stone-300">{lesson.summary}</p>
        <p className="mt-3 text-sm muted">
          Facts as of <time dateTime={lesson.asOf}>{formatContentDate(lesson.asOf)}</time> · {current.readingMinutes} min read · {current.label} · {current.grades}
        </p>
        <TeacherGuideLink lessonId={lesson.id} />
      </header>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-4 border-y border-stone-200 py-3 dark:border-stone-800" data-no-print>
        {lesson.levels.length > 1 ? (
          <LevelSwitcher slug={lesson.id} levels={lesson.levels} current={lesson.level} />
        ) : (
          <p className="text-sm muted">
            One reading level: {current.label} · {current.grades}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <ReadAloud />
          <Link href={`/lessons/${encodeURIComponent(lesson.id)}/print?level=${lesson.level}`} className="text-sm">
            Print with glossary
          </Link>
        </div>
      </div>
      {lesson.levelFellBack ? (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          This lesson doesn&apos;t have the level you asked for, so you&apos;re reading {current.label} ({current.grades}), the closest one.
        </p>
      ) : null}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          <section aria-labelledby="objectives-heading" className="card max-w-prose">
            <h2 id="objectives-heading" className="text-base font-semibold">
              By the end, you can…
            </h2>
            <SentOnceHtml as="ul" className="mt-2 list-disc space-y-1 pl-5" htmlKey={registerHtml(listItemsHtml(lesson.objectives))} />
          </section>

          <article aria-labelledby="lesson-title" className="lesson-article mt-8 max-w-prose">
            {lesson.body.sections.map((section) => (
              <section key={section.id} aria-labelledby={section.id} className="mt-10 first:mt-0">
                <h2 id={section.id} tabIndex={-1} className="scroll-mt-6 text-2xl font-bold tracking-tight">
                  {section.heading}
                </h2>
                {section.paragraphs.map((paragraph) => (
                  // Each paragraph its own element, so a deep link (#p7) finds it as soon as the page renders, even
                  // while a client-side navigation is still fetching its text. Escaped markup built from the parsed
                  // paragraph (lib/reading/paragraph-html.ts), sent in the HTML only (lib/reading/shared-html.ts).
                  <SentOnceHtml
                    as="p"
                    key={paragraph.anchor}
                    id={paragraph.anchor}
                    data-paragraph
                    tabIndex={-1}
                    className="lesson-paragraph"
                    htmlKey={registerHtml(paragraphHtml(paragraphNumbers[paragraph.anchor]!, paragraph.inline, lesson.glossary, { links: lesson.origin === "curriculum" }))}
                  />
                ))}
                {lesson.checks
                  .filter((check) => check.after === section.id)
                  .map((check) => (
                    <CheckQuestion key={check.id} lessonId={lesson.id} check={check} paragraphNumbers={paragraphNumbers} />
                  ))}
              </section>
            ))}
            {/* The glossary definitions, once per term; every mention's button opens its popover. */}
            <SentOnceHtml as="div" data-no-speak htmlKey={registerHtml(glossaryPopoversHtml(lesson.body.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => termIdsIn(paragraph.inline))), lesson.glossary))} />
          </article>

          <section aria-labelledby="takeaways-heading" className="mt-12 max-w-prose">
            <h2 id="takeaways-heading" className="text-xl font-bold">
              Key takeaways
            </h2>
            <SentOnceHtml as="ul" className="mt-3 list-disc space-y-2 pl-5" htmlKey={registerHtml(listItemsHtml(lesson.takeaways))} />
          </section>

          {lesson.discussion.length > 0 ? (
            <section aria-labelledby="discussion-heading" className="mt-10 max-w-prose">
              <h2 id="discussion-heading" className="text-xl font-bold">
                Talk it over
              </h2>
              <SentOnceHtml as="ol" className="mt-3 list-decimal space-y-2 pl-5" htmlKey={registerHtml(listItemsHtml(lesson.discussion))} />
            </section>
          ) : null}

          {lesson.quizId ? (
            <div className="mt-10 flex flex-wrap items-center gap-4 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900" data-no-print>
              <p className="flex-1 font-medium">Ready? The quiz links every answer back to the paragraph that proves it.</p>
              <Link href={`/quizzes/${lesson.quizId}`} className="btn-primary">
                Take the quiz
              </Link>
            </div>
          ) : null}
        </div>

        <aside className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:self-start lg:overflow-y-auto" aria-label="Lesson tools">
          <ReadingTracker
            lessonId={lesson.id}
            level={lesson.level}
            levels={lesson.levels.map((option) => option.level)}
            levelFromUrlOrAccount={lesson.levelSource !== "default"}
            sections={lesson.body.sections.map((section) => ({ id: section.id, heading: section.heading, lastAnchor: section.paragraphs.at(-1)!.anchor }))}
            paragraphNumbers={paragraphNumbers}
          />
          {lesson.vocabulary.length > 0 ? (
            <section aria-labelledby="vocabulary-heading" className="card">
              <h2 id="vocabulary-heading" className="text-base font-semibold">
                Key vocabulary
              </h2>
              <SentOnceHtml as="dl" className="mt-3 space-y-3 text-sm" htmlKey={registerHtml(vocabularyHtml(lesson.vocabulary))} />
            </section>
          ) : null}
        </aside>
      </div>

      {lesson.timeline.length > 0 ? (
        <section aria-labelledby="timeline-heading" className="mt-16 max-w-3xl">
          <h2 id="timeline-heading" className="text-xl font-bold">
            Timeline
          </h2>
          <div className="mt-3">
            <LessonTimeline events={lesson.timeline.map((event) => ({ id: event.id, head: registerHtml(timelineHeadHtml(event)), details: registerHtml(timelineDetailsHtml(event)) }))} />
          </div>
        </section>
      ) : null}

      {lesson.actors.length > 0 ? (
        <section aria-labelledby="actors-heading" className="mt-16">
          <h2 id="actors-heading" className="text-xl font-bold">
            Who&apos;s who
          </h2>
          <p className="mt-1 text-sm muted">The countries, people and organizations in this lesson, and where each stood as of {formatContentDate(lesson.asOf)}.</p>
          {/* Who's who, grouped by kind: plain lists, nothing to operate but links. */}
          <SentOnceHtml as="div" className="mt-4 grid gap-6 lg:grid-cols-3" htmlKey={registerHtml(actorsHtml(lesson.actors))} />
        </section>
      ) : null}

      <section aria-labelledby="sources-heading" className="mt-16 max-w-3xl border-t border-stone-200 pt-6 dark:border-stone-800">
        <h2 id="sources-heading" className="text-xl font-bold">
          Sources
        </h2>
        {imported ? (
          <p className="mt-1 text-sm muted">
            The lesson text is the article itself, word for word, as {imported.source.author ? <>written by {imported.source.author}</> : "written"}
            {imported.source.outlet ? <> and published by {imported.source.outlet}</> : null}
            {imported.source.date ? (
              <>
                {" "}
                on <time dateTime={imported.source.date}>{formatContentDate(imported.source.date)}</time>
              </>
            ) : null}
            . Your teacher brought it to Civics Lab; the questions, timeline and definitions were drafted from it and reviewed by your teacher.
          </p>
        ) : (
          <p className="mt-1 text-sm muted">
            Facts are current to <time dateTime={lesson.asOf}>{formatContentDate(lesson.asOf)}</time>. The lesson text is our own writing; these are where the facts come from.
          </p>
        )}
        <SentOnceHtml as="ul" className="mt-3 space-y-2" htmlKey={registerHtml(sourcesHtml(lesson.sources, imported?.source.author ? `${imported.source.author}, ` : ""))} />
      </section>
    </div>
  );
}

type ReadingLessonData = Awaited<ReturnType<typeof loadLesson>>;

/** The draft's own timeline, people and sense-checked definitions replace the curriculum's for an imported lesson. */
function withImportedExtras(lesson: ReadingLessonData, extras: NonNullable<Awaited<ReturnType<typeof getImportedLessonExtras>>>): ReadingLessonData {
  const definitions = new Map(extras.vocabulary.map((entry) => [entry.id, entry]));
  const glossary = Object.fromEntries(Object.entries(lesson.glossary).map(([id, entry]) => [id, { ...entry, definition: definitions.get(id)?.definition ?? entry.definition }]));
  return {
    ...lesson,
    glossary,
    vocabulary: extras.vocabulary.length > 0 ? extras.vocabulary : lesson.vocabulary,
    // Lessons published since the body carries a written "Timeline" section (lib/import/to-content.ts) show that one only.
    timeline: lesson.timeline.length > 0 ? lesson.timeline : lesson.body.sections.some((section) => section.id === "s-timeline") ? [] : extras.timeline,
    // Likewise a written "Key people" section (s-people): "Who's who" then keeps only the countries and organizations, so nobody is shown twice.
    actors: lesson.actors.length > 0 ? lesson.actors : lesson.body.sections.some((section) => section.id === "s-people") ? extras.actors.filter((actor) => actor.kind !== "person") : extras.actors,
  };
}
