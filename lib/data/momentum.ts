/**
 * What keeps a learner going, computed from their own data and shown only to
 * them (no leaderboard, nothing shared with teachers): cards reviewed today
 * against a daily goal, and a streak of days with practice. Days are UTC
 * calendar days (the server doesn't know the reader's time zone).
 */
import "server-only";
import { and, count, eq, gte, isNotNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { attempts, reviewLogs } from "../../db/tables";
import { periodsSinceEpoch } from "./dialect";
import { requireUser } from "./session";

export const DAILY_REVIEW_GOAL = 10;
const DAY = 86_400_000;
/** Streaks longer than this are shown as this (and the query stays small). */
const STREAK_WINDOW_DAYS = 366;

export interface Momentum {
  reviewedToday: number;
  dailyGoal: number;
  /** Consecutive days up to today with a review or a submitted quiz; a streak from yesterday still counts until today ends. */
  streakDays: number;
  practisedToday: boolean;
}

function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY);
}

/** Consecutive days ending today (or yesterday, if today has nothing yet) among the given day numbers. */
export function streakFrom(days: ReadonlySet<number>, today: number): number {
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

export async function getMyMomentum(now = new Date()): Promise<Momentum> {
  const user = await requireUser();
  const db = getDb();
  const today = dayNumber(now);
  const since = new Date((today - STREAK_WINDOW_DAYS) * DAY);
  const [reviewDays, quizDays, [todayCount]] = await Promise.all([
    db
      .selectDistinct({ day: periodsSinceEpoch(reviewLogs.reviewedAt, DAY) })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, user.id), gte(reviewLogs.reviewedAt, since))),
    db
      .selectDistinct({ day: periodsSinceEpoch(attempts.submittedAt, DAY) })
      .from(attempts)
      .where(and(eq(attempts.userId, user.id), isNotNull(attempts.submittedAt), gte(attempts.submittedAt, since))),
    db
      .select({ n: count() })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, user.id), gte(reviewLogs.reviewedAt, new Date(today * DAY)))),
  ]);
  const days = new Set([...reviewDays, ...quizDays].map((row) => Number(row.day)));
  return { reviewedToday: Number(todayCount?.n ?? 0), dailyGoal: DAILY_REVIEW_GOAL, streakDays: streakFrom(days, today), practisedToday: days.has(today) };
}
