"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { GuestResults } from "@/lib/data/guest-grading";
import type { PublicQuestion } from "@/lib/data/quizzes";
import { applyLayout, layoutEntry, type LayoutEntry } from "@/lib/quiz/layout";
import type { Answer } from "@/lib/quiz/types";
import { isAnswered } from "@/lib/quiz/validate";
import { ErrorAlert } from "@/app/ui/form";
import { readGuestHistory, updateGuestHistory, type GuestAttempt } from "./guest-history";
import { QuestionFields } from "./question-fields";
import { ResultList, ScoreSummary } from "./results-view";
import { sendJson } from "@/app/ui/send-json";

/**
 * A quiz for guests: answers stay in this browser (localStorage) until
 * submitted, the server grades them and returns results, and the graded
 * attempt is added to the browser's guest history.
 */
export function GuestTaker({ quizId, quizTitle, questions }: { quizId: string; quizTitle: string; questions: PublicQuestion[] }) {
  const [layout, setLayout] = useState<LayoutEntry[] | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [results, setResults] = useState<GuestResults | null>(null);
  const [history, setHistory] = useState<GuestAttempt[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // The shuffle happens once per guest attempt and is kept with the draft, like a signed-in attempt's layout.
  useEffect(() => {
    const stored = readGuestHistory();
    const draft = stored.drafts[quizId];
    const current = new Map(questions.map((q) => [q.questionId, q.versionId]));
    const stillCurrent = draft && draft.layout.length === questions.length && draft.layout.every((entry) => current.get(entry.questionId) === entry.versionId);
    const next = stillCurrent ? draft.layout : questions.map((q) => layoutEntry(q.questionId, q.versionId, q.data, null));
    const saved = updateGuestHistory((h) => {
      h.drafts[quizId] = stillCurrent ? draft : { startedAt: new Date().toISOString(), layout: next, answers: {} };
    });
    // Reading the browser's storage after mount is the point of this effect.
    /* eslint-disable react-hooks/set-state-in-effect */
    setLayout(next);
    setAnswers(stillCurrent ? draft.answers : {});
    setHistory(saved.attempts.filter((a) => a.quizId === quizId).reverse());
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [quizId, questions]);

  useEffect(() => {
    if (results) resultsHeading.current?.focus();
  }, [results]);

  function change(questionId: string, answer: Answer | null) {
    setAnswers((current) => {
      const next = { ...current };
      if (answer) next[questionId] = answer;
      else delete next[questionId];
      updateGuestHistory((h) => {
        const draft = h.drafts[quizId];
        if (draft) draft.answers = next;
      });
      return next;
    });
  }

  if (!layout) return <p className="muted">Loading the quiz…</p>;

  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const shown = layout.flatMap((entry, index) => {
    const question = byId.get(entry.questionId);
    return question ? [{ ...question, number: index + 1, data: applyLayout(question.data, entry) }] : [];
  });
  const unanswered = shown.filter((q) => !isAnswered(q.data, answers[q.questionId]));

  async function submit() {
    if (unanswered.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const json = await sendJson<GuestResults>(
        `/api/quizzes/${encodeURIComponent(quizId)}/grade`,
        { answers: shown.map((q) => ({ questionId: q.questionId, versionId: q.versionId, answer: answers[q.questionId] ?? null })) },
        { fallback: "We couldn't grade your answers. Please try again." },
      );
      const saved = updateGuestHistory((h) => {
        const draft = h.drafts[quizId];
        h.attempts.push({
          id: crypto.randomUUID(),
          quizId,
          quizTitle,
          mode: "test",
          startedAt: draft?.startedAt ?? json.gradedAt,
          submittedAt: json.gradedAt,
          score: json.score,
          maxScore: json.maxScore,
          responses: json.questions.map((q) => ({ questionId: q.questionId, versionId: q.versionId, answer: q.answer, credit: q.credit, outcome: q.outcome, answeredAt: json.gradedAt })),
        });
        delete h.drafts[quizId];
      });
      setHistory(saved.attempts.filter((a) => a.quizId === quizId).reverse());
      setResults(json);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "We couldn't grade your answers.");
    } finally {
      setSubmitting(false);
    }
  }

  function restart() {
    const next = questions.map((q) => layoutEntry(q.questionId, q.versionId, q.data, null));
    updateGuestHistory((h) => {
      h.drafts[quizId] = { startedAt: new Date().toISOString(), layout: next, answers: {} };
    });
    setLayout(next);
    setAnswers({});
    setResults(null);
    setConfirming(false);
  }

  if (results) {
    return (
      <div className="space-y-6">
        <h2 ref={resultsHeading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          Your results
        </h2>
        <ScoreSummary summary={results} />
        <p className="text-sm muted">
          Your results are kept in this browser only. <Link href={`/sign-up`}>Create a free account</Link> to keep your progress everywhere.
        </p>
        <ResultList items={results.questions} />
        <div className="flex flex-wrap gap-3">
          <button type="button" className="btn-primary" onClick={restart}>
            Take the quiz again
          </button>
          <Link href={`/lessons/${encodeURIComponent(results.quiz.lessonId)}`} className="btn-secondary">
            Read the lesson
          </Link>
        </div>
        <GuestHistoryList attempts={history} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <p className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:border-brand-800 dark:bg-brand-900/40 dark:text-brand-100">
        You&apos;re taking this quiz as a guest. Your answers are saved in this browser. <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/quizzes/${quizId}`)}`}>Sign in</Link> to save your progress to your account.
      </p>
      <p className="text-sm">
        <span className="font-semibold">{shown.length - unanswered.length}</span> of {shown.length} answered
      </p>
      <ol className="space-y-5">
        {shown.map((question) => (
          <li key={question.questionId} id={`q-${question.questionId}`} className="card">
            <QuestionFields idPrefix={`g-${question.questionId}`} number={question.number} data={question.data} answer={answers[question.questionId]} onChange={(answer) => change(question.questionId, answer)} disabled={submitting} />
          </li>
        ))}
      </ol>
      <section aria-labelledby="guest-submit-heading" className="card space-y-3">
        <h2 id="guest-submit-heading" className="text-lg font-semibold">
          Finish
        </h2>
        {confirming && unanswered.length > 0 ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            {unanswered.length} question{unanswered.length === 1 ? " is" : "s are"} not answered yet: {unanswered.map((q) => q.number).join(", ")}. Press the button again to submit anyway.
          </p>
        ) : null}
        {error ? (
          <ErrorAlert>{error}</ErrorAlert>
        ) : null}
        <button type="button" className="btn-primary" disabled={submitting} onClick={() => void submit()}>
          {submitting ? "Grading…" : confirming && unanswered.length > 0 ? "Submit anyway" : "Submit answers"}
        </button>
      </section>
      <GuestHistoryList attempts={history} />
    </div>
  );
}

function GuestHistoryList({ attempts }: { attempts: GuestAttempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <section aria-labelledby="guest-history-heading" className="card">
      <h2 id="guest-history-heading" className="text-lg font-semibold">
        Your earlier tries in this browser
      </h2>
      <ul className="mt-3 divide-y divide-stone-200 text-sm dark:divide-stone-800">
        {attempts.slice(0, 10).map((attempt) => (
          <li key={attempt.id} className="flex justify-between gap-4 py-2">
            <span>{new Date(attempt.submittedAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</span>
            <span className="font-semibold">{attempt.maxScore ? Math.round((attempt.score / attempt.maxScore) * 100) : 0}%</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
