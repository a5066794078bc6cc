import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/app/ui/local-time";
import { requirePageUser } from "@/lib/data/session";
import { getMyMomentum, type Momentum } from "@/lib/data/momentum";
import { getNextReviewCard, getReviewStats } from "@/lib/data/review";
import { ReviewSession } from "./review-session";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  await requirePageUser("/review");
  const [card, stats, momentum] = await Promise.all([getNextReviewCard(), getReviewStats(), getMyMomentum()]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="page-title">Review</h1>
        <p className="muted mt-2 max-w-2xl">
          Every question you answer comes back here on a schedule: the ones you missed soon, the ones you know later and later. A few minutes a day keeps what you learned.
        </p>
      </div>
      {stats.total > 0 ? <MomentumBar momentum={momentum} /> : null}
      {stats.total > 0 ? (
        <p className="text-sm" data-testid="review-stats">
          <span className="font-semibold">{stats.due}</span> due now · {stats.total} card{stats.total === 1 ? "" : "s"} in total
        </p>
      ) : null}
      {card ? (
        <ReviewSession key={`${card.questionId}:${card.dueToken}`} card={card} remaining={stats.due} position={momentum.reviewedToday + 1} total={momentum.reviewedToday + stats.due} />
      ) : (
        <section className="card space-y-3" aria-labelledby="nothing-due-heading">
          <h2 id="nothing-due-heading" className="text-lg font-semibold">
            {stats.total === 0 ? "No review cards yet" : "All caught up"}
          </h2>
          <p className="text-sm">
            {stats.total === 0
              ? "Take a quiz: each question you answer becomes a review card."
              : stats.nextDue
                ? (
                  <>
                    Your next card is due <LocalTime date={stats.nextDue} />.
                  </>
                )
                : "Nothing is scheduled."}
          </p>
          <p className="flex flex-wrap gap-3">
            <Link href="/quizzes" className="btn-primary">
              Browse quizzes
            </Link>
            <Link href="/progress" className="btn-secondary">
              See your progress
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

/** Today's goal and the streak: the reader's own numbers, shown only to them. */
function MomentumBar({ momentum }: { momentum: Momentum }) {
  const done = Math.min(momentum.reviewedToday, momentum.dailyGoal);
  const met = momentum.reviewedToday >= momentum.dailyGoal;
  return (
    <section aria-label="Today's review goal" className="card flex flex-wrap items-center gap-x-8 gap-y-3" data-testid="momentum">
      <div className="min-w-48 flex-1">
        <p className="text-sm font-semibold">
          Daily goal: {momentum.reviewedToday} of {momentum.dailyGoal} cards{met ? " · done for today" : ""}
        </p>
        <progress value={done} max={momentum.dailyGoal} className="mt-2 h-2 w-full overflow-hidden rounded-full accent-brand-700 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-700 dark:[&::-webkit-progress-bar]:bg-stone-700 dark:[&::-webkit-progress-value]:bg-brand-300">
          {done} of {momentum.dailyGoal}
        </progress>
      </div>
      <p className="text-sm" data-testid="streak">
        <span className="text-lg font-bold tabular-nums">{momentum.streakDays}</span> day{momentum.streakDays === 1 ? "" : "s"} in a row
        <span className="muted block text-xs">{momentum.practisedToday ? "You practised today. Only you see this." : momentum.streakDays > 0 ? "Review a card today to keep it going. Only you see this." : "Review a card or take a quiz to start a streak. Only you see this."}</span>
      </p>
    </section>
  );
}
