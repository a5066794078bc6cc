"use client";

import Link from "next/link";
import type { PublicQuestion } from "@/lib/data/quizzes";
import type { ViewerQuiz } from "@/lib/viewer";
import { LocalTime } from "@/app/ui/local-time";
import { useViewer } from "@/app/ui/use-viewer";
import { GuestTaker } from "../ui/guest-taker";
import { StartForm } from "./start-form";

/**
 * The per-reader half of a quiz's start page. The page is shared by everyone (cached), so it
 * asks GET /api/me?quiz=<id> (app/ui/use-viewer.ts) who is reading: a guest takes the quiz
 * right here (public questions only: the server grades), a signed-in reader gets their
 * assignment, start or resume buttons and their own attempts. Until the answer comes (a few
 * ms), the space is held so nothing below jumps.
 */
export function SharedQuizStart({ quizId, quizTitle, questions }: { quizId: string; quizTitle: string; questions: PublicQuestion[] }) {
  const viewer = useViewer();
  if (viewer === undefined) {
    return (
      <div aria-busy="true" className="min-h-48" data-testid="quiz-start-loading">
        <p className="sr-only">Loading the quiz…</p>
      </div>
    );
  }
  if (!viewer.user) return <GuestTaker quizId={quizId} quizTitle={quizTitle} questions={questions} />;
  return <QuizStartPanel quizId={quizId} start={viewer.quiz ?? { assignment: null, assignmentNotFound: false, open: { practice: false, test: false }, history: [] }} />;
}

/** A signed-in reader's start page body: rendered by the island above, and on the server by the per-request page. */
export function QuizStartPanel({ quizId, start }: { quizId: string; start: ViewerQuiz }) {
  const { assignment, open, history } = start;
  const freeStart = !assignment || (assignment.closedReason !== null && !assignment.testOpen);
  return (
    <>
      {start.assignmentNotFound ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          That assignment link isn&apos;t for one of your classes, so this is the quiz on its own.
        </p>
      ) : null}
      {assignment ? (
        <section aria-labelledby="assignment-heading" className="card space-y-3">
          <h2 id="assignment-heading" className="text-lg font-semibold">
            Assigned in {assignment.className}
          </h2>
          <p className="text-sm muted">
            {assignment.quizMode === "test" ? "Test: answer everything, then submit. Answers and explanations come after you submit." : "Practice: check each answer as you go."}
            {assignment.dueAt ? (
              <>
                {" "}
                Due <LocalTime date={assignment.dueAt} zone={assignment.timeZone} />.
              </>
            ) : null}
            {assignment.attemptLimit !== null ? ` Attempts: ${assignment.attemptsUsed} of ${assignment.attemptLimit} used.` : ""}
          </p>
          {assignment.instructions ? (
            <div className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-800">
              <p className="font-semibold">From your teacher</p>
              <p className="mt-1 whitespace-pre-line">{assignment.instructions}</p>
            </div>
          ) : null}
          {assignment.late ? (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              The due date has passed. Your teacher accepts late work: you can still do it, and it will be marked Late.
            </p>
          ) : null}
          {assignment.closedReason && !assignment.openAttemptId ? (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              {assignment.closedReason}
            </p>
          ) : (
            <StartForm
              quizId={quizId}
              mode={assignment.quizMode}
              assignmentId={assignment.id}
              label={assignment.openAttemptId ? "Resume" : assignment.quizMode === "test" ? "Start the test" : "Start the assigned quiz"}
            />
          )}
        </section>
      ) : null}
      {freeStart ? (
        <section aria-labelledby="modes-heading">
          <h2 id="modes-heading" className={assignment ? "text-lg font-semibold" : "sr-only"}>
            {assignment ? "Practise on your own" : "Choose how to take the quiz"}
          </h2>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <div className="card flex flex-col gap-3">
              <h3 className="text-lg font-semibold">Practice</h3>
              <p className="muted flex-1 text-sm">Check each answer as you go, read why, and try again. Your first checked answer is the one that counts.</p>
              <StartForm quizId={quizId} mode="practice" label={open.practice ? "Resume practice" : "Start practice"} />
            </div>
            <div className="card flex flex-col gap-3">
              <h3 className="text-lg font-semibold">Test</h3>
              <p className="muted flex-1 text-sm">Answer everything, then submit. You&apos;ll see your score, the right answers and explanations at the end.</p>
              <StartForm quizId={quizId} mode="test" label={open.test ? "Resume test" : "Start test"} />
            </div>
          </div>
          <p className="mt-3 text-sm muted">Answers save as you go, so you can close the page and come back.</p>
        </section>
      ) : null}
      {history.length > 0 ? (
        <section aria-labelledby="history-heading" className="card">
          <h2 id="history-heading" className="text-lg font-semibold">
            Your attempts
          </h2>
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200 dark:border-stone-700">
                <th scope="col" className="py-2 pr-4 font-semibold">Submitted</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Mode</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Score</th>
                <th scope="col" className="py-2 font-semibold"><span className="sr-only">Results</span></th>
              </tr>
            </thead>
            <tbody>
              {history.map((attempt) => (
                <tr key={attempt.attemptId} className="border-b border-stone-100 last:border-0 dark:border-stone-800">
                  <td className="py-2 pr-4">{attempt.submittedAt ? <LocalTime date={attempt.submittedAt} /> : null}</td>
                  <td className="py-2 pr-4 capitalize">{attempt.mode}</td>
                  <td className="py-2 pr-4 font-semibold">{attempt.percent}%</td>
                  <td className="py-2">
                    {assignment?.testOpen ? (
                      <span className="muted">After the test</span>
                    ) : (
                      <Link href={`/quizzes/${encodeURIComponent(quizId)}/attempts/${attempt.attemptId}/results`}>Results</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
