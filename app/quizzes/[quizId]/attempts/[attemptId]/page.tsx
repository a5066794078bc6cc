import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/data/session";
import { getAttemptForTaking } from "@/lib/data/attempts";
import { getLessonForReading } from "@/lib/data/lessons";
import { isAppError } from "@/lib/errors";
import { TestLockedNotice } from "@/app/quizzes/ui/test-locked-notice";
import { AttemptTaker } from "../../../ui/attempt-taker";
import { LocalTime } from "@/app/ui/local-time";
import { LessonBeside } from "../../../ui/lesson-beside";

export const metadata: Metadata = { title: "Quiz" };

type Props = { params: Promise<{ quizId: string; attemptId: string }> };

export default async function AttemptPage({ params }: Props) {
  const { quizId, attemptId } = await params;
  await requirePageUser(`/quizzes/${quizId}/attempts/${attemptId}`);
  let attempt;
  try {
    attempt = await getAttemptForTaking(attemptId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    // A test of this quiz is open for the student: this attempt's answers and checks wait until it is submitted.
    if (isAppError(error) && error.code === "conflict") return <TestLockedNotice quizId={quizId} message={error.message} />;
    throw error;
  }
  if (attempt.quiz.id !== quizId) notFound();
  if (attempt.status === "submitted") redirect(`/quizzes/${encodeURIComponent(quizId)}/attempts/${attemptId}/results`);
  const lesson = await getLessonForReading(attempt.quiz.lessonId, attempt.readingLevel);
  const taker = <AttemptTaker attemptId={attempt.attemptId} quizId={quizId} mode={attempt.mode} questions={attempt.questions} initialAnswers={attempt.answers} initialChecks={attempt.checks} />;
  return (
    <div className={`mx-auto space-y-6 ${lesson ? "max-w-3xl lg:max-w-none" : "max-w-3xl"}`}>
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">{attempt.mode === "practice" ? "Practice" : "Test"}</p>
        <h1 className="page-title mt-1">{attempt.quiz.title}</h1>
        <p className="mt-2 text-sm muted">
          {attempt.mode === "practice" ? "Check each answer when you're ready. " : "Feedback comes after you submit. "}
          Stuck? <Link href={`/lessons/${encodeURIComponent(attempt.quiz.lessonId)}`}>Reread the lesson</Link>.
          {attempt.dueAt ? (
            <>
              {" "}
              Due <LocalTime date={attempt.dueAt} zone={attempt.timeZone} />
              {attempt.lateAllowed ? " (late work is accepted and marked Late)." : "."}
            </>
          ) : null}
        </p>
      </div>
      {lesson ? (
        <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start lg:gap-8">
          <LessonBeside lesson={lesson} />
          <div className="min-w-0">{taker}</div>
        </div>
      ) : (
        taker
      )}
    </div>
  );
}
