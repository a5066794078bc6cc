import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { countMySubmittedAttempts, listMyAttempts } from "@/lib/data/attempts";
import { getMyMastery, type MasteryRow } from "@/lib/data/mastery";
import { listOwnReadingProgress } from "@/lib/data/reading-progress";
import { countDueReviews } from "@/lib/data/review";
import { MASTERED_MIN_RESPONSES, RECENT_WINDOW } from "@/lib/quiz/mastery";
import { NextSteps } from "@/app/ui/next-steps";
import { LevelLegend, MasteryChart } from "./mastery-chart";
import { MasteryTrendSection } from "./mastery-trend";

function Stat({ label, value, href, testId }: { label: string; value: number | string; href?: string; testId?: string }) {
  return (
    <div className="card py-3" data-testid={testId}>
      <dt className="muted text-xs font-medium uppercase tracking-wide">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{href ? <Link href={href}>{value}</Link> : value}</dd>
    </div>
  );
}

export const metadata: Metadata = { title: "Progress" };

function MasterySection({ id, title, rows, labelHeader }: { id: string; title: string; rows: MasteryRow[]; labelHeader: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <MasteryChart rows={rows.map((row) => ({ label: row.label, percent: Math.round(row.average * 100), level: row.level }))} />
      <LevelLegend />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}: level, average score and number of recent answers</caption>
          <thead>
            <tr className="border-b border-stone-200 dark:border-stone-700">
              <th scope="col" className="py-2 pr-4 font-semibold">{labelHeader}</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Level</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Average</th>
              <th scope="col" className="hidden py-2 text-right font-semibold sm:table-cell">Answers counted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-stone-100 last:border-0 dark:border-stone-800">
                <th scope="row" className="py-2 pr-4 font-normal">{row.label}</th>
                <td className="py-2 pr-4 font-medium">{row.level}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{row.count ? `${Math.round(row.average * 100)}%` : "–"}</td>
                <td className="hidden py-2 text-right tabular-nums sm:table-cell">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const [mastery, attempts, submittedCount, reading, due] = await Promise.all([getMyMastery(), listMyAttempts({ limit: 10 }), countMySubmittedAttempts(), listOwnReadingProgress(), countDueReviews()]);
  const finished = reading.filter((lesson) => lesson.completedAt !== null);
  const submitted = attempts.filter((attempt) => attempt.status === "submitted");
  const inProgress = attempts.filter((attempt) => attempt.status === "in_progress");
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div>
        <h1 className="page-title">Your progress</h1>
        <p className="muted mt-2 max-w-2xl">
          Levels come from your last {RECENT_WINDOW} graded answers in each topic and skill: Attempted below 60%, Familiar from 60%, Proficient from 80%, and Mastered at 90% or more over at least {MASTERED_MIN_RESPONSES} answers.
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Summary">
        <Stat label="Lessons finished" value={finished.length} testId="lessons-read" />
        <Stat label="Quizzes submitted" value={submittedCount} />
        <Stat label="Answers graded" value={mastery.responsesCounted} />
        <Stat label="Review cards due" value={due} href={due > 0 ? "/review" : undefined} />
      </dl>
      <NextSteps user={user} />
      {mastery.responsesCounted === 0 ? (
        <p className="card">
          Nothing graded yet. <Link href="/quizzes">Take a quiz</Link>: your mastery by topic and skill, and how it changes over time, will show here.
        </p>
      ) : (
        <>
          <MasterySection id="topics" title="By topic" rows={mastery.topics} labelHeader="Topic" />
          <MasteryTrendSection trend={mastery.trend} />
          <MasterySection id="skills" title="By skill" rows={mastery.skills} labelHeader="Skill" />
        </>
      )}
      <section aria-labelledby="reading-heading" className="card">
        <h2 id="reading-heading" className="text-lg font-semibold">
          Lessons you read
        </h2>
        {reading.length === 0 ? (
          <p className="muted mt-3 text-sm">
            Nothing yet. <Link href="/">Pick a lesson</Link>: your place is saved as you read.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-100 text-sm dark:divide-stone-800">
            {reading.map((lesson) => (
              <li key={lesson.lessonId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <Link href={`/lessons/${encodeURIComponent(lesson.lessonId)}?level=${lesson.level}`}>{lesson.title}</Link>
                <span className="muted">
                  {lesson.completedAt
                    ? `Finished ${lesson.completedAt.toLocaleDateString("en-US", { dateStyle: "medium" })}`
                    : `${lesson.sectionsRead.length} section${lesson.sectionsRead.length === 1 ? "" : "s"} read`}
                  {` · level ${lesson.level}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-heading" className="card">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent quizzes
        </h2>
        {inProgress.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm">
            {inProgress.map((attempt) => (
              <li key={attempt.attemptId}>
                <Link href={`/quizzes/${encodeURIComponent(attempt.quizId)}/attempts/${attempt.attemptId}`}>Resume {attempt.quizTitle}</Link> <span className="muted">({attempt.mode}, not submitted)</span>
              </li>
            ))}
          </ul>
        ) : null}
        {submitted.length === 0 ? (
          <p className="muted mt-3 text-sm">No submitted quizzes yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200 dark:border-stone-700">
                  <th scope="col" className="py-2 pr-4 font-semibold">Quiz</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Mode</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Submitted</th>
                  <th scope="col" className="py-2 text-right font-semibold">Score</th>
                </tr>
              </thead>
              <tbody>
                {submitted.map((attempt) => (
                  <tr key={attempt.attemptId} className="border-b border-stone-100 last:border-0 dark:border-stone-800">
                    <td className="py-2 pr-4">
                      <Link href={`/quizzes/${encodeURIComponent(attempt.quizId)}/attempts/${attempt.attemptId}/results`}>{attempt.quizTitle}</Link>
                    </td>
                    <td className="py-2 pr-4 capitalize">{attempt.mode}</td>
                    <td className="py-2 pr-4">{attempt.submittedAt?.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="py-2 text-right font-semibold tabular-nums">{attempt.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
