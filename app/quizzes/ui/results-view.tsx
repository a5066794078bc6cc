import type { QuestionResult } from "@/lib/data/attempts";
import type { Outcome } from "@/lib/quiz/types";
import { AnswerExplanation } from "./answer-explanation";

/**
 * Results of a graded quiz. Plain component (no hooks, no server imports) so
 * both the signed-in results page and the guest taker can render it.
 */

export interface ResultsSummary {
  score: number;
  maxScore: number;
  percent: number;
  counts: Record<Outcome, number>;
}

const OUTCOME: Record<Outcome, { label: string; icon: string; badge: string; border: string }> = {
  correct: {
    label: "Right",
    icon: "✓",
    badge: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
    border: "border-l-green-600 dark:border-l-green-400",
  },
  partial: {
    label: "Partly right",
    icon: "½",
    badge: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200",
    border: "border-l-amber-500 dark:border-l-amber-400",
  },
  incorrect: {
    label: "Wrong",
    icon: "✗",
    badge: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
    border: "border-l-red-600 dark:border-l-red-400",
  },
};

export function OutcomeBadge({ outcome, credit }: { outcome: Outcome; credit: number }) {
  const style = OUTCOME[outcome];
  return (
    <span data-outcome={outcome} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-semibold ${style.badge}`}>
      <span aria-hidden="true">{style.icon}</span>
      {style.label}
      {outcome === "partial" ? <span className="font-normal">({Math.round(credit * 100)}%)</span> : null}
    </span>
  );
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/0$/, "");
}

export function ScoreSummary({ summary }: { summary: ResultsSummary }) {
  return (
    <section aria-labelledby="score-heading" className="card flex flex-wrap items-center gap-6">
      <div>
        <h2 id="score-heading" className="text-sm font-semibold uppercase tracking-wide muted">
          Your score
        </h2>
        <p className="mt-1 text-4xl font-bold tracking-tight" data-testid="score">
          {summary.percent}%
        </p>
        <p className="muted text-sm">
          {formatScore(summary.score)} of {summary.maxScore} points
        </p>
      </div>
      <ul className="flex flex-wrap gap-3 text-sm" aria-label="Questions by outcome">
        {/* Only outcomes that happened: a perfect score shows no red "0 wrong". */}
        {(["correct", "partial", "incorrect"] as const).filter((outcome) => summary.counts[outcome] > 0).map((outcome) => (
          <li key={outcome} className={`rounded-lg px-3 py-2 font-medium ${OUTCOME[outcome].badge}`}>
            <span aria-hidden="true">{OUTCOME[outcome].icon} </span>
            {summary.counts[outcome]} {OUTCOME[outcome].label.toLowerCase()}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <p>{lines[0]}</p>;
  return (
    <ul className="list-none space-y-0.5">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

export function ResultList({ items }: { items: QuestionResult[] }) {
  return (
    <ol className="space-y-4" aria-label="Questions and feedback">
      {items.map((item) => (
        <li key={item.questionId} className={`card border-l-4 ${OUTCOME[item.outcome].border}`} aria-labelledby={`result-${item.questionId}`}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h3 id={`result-${item.questionId}`} className="flex-1 text-base font-semibold leading-snug">
              <span className="mr-2 text-brand-700 dark:text-brand-300">{item.number}.</span>
              {item.prompt}
            </h3>
            <OutcomeBadge outcome={item.outcome} credit={item.credit} />
          </div>
          <dl className={`mt-4 grid gap-3 text-sm ${item.outcome !== "correct" ? "sm:grid-cols-2" : ""}`}>
            <div>
              <dt className="font-semibold text-stone-800 dark:text-stone-200">Your answer</dt>
              <dd className="mt-1">
                <Lines lines={item.answerLines} />
              </dd>
            </div>
            {item.outcome !== "correct" ? (
              <div>
                <dt className="font-semibold text-stone-800 dark:text-stone-200">Right answer</dt>
                <dd className="mt-1">
                  <Lines lines={item.correctLines} />
                </dd>
              </div>
            ) : null}
          </dl>
          <div className="mt-3 space-y-3 text-sm">
            <AnswerExplanation feedback={item.feedback} explanation={item.explanation} evidence={item.evidence} questionNumber={item.number} />
          </div>
        </li>
      ))}
    </ol>
  );
}
