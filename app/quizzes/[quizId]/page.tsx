import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getSessionUser } from "@/lib/data/session";
import { getMyQuizAssignment } from "@/lib/data/assignments";
import { listMyAttempts, openAttemptsAt } from "@/lib/data/attempts";
import { orNotFound } from "@/lib/pages";
import { getPublicQuiz, getQuizSummary } from "@/lib/data/quizzes";
import { getQuizTeacherTools } from "@/lib/data/quiz-export";
import { originFromHeaders } from "@/lib/interop/share";
import { isAppError } from "@/lib/errors";
import { GuestTaker } from "../ui/guest-taker";
import { StartForm } from "./start-form";
import { LocalTime } from "@/app/ui/local-time";
import { QuizTeacherToolsPanel } from "./teacher-tools";

type Props = { params: Promise<{ quizId: string }>; searchParams: Promise<{ assignment?: string | string[] }> };

async function summaryOrNotFound(quizId: string) {
  try {
    return await getQuizSummary(quizId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quizId } = await params;
  const quiz = await summaryOrNotFound(quizId);
  return { title: quiz.title };
}

export default async function QuizPage({ params, searchParams }: Props) {
  const { quizId } = await params;
  const quiz = await summaryOrNotFound(quizId);
  const user = await getSessionUser();
  const assignmentParam = (await searchParams).assignment;
  const assignmentId = typeof assignmentParam === "string" ? assignmentParam : undefined;

  const header = (
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">Quiz</p>
      <h1 className="page-title mt-1">{quiz.title}</h1>
      <p className="muted mt-2 max-w-3xl">{quiz.description}</p>
      <p className="mt-2 text-sm muted">
        {quiz.questionCount} questions · based on the lesson <Link href={`/lessons/${encodeURIComponent(quiz.lessonId)}`}>{quiz.lessonTitle}</Link>
      </p>
    </div>
  );

  if (!user) {
    const { questions } = await getPublicQuiz(quizId);
    return (
      <div className="mx-auto max-w-3xl space-y-8">
        {header}
        <GuestTaker quizId={quiz.id} quizTitle={quiz.title} questions={questions} />
      </div>
    );
  }

  // A student whose class has this quiz assigned takes it as the assignment, wherever they came from.
  const assignment = user.role === "student" ? await orNotFound(getMyQuizAssignment(quizId, assignmentId)) : null;
  const [open, history] = await Promise.all([openAttemptsAt(quizId), listMyAttempts({ quizId, limit: 20 })]);
  const submitted = history.filter((attempt) => attempt.status === "submitted");
  const freeStart = !assignment || (assignment.closedReason !== null && !assignment.testOpen);
  const teacherTools = user.role === "teacher" ? await getQuizTeacherTools(quizId) : null;
  const origin = teacherTools ? originFromHeaders(await headers()) : "";
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      {header}
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
              quizId={quiz.id}
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
              <StartForm quizId={quiz.id} mode="practice" label={open.practice ? "Resume practice" : "Start practice"} />
            </div>
            <div className="card flex flex-col gap-3">
              <h3 className="text-lg font-semibold">Test</h3>
              <p className="muted flex-1 text-sm">Answer everything, then submit. You&apos;ll see your score, the right answers and explanations at the end.</p>
              <StartForm quizId={quiz.id} mode="test" label={open.test ? "Resume test" : "Start test"} />
            </div>
          </div>
          <p className="mt-3 text-sm muted">Answers save as you go, so you can close the page and come back.</p>
        </section>
      ) : null}
      {submitted.length > 0 ? (
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
              {submitted.map((attempt) => (
                <tr key={attempt.attemptId} className="border-b border-stone-100 last:border-0 dark:border-stone-800">
                  <td className="py-2 pr-4">{attempt.submittedAt ? <LocalTime date={attempt.submittedAt} /> : null}</td>
                  <td className="py-2 pr-4 capitalize">{attempt.mode}</td>
                  <td className="py-2 pr-4 font-semibold">{attempt.percent}%</td>
                  <td className="py-2">
                    {assignment?.testOpen ? (
                      <span className="muted">After the test</span>
                    ) : (
                      <Link href={`/quizzes/${encodeURIComponent(quiz.id)}/attempts/${attempt.attemptId}/results`}>Results</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {teacherTools ? <QuizTeacherToolsPanel quizId={quiz.id} quizTitle={quiz.title} origin={origin} tools={teacherTools} /> : null}
    </div>
  );
}
