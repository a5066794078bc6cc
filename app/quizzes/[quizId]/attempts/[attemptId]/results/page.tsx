import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/data/session";
import { getAttemptResults } from "@/lib/data/attempts";
import { isAppError } from "@/lib/errors";
import { TestLockedNotice } from "@/app/quizzes/ui/test-locked-notice";
import { ResultList, ScoreSummary } from "../../../../ui/results-view";
import { StartForm } from "../../../start-form";
import { LocalTime } from "@/app/ui/local-time";

export const metadata: Metadata = { title: "Quiz results" };

type Props = { params: Promise<{ quizId: string; attemptId: string }> };

export default async function ResultsPage({ params }: Props) {
  const { quizId, attemptId } = await params;
  await requirePageUser(`/quizzes/${quizId}/attempts/${attemptId}/results`);
  let results;
  try {
    results = await getAttemptResults(attemptId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    // A test of this quiz is open for the student: this attempt's answers and checks wait until it is submitted.
    if (isAppError(error) && error.code === "conflict") return <TestLockedNotice quizId={quizId} message={error.message} />;
    throw error;
  }
  if (results.quiz.id !== quizId) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">Results · {results.mode === "practice" ? "Practice" : "Test"}</p>
        <h1 className="page-title mt-1">{results.quiz.title}</h1>
        <p className="mt-2 text-sm muted">
          Submitted <LocalTime date={results.submittedAt} />
        </p>
      </div>
      <ScoreSummary summary={results} />
      {results.mode === "practice" ? <p className="text-sm muted">For questions you checked while practicing, your first checked answer is the one scored here.</p> : null}
      {results.quiz.available ? null : (
        <p role="note" className="rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900">
          This quiz and its lesson are no longer available, so it can&apos;t be taken again. Your answers and score stay in your history.
        </p>
      )}
      <ResultList items={results.questions} />
      <div className="flex flex-wrap items-start gap-3">
        {results.quiz.available ? (
          <>
            <StartForm quizId={quizId} mode={results.mode} label="Try again" />
            <Link href={`/lessons/${encodeURIComponent(results.quiz.lessonId)}`} className="btn-secondary">
              Read the lesson
            </Link>
          </>
        ) : null}
        <Link href="/progress" className="btn-secondary">
          See your progress
        </Link>
      </div>
    </div>
  );
}
