"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult, TakingQuestion } from "@/lib/data/attempts";
import type { Answer } from "@/lib/quiz/types";
import { isAnswered } from "@/lib/quiz/validate";
import { ErrorAlert } from "@/app/ui/form";
import { sendJson } from "@/app/ui/send-json";
import { AnswerExplanation } from "./answer-explanation";
import { QuestionFields, type OptionMarks } from "./question-fields";
import { OutcomeBadge } from "./results-view";

type SaveState = "saved" | "saving" | "unsaved" | "error";

const AUTOSAVE_DELAY_MS = 700;

/**
 * Taking an attempt: answers autosave to the server (a reload resumes),
 * practice mode checks one question at a time, and submitting is safe to
 * repeat (the server grades once).
 */
export function AttemptTaker({
  attemptId,
  quizId,
  mode,
  questions,
  initialAnswers,
  initialChecks,
}: {
  attemptId: string;
  quizId: string;
  mode: "practice" | "test";
  questions: TakingQuestion[];
  initialAnswers: Record<string, Answer>;
  initialChecks: Record<string, CheckResult>;
}) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, Answer>>(initialAnswers);
  const [checks, setChecks] = useState<Record<string, CheckResult>>(initialChecks);
  const [checking, setChecking] = useState<string | null>(null);
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** The question shown on phones, where questions come one at a time (wide screens show them all beside the text). */
  const [current, setCurrent] = useState(0);
  /** The answer each check in this visit graded, so the chosen option can be marked right or wrong while it is unchanged. */
  const [checkedAnswers, setCheckedAnswers] = useState<Record<string, Answer>>({});
  const pagerHeading = useRef<HTMLParagraphElement>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // One delegated listener: the feedback's links come from a shared component (answer-explanation.tsx).
    const element = container.current;
    element?.addEventListener("click", showEvidenceBeside);
    return () => element?.removeEventListener("click", showEvidenceBeside);
  }, []);
  const pending = useRef<Record<string, Answer | null>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return;
    pending.current = {};
    setSaveState("saving");
    try {
      await sendJson(`/api/attempts/${attemptId}/draft`, { answers: batch }, { method: "PUT" });
      setSaveState(Object.keys(pending.current).length ? "unsaved" : "saved");
      setSaveError(null);
    } catch (error) {
      // Keep what failed so the next save retries it (newer edits win).
      pending.current = { ...batch, ...pending.current };
      setSaveState("error");
      setSaveError(error instanceof Error ? error.message : "Couldn't save.");
    }
  }, [attemptId]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(pending.current).length) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  function change(questionId: string, answer: Answer | null) {
    setAnswers((current) => {
      const next = { ...current };
      if (answer) next[questionId] = answer;
      else delete next[questionId];
      return next;
    });
    pending.current = { ...pending.current, [questionId]: answer };
    setSaveState("unsaved");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }

  async function check(question: TakingQuestion) {
    const answer = answers[question.questionId];
    if (!answer) return;
    setChecking(question.questionId);
    try {
      const result = await sendJson<CheckResult>(`/api/attempts/${attemptId}/check`, { questionId: question.questionId, answer });
      setChecks((current) => ({ ...current, [question.questionId]: result }));
      setCheckedAnswers((current) => ({ ...current, [question.questionId]: answer }));
      setCheckErrors(({ [question.questionId]: _dropped, ...rest }) => rest);
      delete pending.current[question.questionId];
    } catch (error) {
      setCheckErrors((current) => ({ ...current, [question.questionId]: error instanceof Error ? error.message : "Couldn't check." }));
    } finally {
      setChecking(null);
    }
  }

  const unanswered = questions.filter((q) => !isAnswered(q.data, answers[q.questionId]));

  async function submit() {
    if (unanswered.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    if (timer.current) clearTimeout(timer.current);
    pending.current = {};
    try {
      await sendJson(`/api/attempts/${attemptId}/submit`, { answers });
      router.push(`/quizzes/${encodeURIComponent(quizId)}/attempts/${attemptId}/results`);
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : "Couldn't submit.");
      setSubmitting(false);
    }
  }

  const answeredCount = questions.length - unanswered.length;

  function goTo(index: number) {
    setCurrent(Math.max(0, Math.min(questions.length - 1, index)));
    // Move focus to the progress line so screen readers hear "Question 4 of 15" and the keyboard starts at the new question.
    requestAnimationFrame(() => pagerHeading.current?.focus());
  }


  return (
    <div className="space-y-6" ref={container}>
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 bg-stone-50/95 px-4 py-2 text-sm backdrop-blur dark:border-stone-800 dark:bg-stone-950/95">
        <p>
          <span className="font-semibold">{answeredCount}</span> of {questions.length} answered
        </p>
        <p role="status" aria-live="polite" className={saveState === "error" ? "font-medium text-red-700 dark:text-red-300" : "muted"}>
          {saveState === "saved" ? "All answers saved" : saveState === "saving" ? "Saving…" : saveState === "unsaved" ? "Unsaved changes" : `Not saved: ${saveError} We'll retry.`}
        </p>
      </div>

      <nav aria-label="Questions" className="space-y-3 lg:hidden">
        <p ref={pagerHeading} tabIndex={-1} className="text-base font-semibold focus:outline-none" data-testid="question-progress">
          Question {current + 1} of {questions.length}
        </p>
        <ol className="flex flex-wrap gap-1.5">
          {questions.map((question, index) => {
            const done = isAnswered(question.data, answers[question.questionId]);
            return (
              <li key={question.questionId}>
                <button
                  type="button"
                  onClick={() => goTo(index)}
                  aria-current={index === current ? "step" : undefined}
                  aria-label={`Question ${question.number}${done ? ", answered" : ", not answered"}`}
                  className={`grid size-9 place-items-center rounded-full border text-sm font-semibold tabular-nums aria-[current=step]:outline-2 aria-[current=step]:outline-offset-2 aria-[current=step]:outline-brand-600 dark:aria-[current=step]:outline-brand-300 ${
                    done ? "border-brand-700 bg-brand-700 text-white dark:border-brand-300 dark:bg-brand-300 dark:text-stone-950" : "border-stone-400 bg-white text-stone-800 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100"
                  }`}
                >
                  {question.number}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <ol className="space-y-5">
        {questions.map((question, index) => {
          const result = checks[question.questionId];
          const checkedAnswer = checkedAnswers[question.questionId];
          const marks = result && checkedAnswer && JSON.stringify(checkedAnswer) === JSON.stringify(answers[question.questionId]) ? marksFor(checkedAnswer, result) : undefined;
          return (
            <li key={question.questionId} id={`q-${question.questionId}`} className={`card scroll-mt-16 ${index === current ? "" : "max-lg:hidden"}`}>
              <QuestionFields idPrefix={`q-${question.questionId}`} number={question.number} data={question.data} answer={answers[question.questionId]} onChange={(answer) => change(question.questionId, answer)} disabled={submitting} marks={marks} />
              {mode === "practice" ? (
                <PracticeCheck
                  question={question}
                  answered={isAnswered(question.data, answers[question.questionId])}
                  result={result}
                  busy={checking === question.questionId}
                  error={checkErrors[question.questionId]}
                  onCheck={() => void check(question)}
                />
              ) : null}
              <div className="mt-5 flex flex-wrap justify-between gap-3 lg:hidden">
                <button type="button" className="btn-secondary" disabled={index === 0} onClick={() => goTo(index - 1)}>
                  <span aria-hidden="true">← </span>Previous
                </button>
                {index < questions.length - 1 ? (
                  <button type="button" className="btn-primary" onClick={() => goTo(index + 1)}>
                    Next<span aria-hidden="true"> →</span>
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>

      {/* On phones, Finish shows under the last question (and whenever everything is answered). */}
      <section aria-labelledby="submit-heading" className={`card space-y-3 ${current === questions.length - 1 || unanswered.length === 0 ? "" : "max-lg:hidden"}`}>
        <h2 id="submit-heading" className="text-lg font-semibold">
          Finish
        </h2>
        <p className="muted text-sm">
          {mode === "practice"
            ? "Submitting grades every question. For questions you checked, your first checked answer counts."
            : "You'll see your score, the right answers and explanations after you submit."}
        </p>
        {confirming && unanswered.length > 0 ? (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <p className="font-medium">
              {unanswered.length} question{unanswered.length === 1 ? " is" : "s are"} not answered yet: {unanswered.map((q) => q.number).join(", ")}. Unanswered questions score 0.
            </p>
            <p className="mt-1">Press the button again to submit anyway.</p>
          </div>
        ) : null}
        {submitError ? (
          <ErrorAlert>{submitError}</ErrorAlert>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-primary" disabled={submitting} onClick={() => void submit()}>
            {submitting ? "Submitting…" : confirming && unanswered.length > 0 ? "Submit anyway" : "Submit answers"}
          </button>
          <Link href={`/quizzes/${encodeURIComponent(quizId)}`} className="btn-secondary" onClick={() => void flush()}>
            Save and leave
          </Link>
        </div>
      </section>
    </div>
  );
}

/** On wide screens, "See it in the text" scrolls the text beside the quiz to the paragraph instead of leaving the quiz. */
function showEvidenceBeside(event: MouseEvent) {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[href*='/lessons/']");
  const anchor = link ? decodeURIComponent(new URL(link.href, window.location.href).hash.slice(1)) : "";
  if (!anchor) return;
  const paragraph = document.getElementById(`text-${anchor}`);
  // offsetParent is null while the panel is hidden (phones): then the link opens the lesson as usual.
  if (!paragraph || paragraph.offsetParent === null) return;
  event.preventDefault();
  paragraph.scrollIntoView({ behavior: "smooth", block: "center" });
  for (const other of document.querySelectorAll("[data-paragraph-anchor][data-highlight]")) other.removeAttribute("data-highlight");
  paragraph.setAttribute("data-highlight", "");
}

/** What a check says about the chosen option(s): single and true/false always; several choices only when all were right. */
function marksFor(answer: Answer, result: CheckResult): OptionMarks | undefined {
  const mark = result.outcome === "correct" ? "right" : "wrong";
  if (answer.type === "single") return { [answer.choice]: mark };
  if (answer.type === "true_false") return { [String(answer.value)]: mark };
  if (answer.type === "multiple" && result.outcome === "correct") return Object.fromEntries(answer.choices.map((id) => [id, "right" as const]));
  return undefined;
}

function PracticeCheck({ question, answered, result, busy, error, onCheck }: { question: TakingQuestion; answered: boolean; result: CheckResult | undefined; busy: boolean; error?: string; onCheck: () => void }) {
  return (
    <div className="mt-4 space-y-3">
      <button type="button" className="btn-secondary" disabled={!answered || busy} onClick={onCheck} aria-describedby={answered ? undefined : `check-hint-${question.questionId}`}>
        {busy ? "Checking…" : result ? "Check again" : "Check answer"}
      </button>
      {!answered ? (
        <span id={`check-hint-${question.questionId}`} className="field-hint ml-3">
          Answer first, then check.
        </span>
      ) : null}
      <div aria-live="polite">
        {error ? <p className="field-error">{error}</p> : null}
        {result ? <CheckFeedback result={result} /> : null}
      </div>
    </div>
  );
}

function CheckFeedback({ result }: { result: CheckResult }) {
  const retried = result.scored.outcome !== result.outcome || result.scored.credit !== result.credit;
  return (
    <div className="space-y-2 rounded-lg border border-stone-200 bg-stone-50 p-3 text-sm dark:border-stone-700 dark:bg-stone-950">
      <p className="flex flex-wrap items-center gap-2">
        <OutcomeBadge outcome={result.outcome} credit={result.credit} />
        {result.outcome !== "correct" ? <span>Try again, or read the explanation.</span> : null}
      </p>
      <AnswerExplanation feedback={result.feedback} explanation={result.explanation} evidence={result.evidence} />
      {retried ? <p className="muted">Your first checked answer ({Math.round(result.scored.credit * 100)}%) is the one that counts.</p> : null}
    </div>
  );
}
