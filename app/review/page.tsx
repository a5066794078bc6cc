import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/app/ui/local-time";
import { requirePageUser } from "@/lib/auth/session";
import { getNextReviewCard, getReviewStats } from "@/lib/data/review";
import { ReviewSession } from "./review-session";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  await requirePageUser("/review");
  const [card, stats] = await Promise.all([getNextReviewCard(), getReviewStats()]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="page-title">Review</h1>
        <p className="muted mt-2 max-w-2xl">
          Every question you answer comes back here on a schedule: the ones you missed soon, the ones you know later and later. A few minutes a day keeps what you learned.
        </p>
      </div>
      {stats.total > 0 ? (
        <p className="text-sm" data-testid="review-stats">
          <span className="font-semibold">{stats.due}</span> due now · {stats.total} card{stats.total === 1 ? "" : "s"} in total
        </p>
      ) : null}
      {card ? (
        <ReviewSession key={`${card.questionId}:${card.dueToken}`} card={card} remaining={stats.due} />
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
