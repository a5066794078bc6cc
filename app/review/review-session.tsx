"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ReviewCardDto, ReviewOutcome } from "@/lib/data/review";
import type { Answer } from "@/lib/quiz/types";
import { isAnswered } from "@/lib/quiz/validate";
import { ErrorAlert } from "@/app/ui/form";
import { AnswerExplanation } from "@/app/quizzes/ui/answer-explanation";
import { QuestionFields } from "@/app/quizzes/ui/question-fields";
import { OutcomeBadge } from "@/app/quizzes/ui/results-view";
import { sendJson } from "@/app/ui/send-json";
import { refreshViewer } from "@/app/ui/use-viewer";

type Graded = Omit<ReviewOutcome, "nextDue"> & { nextDue: string };

function untilText(iso: string): string {
  const days = Math.round((new Date(iso).getTime() - Date.now()) / 86_400_000);
  if (days <= 0) return "later today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

/** One due card: answer, check (graded on the server), read the feedback, go on. */
export function ReviewSession({ card, remaining, position, total }: { card: ReviewCardDto; remaining: number; position: number; total: number }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  const [graded, setGraded] = useState<Graded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [loadingNext, startNext] = useTransition();
  const feedbackHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (graded) feedbackHeading.current?.focus();
  }, [graded]);

  async function check() {
    if (!answer || !isAnswered(card.data, answer)) {
      setError("Answer the question first.");
      return;
    }
    setSending(true);
    setError(null);
    try {
      const json = await sendJson<Graded>(
        "/api/review",
        { questionId: card.questionId, versionId: card.versionId, dueToken: card.dueToken, answer },
        { fallback: "We couldn't check your answer. Please try again." },
      );
      setGraded(json);
      // The header's due count lives outside this page (GET /api/me): ask again.
      refreshViewer();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "We couldn't check your answer.");
    } finally {
      setSending(false);
    }
  }

  /** Enter checks the answer (from any choice or text field), and after feedback goes on to the next card; links and buttons keep their own Enter. */
  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.closest("a, button, select, textarea, summary")) return;
    event.preventDefault();
    if (!graded) void check();
    else if (!loadingNext) startNext(() => router.refresh());
  }

  return (
    // The keydown handler only adds Enter as a shortcut; every action also has its own button.
    <div className="space-y-4" onKeyDown={onKeyDown}>
      <p className="text-sm font-semibold" data-testid="card-position">
        Card {Math.min(position, total)} of {total}
      </p>
      <section className="card space-y-4" aria-label="Review card">
        <p className="muted text-sm">
          From <span className="font-medium">{card.quizTitle}</span>
          {card.reps > 0 ? ` · reviewed ${card.reps} time${card.reps === 1 ? "" : "s"}` : ""}
        </p>
        <QuestionFields idPrefix={`r-${card.questionId}`} number={1} data={card.data} answer={answer} onChange={(next) => setAnswer(next ?? undefined)} disabled={sending || graded !== null} />
        {graded ? null : (
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn-primary" onClick={() => void check()} disabled={sending}>
              {sending ? "Checking…" : "Check answer"}
            </button>
            <span className="muted text-sm">or press Enter</span>
          </div>
        )}
        <div aria-live="polite">
          {error ? (
            <ErrorAlert>{error}</ErrorAlert>
          ) : null}
        </div>
      </section>
      {graded ? (
        <section className="card space-y-3" aria-labelledby="review-feedback-heading">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="review-feedback-heading" ref={feedbackHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Feedback
            </h2>
            <OutcomeBadge outcome={graded.outcome} credit={graded.credit} />
          </div>
          {graded.outcome !== "correct" ? (
            <div className="text-sm">
              <p className="font-semibold">Right answer</p>
              {graded.correctLines.map((line, index) => (
                <p key={index}>{line}</p>
              ))}
            </div>
          ) : null}
          <div className="space-y-3 text-sm">
            <AnswerExplanation feedback={graded.feedback} explanation={graded.explanation} evidence={graded.evidence} />
          </div>
          <p className="muted text-sm" data-testid="next-due">
            This card comes back {untilText(graded.nextDue)}.
          </p>
          <button type="button" className="btn-primary" disabled={loadingNext} onClick={() => startNext(() => router.refresh())}>
            {loadingNext ? "Loading…" : remaining > 1 ? "Next card" : "Finish"}
          </button>
          <span className="muted ml-3 text-sm">or press Enter</span>
        </section>
      ) : null}
    </div>
  );
}
