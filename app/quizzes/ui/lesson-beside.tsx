import type { ReadingLesson } from "@/lib/data/lessons";

/**
 * The lesson text beside the questions on wide screens (hidden on phones,
 * where the questions come one at a time). Plain paragraphs with their
 * numbers; "See it in the text" links scroll this panel to the paragraph
 * instead of leaving the quiz (see attempt-taker.tsx). Its own scroll area,
 * so it is focusable for keyboard scrolling.
 */
export function LessonBeside({ lesson }: { lesson: ReadingLesson }) {
  const numbers = new Map(lesson.body.sections.flatMap((section) => section.paragraphs).map((paragraph, index) => [paragraph.anchor, index + 1]));
  return (
    <aside
      aria-label="Lesson text"
      tabIndex={0}
      data-lesson-beside
      className="card sticky top-4 hidden max-h-[calc(100vh-2rem)] overflow-y-auto overscroll-contain focus-visible:outline-2 lg:block"
    >
      <p className="text-xs font-semibold uppercase tracking-wide muted">The text · {lesson.levels.find((l) => l.level === lesson.level)?.label ?? `Level ${lesson.level}`}</p>
      <h2 className="mt-1 text-lg font-semibold leading-snug">{lesson.title}</h2>
      {lesson.body.sections.map((section) => (
        <section key={section.id} className="mt-5">
          <h3 className="font-semibold">{section.heading}</h3>
          {section.paragraphs.map((paragraph) => {
            return (
              <p key={paragraph.anchor} id={`text-${paragraph.anchor}`} data-paragraph-anchor={paragraph.anchor} className="mt-3 scroll-mt-4 rounded-md px-1 leading-relaxed transition-colors data-[highlight]:bg-amber-100 data-[highlight]:outline-2 data-[highlight]:outline-amber-600 dark:data-[highlight]:bg-amber-950 dark:data-[highlight]:outline-amber-400">
                <span className="mr-2 text-xs font-semibold tabular-nums text-stone-600 dark:text-stone-400">{numbers.get(paragraph.anchor)}</span>
                {paragraph.plain}
              </p>
            );
          })}
        </section>
      ))}
    </aside>
  );
}
