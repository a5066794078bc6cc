/**
 * Spaced review: every answered question is a card in `review_cards`
 * (scheduled by lib/review/schedule.ts). The review page serves the caller's
 * due cards one at a time from public question data only, grades the answer
 * here, reschedules the card and logs the review.
 */
import "server-only";
import { and, asc, count, eq, lte, notInArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { isPostgres, type Database } from "../../db/open";
import { lessons, questions, questionVersions, quizzes, reviewCards, reviewLogs } from "../../db/tables";
import { getSessionUser, requireUser, type SessionUser } from "./session";
import { AppError } from "../errors";
import { describeKey } from "../quiz/describe";
import { feedbackFor, gradeAnswer } from "../quiz/grade";
import { applyLayout, layoutEntry } from "../quiz/layout";
import type { Answer, Outcome, PublicQuestionData, QuestionType } from "../quiz/types";
import { answerProblem } from "../quiz/validate";
import { scheduleAnswer, type CardState } from "../review/schedule";
import { assertNoOpenTest, openTestQuizIds } from "./assignments";
import { byRowCount, idList, inIdList, preparedRows, preparedRun, rawTime, rowPlaceholders, rowValues, statementsFor } from "./prepared";
import { lockStudent, studentWriteTransaction } from "./row-locks";
import { evidenceLinks, readingLevelOf, visibleQuizCondition, type EvidenceLink } from "./quizzes";

type CardRow = typeof reviewCards.$inferSelect;

export interface ReviewCardDto {
  questionId: string;
  versionId: number;
  type: QuestionType;
  /** Public side only, choices shuffled. */
  data: PublicQuestionData;
  quizTitle: string;
  lessonTitle: string;
  /** Epoch ms of the due date shown; a second submit for the same showing changes nothing. */
  dueToken: number;
  reps: number;
  lapses: number;
}

export interface ReviewOutcome {
  questionId: string;
  credit: number;
  outcome: Outcome;
  correctLines: string[];
  explanation: string;
  feedback: string[];
  /** Every paragraph the answer rests on. */
  evidence: EvidenceLink[];
  nextDue: Date;
  /** False when this showing had already been graded (double submit): nothing changed. */
  rescheduled: boolean;
}

function cardState(row: CardRow): CardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}

const CARD_FIELDS = ["questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"] as const;

const CARD_UPDATE = {
  due: sql`excluded.due`,
  stability: sql`excluded.stability`,
  difficulty: sql`excluded.difficulty`,
  elapsedDays: sql`excluded.elapsed_days`,
  scheduledDays: sql`excluded.scheduled_days`,
  learningSteps: sql`excluded.learning_steps`,
  reps: sql`excluded.reps`,
  lapses: sql`excluded.lapses`,
  state: sql`excluded.state`,
  lastReview: sql`excluded.last_review`,
};

const schedulingStatements = statementsFor((db) => ({
  cards: preparedRows(
    db,
    "schedule_cards",
    db
      .select()
      .from(reviewCards)
      .where(and(eq(reviewCards.userId, sql.placeholder("userId")), inIdList(db, reviewCards.questionId, "questionIds"))),
  ),
  upsert: preparedRun(
    db,
    "schedule_upsert",
    db
      .insert(reviewCards)
      .values({
        userId: sql.placeholder("userId"),
        questionId: sql.placeholder("questionId"),
        due: sql.placeholder("due"),
        stability: sql.placeholder("stability"),
        difficulty: sql.placeholder("difficulty"),
        elapsedDays: sql.placeholder("elapsedDays"),
        scheduledDays: sql.placeholder("scheduledDays"),
        learningSteps: sql.placeholder("learningSteps"),
        reps: sql.placeholder("reps"),
        lapses: sql.placeholder("lapses"),
        state: sql.placeholder("state"),
        lastReview: sql.placeholder("lastReview"),
      })
      .onConflictDoUpdate({ target: [reviewCards.userId, reviewCards.questionId], set: CARD_UPDATE }),
  ),
  // A submission's cards in one statement on PostgreSQL (one round trip; one statement per card count). SQLite
  // runs the single-row statement above once per card: faster there than a multi-row VALUES.
  upsertMany: byRowCount((rows) =>
    preparedRun(
      db,
      `schedule_upsert_${rows}`,
      db
        .insert(reviewCards)
        .values(Array.from({ length: rows }, (_, row) => ({ userId: sql.placeholder("userId"), ...rowPlaceholders(CARD_FIELDS, row) })))
        .onConflictDoUpdate({ target: [reviewCards.userId, reviewCards.questionId], set: CARD_UPDATE }),
    ),
  ),
}));

/**
 * Creates or reschedules the user's card for each answered question. Called
 * inside the transaction that stores the answers (attempt submit, guest merge),
 * so answers and schedule never disagree. Every submission runs this, so its
 * statements are prepared once per connection.
 *
 * It reads the cards and writes them back from what it read, so the caller
 * must hold `lockStudent(tx, userId)` (lib/data/row-locks.ts), as every other
 * writer of a student's cards does: on PostgreSQL READ COMMITTED two of the
 * student's submissions would otherwise both start from the same card and one
 * answer would be lost.
 */
export async function scheduleAnsweredQuestions(tx: Database, userId: string, answered: readonly { questionId: string; credit: number }[], now: Date): Promise<void> {
  if (answered.length === 0) return;
  const statements = schedulingStatements(tx);
  const existing = await statements.cards.all({ userId, questionIds: idList(tx, answered.map((entry) => entry.questionId)) });
  const byQuestion = new Map(existing.map((row) => [row.questionId, row]));
  // One row per question (the last answer wins, as one upsert after another did): PostgreSQL refuses a statement
  // that updates the same row twice.
  const last = new Map(answered.map((entry) => [entry.questionId, entry.credit]));
  const cards = [...last].map(([questionId, credit]) => {
    const previous = byQuestion.get(questionId);
    return { questionId, ...scheduleAnswer(previous ? cardState(previous) : null, credit, now).card };
  });
  if (isPostgres(tx)) await statements.upsertMany(cards.length).run(rowValues(cards, { userId }));
  else for (const card of cards) await statements.upsert.run({ userId, ...card });
}

function dueCondition(user: SessionUser, now: Date) {
  return and(eq(reviewCards.userId, user.id), lte(reviewCards.due, now), eq(questions.retired, false));
}

/**
 * A card counts only while its question can still be served: not retired, in a
 * quiz the user may still see (a retired quiz, or a private one whose assignment
 * is gone, keeps its cards but never shows them). The nav count, the page's
 * totals and the queue all use this, so they agree.
 */
function reviewableCardsCount(db: Database, user: SessionUser, condition: ReturnType<typeof and>) {
  return db
    .select({ n: count() })
    .from(reviewCards)
    .innerJoin(questions, eq(questions.id, reviewCards.questionId))
    .innerJoin(quizzes, eq(quizzes.id, questions.quizId))
    .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .where(and(condition, eq(questions.retired, false), visibleQuizCondition(user)));
}

/**
 * The due count as one prepared statement: GET /api/me asks for it on every signed-in page view,
 * and building the four-table join with its visibility `exists` per call cost more than running it.
 * The same conditions as `reviewableCardsCount`, described once with the user and the time as
 * placeholders (lib/data/prepared.ts), so the nav count still agrees with the review page.
 */
const dueCountStatements = statementsFor((db) => {
  const placeholderUser = { id: sql.placeholder("userId") } as unknown as SessionUser;
  const due = and(eq(reviewCards.userId, sql.placeholder("userId")), lte(reviewCards.due, sql.placeholder("now")), eq(questions.retired, false));
  return { due: preparedRows<{ n: number }>(db, "due_review_count", reviewableCardsCount(db, placeholderUser, due)) };
});

/**
 * Due cards of `userId`, for callers that have already authenticated that user: `countDueReviews`
 * below and the proxy's answer to GET /api/me (lib/data/viewer-answer.ts, after its token-version check).
 */
export async function dueReviewCountOf(userId: string, now: Date = new Date()): Promise<number> {
  const db = getDb();
  const row = await dueCountStatements(db).due.get({ userId, now: rawTime(db, now) });
  return Number(row?.n ?? 0);
}

/** How many cards are due for the signed-in user (0 for guests). A range scan on review_cards(user_id, due). */
export async function countDueReviews(now: Date = new Date()): Promise<number> {
  const user = await getSessionUser();
  if (!user) return 0;
  return dueReviewCountOf(user.id, now);
}

async function visibleDueCards(db: Database, user: SessionUser, now: Date, limit: number) {
  // Cards of a quiz the student has an open test at wait until it is submitted (lib/data/assignments.ts isOpenTest).
  const locked = await openTestQuizIds(db, user, now);
  return db
    .select({ card: reviewCards, versionId: questions.currentVersionId, quizTitle: quizzes.title, lessonId: quizzes.lessonId, lessonTitle: lessons.title })
    .from(reviewCards)
    .innerJoin(questions, eq(questions.id, reviewCards.questionId))
    .innerJoin(quizzes, eq(quizzes.id, questions.quizId))
    .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .where(and(dueCondition(user, now), visibleQuizCondition(user), locked.length ? notInArray(quizzes.id, locked) : undefined))
    .orderBy(asc(reviewCards.due), asc(reviewCards.questionId))
    .limit(limit);
}

/** The caller's most overdue card, ready to answer, or null when nothing is due. */
export async function getNextReviewCard(now: Date = new Date()): Promise<ReviewCardDto | null> {
  const user = await requireUser();
  const db = getDb();
  const [due] = await visibleDueCards(db, user, now, 1);
  if (!due || due.versionId === null) return null;
  const [version] = await db
    .select({ type: questionVersions.type, data: questionVersions.publicData })
    .from(questionVersions)
    .where(eq(questionVersions.id, due.versionId));
  if (!version) return null;
  const data = version.data;
  let orderingAnswer: string[] | null = null;
  if (data.type === "ordering") {
    // Read only so the starting order is never already the answer; the key itself stays here.
    const [key] = await db.select({ keyData: questionVersions.keyData }).from(questionVersions).where(eq(questionVersions.id, due.versionId));
    const answerKey = key?.keyData.key;
    orderingAnswer = answerKey?.type === "ordering" ? answerKey.answer : null;
  }
  const entry = layoutEntry(due.card.questionId, due.versionId, data, orderingAnswer);
  return {
    questionId: due.card.questionId,
    versionId: due.versionId,
    type: version.type,
    data: applyLayout(data, entry),
    quizTitle: due.quizTitle,
    lessonTitle: due.lessonTitle,
    dueToken: due.card.due.getTime(),
    reps: due.card.reps,
    lapses: due.card.lapses,
  };
}

/**
 * Grades one review answer against the question's current version, then
 * reschedules the card and logs the review, in one transaction. A repeated
 * submit of the same showing (same `dueToken`) is graded again for the
 * feedback but changes nothing.
 */
export async function submitReview(input: { questionId: string; versionId: number; dueToken: number; answer: Answer }, now: Date = new Date()): Promise<ReviewOutcome> {
  const user = await requireUser();
  const db = getDb();
  const level = await readingLevelOf(db, user.id);
  return studentWriteTransaction(db, async (tx) => {
    // The card is read and rewritten from what was read: the student lock (taken by every writer of the
    // student's cards) keeps a submission or another review of it from landing in between.
    await lockStudent(tx, user.id);
    const [found] = await tx
      .select({ card: reviewCards, quizId: quizzes.id, lessonId: quizzes.lessonId, currentVersionId: questions.currentVersionId })
      .from(reviewCards)
      .innerJoin(questions, and(eq(questions.id, reviewCards.questionId), eq(questions.retired, false)))
      .innerJoin(quizzes, eq(quizzes.id, questions.quizId))
      .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
      .where(and(eq(reviewCards.userId, user.id), eq(reviewCards.questionId, input.questionId), visibleQuizCondition(user)));
    if (!found) throw new AppError("not_found", "We couldn't find that review card.");
    await assertNoOpenTest(tx, user, found.quizId, now);
    const [version] = await tx
      .select({ questionId: questionVersions.questionId, data: questionVersions.publicData, keyData: questionVersions.keyData, evidence: questionVersions.evidence, evidenceAnchors: questionVersions.evidenceAnchors })
      .from(questionVersions)
      .where(eq(questionVersions.id, input.versionId));
    if (!version || version.questionId !== input.questionId) throw new AppError("bad_request", "That question version doesn't belong to this card. Reload the page.");
    const data = version.data;
    const problem = answerProblem(data, input.answer, "Your answer");
    if (problem) throw new AppError("bad_request", problem);
    const keyData = version.keyData;
    const graded = gradeAnswer(keyData.key, input.answer);
    const shownNow = found.card.due.getTime() === input.dueToken;
    let nextDue = found.card.due;
    if (shownNow) {
      const { card, rating } = scheduleAnswer(cardState(found.card), graded.credit, now);
      await tx.update(reviewCards).set(card).where(and(eq(reviewCards.userId, user.id), eq(reviewCards.questionId, input.questionId)));
      await tx.insert(reviewLogs).values({ userId: user.id, questionId: input.questionId, rating, credit: graded.credit, reviewedAt: now });
      nextDue = card.due;
    }
    return {
      questionId: input.questionId,
      ...graded,
      correctLines: describeKey(data, keyData.key),
      explanation: keyData.explanation,
      feedback: feedbackFor(keyData, input.answer),
      evidence: evidenceLinks(found.lessonId, level, version),
      nextDue,
      rescheduled: shownNow,
    };
  });
}

/** Counts for the review page header: due now and total cards. */
export async function getReviewStats(now: Date = new Date()): Promise<{ due: number; total: number; nextDue: Date | null }> {
  const user = await requireUser();
  const db = getDb();
  const [due, [total], [next]] = await Promise.all([
    countDueReviews(now),
    reviewableCardsCount(db, user, eq(reviewCards.userId, user.id)),
    db
      .select({ due: reviewCards.due })
      .from(reviewCards)
      .innerJoin(questions, and(eq(questions.id, reviewCards.questionId), eq(questions.retired, false)))
      .innerJoin(quizzes, eq(quizzes.id, questions.quizId))
      .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
      .where(and(eq(reviewCards.userId, user.id), visibleQuizCondition(user)))
      .orderBy(asc(reviewCards.due))
      .limit(1),
  ]);
  return { due, total: total?.n ?? 0, nextDue: next?.due ?? null };
}
