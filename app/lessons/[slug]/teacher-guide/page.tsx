import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { slugSchema } from "@/lib/content/schema";
import { getTeacherGuide, GUIDE_LEVEL, type TeacherGuideView } from "@/lib/data/teacher-guides";
import { isAppError } from "@/lib/errors";
import { formatContentDate } from "@/lib/reading/format";
import { PrintButton } from "./print-button";

type Props = { params: Promise<{ slug: string }> };

async function loadGuide({ params }: Props): Promise<TeacherGuideView> {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  try {
    return await getTeacherGuide(slug);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const view = await loadGuide(props);
  return { title: `Teacher's guide: ${view.lesson.title}`, robots: { index: false } };
}

const PHASE_LABEL: Record<string, string> = { "warm-up": "Warm-up", reading: "Reading", discussion: "Discussion", quiz: "Quiz" };
const TYPE_LABEL: Record<string, string> = {
  single: "Multiple choice",
  multiple: "Choose all that apply",
  true_false: "True or false",
  ordering: "Ordering",
  matching: "Matching",
  short_answer: "Short answer",
  numeric: "Number",
  cloze: "Fill in the blanks",
};

function paragraphList(labels: string[]): string {
  return labels.map((label) => label.replace(/^paragraph /, "¶\u00a0")).join(", ");
}

/** Printable teacher-only page: objectives, a 45-minute plan, discussion, misconceptions, the answer key and an extension. */
export default async function TeacherGuidePage(props: Props) {
  const { lesson, guide, answerKey, misconceptions, sectionHeadings } = await loadGuide(props);
  const level2 = lesson.levels.find((option) => option.level === GUIDE_LEVEL) ?? lesson.levels[0];
  const starts = (guide?.plan ?? []).map((_, index, plan) => plan.slice(0, index).reduce((sum, step) => sum + step.minutes, 0));

  return (
    <div className="teacher-guide mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="text-sm" data-no-print>
        <ol className="flex flex-wrap gap-1 muted">
          <li>
            <Link href="/">Lessons</Link>
            <span aria-hidden="true"> / </span>
          </li>
          <li>
            <Link href={`/lessons/${lesson.id}`}>{lesson.title}</Link>
            <span aria-hidden="true"> / </span>
          </li>
          <li aria-current="page">Teacher&apos;s guide</li>
        </ol>
      </nav>

      <header className="mt-3 border-b border-stone-200 pb-5 dark:border-stone-800 print:mt-0 print:pb-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300 print:text-black">Teacher&apos;s guide · for teachers only</p>
        <h1 className="page-title mt-1 text-balance">{lesson.title}</h1>
        <p className="mt-2 text-stone-700 dark:text-stone-300 print:text-black">{lesson.summary}</p>
        <p className="mt-2 text-sm muted">
          {lesson.topicTitle} · Facts as of <time dateTime={lesson.asOf}>{formatContentDate(lesson.asOf)}</time> ·{" "}
          {lesson.levels.map((option) => `${option.label} (${option.grades}, ~${option.readingMinutes} min)`).join(", ")}
          {answerKey.length ? ` · Quiz: ${answerKey.length} questions` : ""}
        </p>
        <div className="mt-4 flex flex-wrap gap-3" data-no-print>
          <PrintButton />
          <Link href={`/lessons/${lesson.id}`} className="btn-secondary">
            Open the lesson
          </Link>
          {lesson.quizId ? (
            <Link href={`/quizzes/${lesson.quizId}`} className="btn-secondary">
              Preview the quiz
            </Link>
          ) : null}
        </div>
      </header>

      <section aria-labelledby="tg-objectives" className="guide-section">
        <h2 id="tg-objectives" className="guide-heading">
          Objectives
        </h2>
        <p className="muted text-sm">By the end of the lesson, students can:</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {lesson.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
        {lesson.vocabulary.length ? (
          <p className="mt-3 text-sm">
            <span className="font-semibold">Vocabulary: </span>
            {lesson.vocabulary.map((term) => term.term).join(", ")}
          </p>
        ) : null}
      </section>

      {guide ? (
        <section aria-labelledby="tg-plan" className="guide-section">
          <h2 id="tg-plan" className="guide-heading">
            A 45-minute plan
          </h2>
          <ol className="mt-3 space-y-4">
            {guide.plan.map((step, index) => {
              const start = starts[index]!;
              const end = start + step.minutes;
              return (
                <li key={step.phase} className="guide-block grid gap-x-4 gap-y-1 sm:grid-cols-[7.5rem_minmax(0,1fr)] print:grid-cols-[7.5rem_minmax(0,1fr)]">
                  <div>
                    <p className="font-semibold">{PHASE_LABEL[step.phase]}</p>
                    <p className="text-sm muted">
                      {step.minutes} min <span className="whitespace-nowrap">({start}–{end})</span>
                    </p>
                  </div>
                  <div>
                    <p className="font-semibold">{step.title}</p>
                    {step.sections.length ? (
                      <p className="text-sm muted">Sections: {step.sections.map((id) => sectionHeadings[id] ?? id).join(" · ")}</p>
                    ) : null}
                    <ul className="mt-1 list-disc space-y-1 pl-5">
                      {step.steps.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ) : (
        <section aria-labelledby="tg-plan" className="guide-section">
          <h2 id="tg-plan" className="guide-heading">
            Plan
          </h2>
          <p className="muted">This lesson has no written class plan yet (lessons you import don&apos;t come with one). The discussion questions and the answer key below come from the lesson and its quiz.</p>
        </section>
      )}

      <section aria-labelledby="tg-discussion" className="guide-section">
        <h2 id="tg-discussion" className="guide-heading">
          Discussion questions
        </h2>
        {guide ? (
          <ol className="mt-3 list-decimal space-y-4 pl-5">
            {guide.discussion.map((item) => (
              <li key={item.question} className="guide-block">
                <p className="font-semibold">{item.question}</p>
                <p className="mt-1 text-sm font-semibold text-stone-700 dark:text-stone-300 print:text-black">
                  A strong answer includes{item.evidence.length ? <span className="font-normal"> (see {item.evidence.map((anchor) => `¶\u00a0${anchor.replace(/^p/, "")}`).join(", ")})</span> : null}:
                </p>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                  {item.strongAnswers.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            {lesson.discussion.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ol>
        )}
      </section>

      {misconceptions.length ? (
        <section aria-labelledby="tg-misconceptions" className="guide-section">
          <h2 id="tg-misconceptions" className="guide-heading">
            Common misconceptions
          </h2>
          <p className="muted text-sm">Each one is a wrong answer the quiz expects; the feedback students get is quoted so the class hears one explanation.</p>
          <ul className="mt-3 space-y-4">
            {misconceptions.map((item) => (
              <li key={item.misconception} className="guide-block rounded-lg border border-stone-200 p-4 dark:border-stone-800 print:border-stone-400 print:p-3">
                <p>
                  <span className="font-semibold">Misconception: </span>
                  {item.misconception}
                </p>
                <p className="mt-1">
                  <span className="font-semibold">What to say instead: </span>
                  {item.correction}
                </p>
                {item.questions.map((question) => (
                  <div key={question.questionId} className="mt-2 text-sm">
                    <p className="muted">
                      Caught by question {question.number}: {question.prompt}
                    </p>
                    <ul className="mt-1 space-y-1 border-l-2 border-stone-300 pl-3 dark:border-stone-700">
                      {question.feedback.map((entry) => (
                        <li key={entry.answer}>
                          <span className="italic">“{entry.answer}”</span> → {entry.feedback}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {answerKey.length ? (
        <section aria-labelledby="tg-key" className="guide-section print:break-before-page">
          <h2 id="tg-key" className="guide-heading">
            Answer key
          </h2>
          <p className="muted text-sm">
            From the quiz as students see it now. Paragraph numbers (¶) refer to the {level2 ? `${level2.label} text` : "lesson text"}; every level uses the same numbers.
          </p>
          <ol className="mt-3 space-y-3">
            {answerKey.map((item) => (
              <li key={item.questionId} className="guide-block border-b border-stone-200 pb-3 last:border-b-0 dark:border-stone-800 print:border-stone-300" aria-labelledby={`key-${item.questionId}`}>
                <p id={`key-${item.questionId}`} className="font-semibold">
                  <span className="mr-1">{item.number}.</span>
                  {item.prompt} <span className="text-xs font-normal muted">({TYPE_LABEL[item.type] ?? item.type})</span>
                </p>
                <div className="mt-1 text-sm">
                  <p>
                    <span className="font-semibold">Answer: </span>
                    {item.answerLines.length > 1 ? item.answerLines.join(" · ") : item.answerLines[0]}
                  </p>
                  <p className="mt-1">
                    <span className="font-semibold">Why: </span>
                    {item.explanation}
                  </p>
                  {item.evidence.length ? (
                    <p className="mt-1" data-testid="key-evidence">
                      <span className="font-semibold">Evidence: </span>
                      <span className="print:hidden">
                        {item.evidence.map((link, index) => (
                          <span key={link.anchor}>
                            {index ? ", " : null}
                            <Link href={link.href}>{link.label.replace(/^paragraph /, "¶\u00a0")}</Link>
                          </span>
                        ))}
                      </span>
                      <span className="hidden print:inline">{paragraphList(item.evidence.map((link) => link.label))}</span>
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {guide ? (
        <section aria-labelledby="tg-extension" className="guide-section">
          <h2 id="tg-extension" className="guide-heading">
            Extension activity: {guide.extension.title}
          </h2>
          <p className="mt-2">{guide.extension.description}</p>
          {guide.extension.steps.length ? (
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              {guide.extension.steps.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="tg-takeaways" className="guide-section">
        <h2 id="tg-takeaways" className="guide-heading">
          Key takeaways
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {lesson.takeaways.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
