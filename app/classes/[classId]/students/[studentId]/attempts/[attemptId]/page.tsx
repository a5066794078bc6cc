import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { getStudentAttemptForTeacher, type TeacherAnswerView } from "@/lib/data/teacher-attempts";
import { orNotFound } from "@/lib/pages";
import { OutcomeBadge } from "@/app/quizzes/ui/results-view";
import { ClassHeader } from "../../../../class-nav";

export const metadata: Metadata = { title: "A student's answers" };

const BORDER = { correct: "border-l-green-600 dark:border-l-green-400", partial: "border-l-amber-500 dark:border-l-amber-400", incorrect: "border-l-red-600 dark:border-l-red-400" } as const;

function Lines({ lines }: { lines: string[] }) {
  return lines.length === 1 ? (
    <p>{lines[0]}</p>
  ) : (
    <ul className="space-y-0.5">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** Choice questions: every option, marked with what the student chose and what is right (words and icons, not colour alone). */
function Options({ answer }: { answer: TeacherAnswerView }) {
  return (
    <ul className="space-y-1.5 text-sm" aria-label={`Options for question ${answer.number}`}>
      {answer.options.map((option) => (
        <li
          key={option.id}
          data-chosen={option.chosen || undefined}
          data-correct={option.correct || undefined}
          className={`flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 ${
            option.correct
              ? "border-green-600 bg-green-50 dark:border-green-500 dark:bg-green-950"
              : option.chosen
                ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950"
                : "border-stone-200 dark:border-stone-700"
          }`}
        >
          <span className="flex-1">{option.text}</span>
          {option.chosen ? <span className="rounded-full bg-stone-800 px-2 py-0.5 text-xs font-semibold text-white dark:bg-stone-100 dark:text-stone-900">Student&apos;s choice</span> : null}
          {option.correct ? (
            <span className="text-xs font-semibold text-green-900 dark:text-green-200">
              <span aria-hidden="true">✓ </span>Right answer
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function StudentAttemptPage({ params }: { params: Promise<{ classId: string; studentId: string; attemptId: string }> }) {
  const { classId, studentId, attemptId } = await params;
  await requirePageUser(`/classes/${classId}/students/${studentId}/attempts/${attemptId}`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const view = await orNotFound(getStudentAttemptForTeacher(classId, studentId, attemptId));
  const missed = view.answers.filter((a) => a.outcome !== "correct");
  return (
    <div className="space-y-6">
      <ClassHeader classId={classId} name={found.name} current="students" archived={found.archived} />
      <p className="text-sm">
        <Link href={`/classes/${classId}/students/${studentId}`}>← {view.student.displayName}</Link>
      </p>
      <section aria-labelledby="attempt-heading" className="card flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="attempt-heading" className="text-xl font-semibold">
            {view.student.displayName}: {view.quiz.title}
          </h2>
          <p className="muted text-sm">
            Attempt {view.attemptNumber} of {view.attemptsTotal} · {view.mode === "practice" ? "practice" : "test"} · submitted{" "}
            {view.submittedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
          </p>
        </div>
        <div className="text-right">
          <p className="text-3xl font-bold tabular-nums" data-testid="attempt-score">
            {view.percent}%
          </p>
          <p className="muted text-sm">
            {view.counts.correct} right · {view.counts.partial} partly · {view.counts.incorrect} wrong
          </p>
        </div>
      </section>
      {missed.length ? (
        <nav aria-label="Missed questions" className="text-sm">
          <span className="font-semibold">Missed: </span>
          {missed.map((a, index) => (
            <span key={a.questionId}>
              {index ? ", " : null}
              <a href={`#q-${a.number}`}>question {a.number}</a>
            </span>
          ))}
        </nav>
      ) : (
        <p className="text-sm font-medium">Every question right.</p>
      )}
      <ol className="space-y-4" aria-label="Answers">
        {view.answers.map((answer) => (
          <li key={answer.questionId} id={`q-${answer.number}`} className={`card scroll-mt-20 space-y-3 border-l-4 ${BORDER[answer.outcome]}`} aria-labelledby={`q-${answer.number}-prompt`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <h3 id={`q-${answer.number}-prompt`} className="flex-1 font-semibold leading-snug">
                <span className="mr-2 text-brand-700 dark:text-brand-300">{answer.number}.</span>
                {answer.prompt}
              </h3>
              <OutcomeBadge outcome={answer.outcome} credit={answer.credit} />
            </div>
            {answer.options.length ? (
              <Options answer={answer} />
            ) : (
              <dl className="grid gap-3 text-sm sm:grid-cols-2">
                <div>
                  <dt className="font-semibold">Student&apos;s answer</dt>
                  <dd className="mt-1">
                    <Lines lines={answer.answerLines} />
                  </dd>
                </div>
                <div>
                  <dt className="font-semibold">Right answer</dt>
                  <dd className="mt-1">
                    <Lines lines={answer.correctLines} />
                  </dd>
                </div>
              </dl>
            )}
            {answer.feedback.length ? (
              <p className="text-sm">
                <span className="font-semibold">Feedback the student saw: </span>
                {answer.feedback.join(" ")}
              </p>
            ) : null}
            <p className="text-sm">
              <span className="font-semibold">Why: </span>
              {answer.explanation}
            </p>
            <blockquote className="border-l-4 border-brand-600 pl-3 text-sm dark:border-brand-300">
              <p className="font-semibold">Evidence (paragraph {answer.evidence.anchor})</p>
              <p className="muted mt-1">{answer.evidence.text ?? "This paragraph is no longer in the lesson."}</p>
              <Link href={answer.evidence.href}>
                Open in the lesson<span className="sr-only"> for question {answer.number}</span>
              </Link>
            </blockquote>
          </li>
        ))}
      </ol>
    </div>
  );
}
