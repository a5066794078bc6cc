/**
 * Spaced review with FSRS (ts-fsrs, default parameters, 90% requested
 * retention). Pure: the data layer stores the card fields and passes them in.
 *
 * Every answered question becomes a card. The credit the answer earned picks
 * the FSRS rating: no credit → Again (comes back within minutes), partial →
 * Hard, full → Good (comes back in days, then weeks).
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";

const scheduler = fsrs(generatorParameters({ request_retention: 0.9, enable_short_term: false }));

/** The FSRS fields a `review_cards` row keeps. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export function ratingForCredit(credit: number): Grade {
  if (credit <= 0) return Rating.Again;
  if (credit < 1) return Rating.Hard;
  return Rating.Good;
}

function toCard(state: CardState): Card {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview ?? undefined,
  };
}

function fromCard(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/**
 * The card after one answer at `now` earning `credit`; `previous` is null for
 * a question answered for the first time.
 */
export function scheduleAnswer(previous: CardState | null, credit: number, now: Date): { card: CardState; rating: Grade } {
  const rating = ratingForCredit(credit);
  const card = previous ? toCard(previous) : createEmptyCard(now);
  return { card: fromCard(scheduler.next(card, now, rating).card), rating };
}
