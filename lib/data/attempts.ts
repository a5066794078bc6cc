/**
 * Quiz attempts of signed-in users: start or resume, autosave, check one
 * question (practice), submit exactly once, results and history.
 *
 * The key wall: only `gradingKeys` reads `question_versions.key_data`, and it
 * is called only when grading (check, submit) or after submission (results,
 * and the checks a practice student already committed to).
 * @see docs/GRADING.md
 */
import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { currentTransaction, isPostgres, type Database } from "../../db/open";
import { assignments, attempts, lessons, questionVersions, quizzes, responses } from "../../db/tables";
import { requireUser, type SessionUser } from "./session";
import { formatInZone } from "../dates";
import { AppError } from "../errors";
import { feedbackFor, gradeAnswer } from "../quiz/grade";
import { applyLayout, layoutEntry, type AttemptLayout } from "../quiz/layout";
import type { Answer, Outcome, PublicQuestionData, QuestionKeyData, QuestionType, QuizMode } from "../quiz/types";
import { countOutcomes, gradedQuestion, type GradedQuestion } from "../quiz/results";
import { answerProblem } from "../quiz/validate";
import type { AnswersInput } from "../validations/attempts";
import { byRowCount, idList, inIdList, preparedCount, preparedRows, preparedRun, rawTime, rowPlaceholders, rowValues, statementsFor } from "./prepared";
import { assertNoOpenTest, assignmentClosedReason, assignmentForStart, isOpenTest, openTestMessage, studentQuizAssignments, type QuizAssignmentOfStudent } from "./assignments";
import { scheduleAnsweredQuestions } from "./review";
import { lockAttempt, lockStudent, studentWriteTransaction } from "./row-locks";
import { currentPublicQuestions, evidenceLinks, findVisibleQuiz, publicVersions, readingLevelOf, visibleQuizCondition, type EvidenceLink } from "./quizzes";

type Draft = Record<string, Answer>;
type AttemptRow = typeof attempts.$inferSelect;

// ---------------------------------------------------------------- DTOs

export interface TakingQuestion {
  questionId: string;
  versionId: number;
  number: number;
  type: QuestionType;
  data: PublicQuestionData;
}

/** What a practice "Check" reveals about one question, after the student committed an answer. */
export interface CheckResult {
  questionId: string;
  credit: number;
  outcome: Outcome;
  explanation: string;
  feedback: string[];
  /** Every paragraph the answer rests on. */
  evidence: EvidenceLink[];
  /** The first checked answer is the one that counts (docs/GRADING.md). */
  scored: { credit: number; outcome: Outcome };
}

export interface TakingAttempt {
  attemptId: string;
  quiz: { id: string; title: string; lessonId: string; lessonTitle: string };
  mode: QuizMode;
  status: "in_progress" | "submitted";
  questions: TakingQuestion[];
  answers: Draft;
  checks: Record<string, CheckResult>;
  dueAt: Date | null;
  /** After dueAt: answers still accepted (and marked Late). */
  lateAllowed: boolean;
  /** The teacher's zone, for showing dueAt until the browser shows it in its own. */
  timeZone: string | null;
  startedAt: Date;
  /** The reading level evidence links open at (the assignment's level, else the student's own): the text shown beside the quiz. */
  readingLevel: number;
}

export interface SubmitResult {
  attemptId: string;
  score: number;
  maxScore: number;
  submittedAt: Date;
}

export interface QuestionResult extends GradedQuestion {
  /** Every paragraph the answer rests on; empty when the lesson can no longer be opened (see AttemptResults.quiz.available). */
  evidence: EvidenceLink[];
}

export interface AttemptResults {
  attemptId: string;
  /** `available` is false once the quiz is retired or its teacher's account was deleted: results stay, retakes don't. */
  quiz: { id: string; title: string; lessonId: string; lessonTitle: string; available: boolean };
  mode: QuizMode;
  score: number;
  maxScore: number;
  percent: number;
  startedAt: Date;
  submittedAt: Date;
  counts: Record<Outcome, number>;
  questions: QuestionResult[];
}

export interface AttemptSummary {
  attemptId: string;
  quizId: string;
  quizTitle: string;
  mode: QuizMode;
  status: "in_progress" | "submitted";
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  startedAt: Date;
  submittedAt: Date | null;
}

// ---------------------------------------------------------------- helpers

function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? Math.round((score / maxScore) * 100) : 0;
}

function layoutOf(attempt: AttemptRow): AttemptLayout {
  return attempt.layout;
}

/** The caller's own attempt, or `not_found` (someone else's attempt looks exactly like a missing one). */
async function ownAttempt(db: Database, user: SessionUser, attemptId: string): Promise<AttemptRow> {
  const [attempt] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.id, attemptId), eq(attempts.userId, user.id)));
  if (!attempt) throw new AppError("not_found", "We couldn't find that attempt.");
  return attempt;
}

/** Keys, explanations and feedback. Call only when grading or after the answer is committed. */
async function gradingKeys(db: Database, versionIds: readonly number[]): Promise<Map<number, QuestionKeyData>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db.select({ id: questionVersions.id, keyData: questionVersions.keyData }).from(questionVersions).where(inArray(questionVersions.id, [...versionIds]));
  return new Map(rows.map((row) => [row.id, row.keyData]));
}

interface DueRule {
  dueAt: Date | null;
  lateAllowed: boolean;
  timeZone: string | null;
}

/** Past the due date, an assigned attempt takes answers only when the teacher accepts late work (it is then marked Late). */
function assertNotPastDue(rule: DueRule | null | undefined, now: Date): void {
  if (rule?.dueAt && !rule.lateAllowed && now.getTime() > rule.dueAt.getTime()) {
    throw new AppError("conflict", `This assignment was due ${formatInZone(rule.dueAt, rule.timeZone)} and your teacher isn't accepting late work, so it no longer takes answers.`);
  }
}

/** Validates each answer against the question this attempt shows; the first problem is the error. */
function validateAnswers(layout: AttemptLayout, shown: Map<number, { data: PublicQuestionData }>, answers: AnswersInput): void {
  const numberOf = new Map(layout.questions.map((entry, index) => [entry.questionId, { entry, number: index + 1 }]));
  for (const [questionId, answer] of Object.entries(answers)) {
    const found = numberOf.get(questionId);
    if (!found) throw new AppError("bad_request", `Question "${questionId}" is not part of this attempt. Nothing was saved.`);
    if (answer === null) continue;
    const version = shown.get(found.entry.versionId);
    const problem = version ? answerProblem(version.data, answer, `Question ${found.number}`) : "Question missing";
    if (problem) throw new AppError("bad_request", `${problem} Nothing was saved.`);
  }
}

function mergeDraft(draft: Draft, answers: AnswersInput): Draft {
  const next: Draft = { ...draft };
  for (const [questionId, answer] of Object.entries(answers)) {
    if (answer === null) delete next[questionId];
    else next[questionId] = answer;
  }
  return next;
}

// ---------------------------------------------------------------- start / resume

/**
 * Resumes or starts the caller's attempt at this quiz, shuffling choices and
 * recording the versions shown. For a student whose class has the quiz
 * assigned, every start is the assignment's attempt wherever it comes from
 * (lesson page, quiz list, My assignments), with the teacher's mode, start
 * and due dates and attempt limit; while a test of it is unsubmitted, no other
 * attempt starts.
 */
export async function startOrResumeAttempt(input: { quizId: string; mode: QuizMode; assignmentId?: string }, now: Date = new Date()): Promise<{ attemptId: string; resumed: boolean; assignmentId: string | null }> {
  const user = await requireUser();
  const db = getDb();
  return studentWriteTransaction(db, async (tx) => {
    // Only this student's transactions add attempts of theirs, and all hold this lock: the open attempt,
    // attempts used and open tests read below stay true until commit, so two simultaneous starts never
    // open two attempts or pass the attempt limit (the second one resumes what the first created).
    await lockStudent(tx, user.id);
    await findVisibleQuiz(tx, user, input.quizId);
    let mode = input.mode;
    let assignment: QuizAssignmentOfStudent | null = null;
    if (user.role === "student") {
      const mine = await studentQuizAssignments(tx, user.id, input.quizId);
      if (input.assignmentId) {
        assignment = mine.find((a) => a.id === input.assignmentId) ?? null;
        if (!assignment) throw new AppError("not_found", "We couldn't find that assignment.");
      } else {
        assignment = assignmentForStart(mine, now);
        const test = assignment ? null : mine.find((a) => isOpenTest(a, now));
        if (test) throw new AppError("conflict", assignmentClosedReason(test, now) ?? openTestMessage(test));
      }
    } else if (input.assignmentId) {
      throw new AppError("not_found", "We couldn't find that assignment.");
    }
    if (assignment) {
      mode = assignment.quizMode;
      if (assignment.openAttemptId) return { attemptId: assignment.openAttemptId, resumed: true, assignmentId: assignment.id };
      const closed = assignmentClosedReason(assignment, now);
      if (closed) throw new AppError("conflict", closed);
    } else {
      const [open] = await tx
        .select({ id: attempts.id })
        .from(attempts)
        .where(and(eq(attempts.userId, user.id), eq(attempts.quizId, input.quizId), isNull(attempts.assignmentId), eq(attempts.mode, mode), eq(attempts.status, "in_progress")));
      if (open) return { attemptId: open.id, resumed: true, assignmentId: null };
    }
    const shown = await currentPublicQuestions(tx, input.quizId);
    if (shown.length === 0) throw new AppError("not_found", "This quiz has no questions yet.");
    // The ordering key is read only so the starting order is never already the answer.
    const keys = await gradingKeys(tx, shown.filter((q) => q.type === "ordering").map((q) => q.versionId));
    const layout: AttemptLayout = {
      questions: shown.map((question) => {
        const key = keys.get(question.versionId)?.key;
        return layoutEntry(question.questionId, question.versionId, question.data, key?.type === "ordering" ? key.answer : null);
      }),
    };
    const [row] = await tx
      .insert(attempts)
      .values({ quizId: input.quizId, userId: user.id, assignmentId: assignment?.id ?? null, mode, layout, draft: {} })
      .returning({ id: attempts.id });
    return { attemptId: row!.id, resumed: false, assignmentId: assignment?.id ?? null };
  });
}

// ---------------------------------------------------------------- taking

async function quizHeader(db: Database, quizId: string) {
  const [row] = await db.select({ id: quizzes.id, title: quizzes.title, lessonId: quizzes.lessonId }).from(quizzes).where(eq(quizzes.id, quizId));
  if (!row) throw new AppError("not_found", "We couldn't find that quiz.");
  return row;
}

async function lessonTitle(db: Database, lessonId: string): Promise<string> {
  const [row] = await db.select({ title: lessons.title }).from(lessons).where(eq(lessons.id, lessonId));
  return row?.title ?? lessonId;
}

async function evidenceLevel(db: Database, user: SessionUser, attempt: AttemptRow): Promise<number> {
  if (attempt.assignmentId) {
    const [row] = await db.select({ level: assignments.readingLevel }).from(assignments).where(eq(assignments.id, attempt.assignmentId));
    if (row?.level) return row.level;
  }
  return readingLevelOf(db, user.id);
}

/** The attempt as the taking page needs it: public data only, plus checks the student already committed to. */
export async function getAttemptForTaking(attemptId: string): Promise<TakingAttempt> {
  const user = await requireUser();
  const db = getDb();
  const attempt = await ownAttempt(db, user, attemptId);
  const layout = layoutOf(attempt);
  const quiz = await quizHeader(db, attempt.quizId);
  const shown = await publicVersions(db, layout.questions.map((entry) => entry.versionId));
  const questions: TakingQuestion[] = layout.questions.flatMap((entry, index) => {
    const version = shown.get(entry.versionId);
    return version ? [{ questionId: entry.questionId, versionId: entry.versionId, number: index + 1, type: version.type, data: applyLayout(version.data, entry) }] : [];
  });

  const checks: Record<string, CheckResult> = {};
  if (attempt.mode === "practice" && attempt.status === "in_progress") await assertNoOpenTest(db, user, attempt.quizId, new Date(), attempt.assignmentId);
  if (attempt.mode === "practice" && attempt.status === "in_progress") {
    const checked = await db.select().from(responses).where(eq(responses.attemptId, attempt.id));
    if (checked.length > 0) {
      const keys = await gradingKeys(db, checked.map((row) => row.questionVersionId));
      const level = await evidenceLevel(db, user, attempt);
      for (const row of checked) {
        const keyData = keys.get(row.questionVersionId);
        const version = shown.get(row.questionVersionId);
        if (!keyData || !version) continue;
        const scored = { credit: row.credit, outcome: row.outcome };
        checks[row.questionId] = { questionId: row.questionId, ...scored, scored, explanation: keyData.explanation, feedback: feedbackFor(keyData, row.answer), evidence: evidenceLinks(quiz.lessonId, level, version) };
      }
    }
  }
  let due: DueRule | null = null;
  if (attempt.assignmentId) {
    const [row] = await db.select({ dueAt: assignments.dueAt, lateAllowed: assignments.lateAllowed, timeZone: assignments.timeZone }).from(assignments).where(eq(assignments.id, attempt.assignmentId));
    due = row ?? null;
  }
  return {
    attemptId: attempt.id,
    quiz: { ...quiz, lessonTitle: await lessonTitle(db, quiz.lessonId) },
    mode: attempt.mode,
    status: attempt.status,
    questions,
    answers: attempt.draft,
    checks,
    dueAt: due?.dueAt ?? null,
    lateAllowed: due?.lateAllowed ?? true,
    timeZone: due?.timeZone ?? null,
    startedAt: attempt.startedAt,
    readingLevel: await evidenceLevel(db, user, attempt),
  };
}

async function assertOpen(db: Database, attempt: AttemptRow, now: Date): Promise<void> {
  if (attempt.status === "submitted") throw new AppError("conflict", "This attempt has already been submitted. Your answers can no longer change.");
  if (attempt.assignmentId) {
    const [row] = await db.select({ dueAt: assignments.dueAt, lateAllowed: assignments.lateAllowed, timeZone: assignments.timeZone }).from(assignments).where(eq(assignments.id, attempt.assignmentId));
    assertNotPastDue(row, now);
  }
}

/** Autosave: merges the given answers into the draft (`null` clears one). */
export async function saveDraft(attemptId: string, answers: AnswersInput, now: Date = new Date()): Promise<{ savedAt: Date }> {
  const user = await requireUser();
  const db = getDb();
  // Checks and validation read outside the write lock; the draft itself is merged under it.
  const attempt = await ownAttempt(db, user, attemptId);
  await assertOpen(db, attempt, now);
  const layout = layoutOf(attempt);
  const shown = await publicVersions(db, layout.questions.map((entry) => entry.versionId));
  validateAnswers(layout, shown, answers);
  return studentWriteTransaction(db, async (tx) => {
    // The same locks as submitAttempt, in the same order: the draft merged here is the latest one, and an
    // attempt a submission closed is seen as submitted (refused), never overwritten.
    await lockStudent(tx, user.id);
    await lockAttempt(tx, attemptId);
    const current = await ownAttempt(tx, user, attemptId);
    await assertOpen(tx, current, now);
    await tx.update(attempts).set({ draft: mergeDraft(current.draft, answers), updatedAt: now }).where(eq(attempts.id, current.id));
    return { savedAt: now };
  });
}

/**
 * Practice mode: grades one question and reveals its explanation and the
 * feedback for what was picked. The first checked answer is stored as the
 * question's response and is what counts; later checks are graded and shown
 * but change nothing stored except the draft.
 */
export async function checkQuestion(attemptId: string, questionId: string, answer: Answer, now: Date = new Date()): Promise<CheckResult> {
  const user = await requireUser();
  return studentWriteTransaction(getDb(), async (tx) => {
    // As in saveDraft: the first checked answer and the draft are written against the attempt as it is now.
    await lockStudent(tx, user.id);
    await lockAttempt(tx, attemptId);
    const attempt = await ownAttempt(tx, user, attemptId);
    await assertOpen(tx, attempt, now);
    if (attempt.mode !== "practice") throw new AppError("bad_request", "Checking single answers is only available in practice mode. Submit the quiz to see your results.");
    await assertNoOpenTest(tx, user, attempt.quizId, now, attempt.assignmentId);
    const layout = layoutOf(attempt);
    const entry = layout.questions.find((q) => q.questionId === questionId);
    if (!entry) throw new AppError("bad_request", `Question "${questionId}" is not part of this attempt. Nothing was saved.`);
    const shown = await publicVersions(tx, [entry.versionId]);
    validateAnswers(layout, shown, { [questionId]: answer });
    const keyData = (await gradingKeys(tx, [entry.versionId])).get(entry.versionId)!;
    const graded = gradeAnswer(keyData.key, answer);
    await tx
      .insert(responses)
      .values({ attemptId, questionId, questionVersionId: entry.versionId, answer, credit: graded.credit, outcome: graded.outcome, answeredAt: now })
      .onConflictDoNothing();
    const [stored] = await tx.select({ credit: responses.credit, outcome: responses.outcome }).from(responses).where(and(eq(responses.attemptId, attemptId), eq(responses.questionId, questionId)));
    await tx.update(attempts).set({ draft: mergeDraft(attempt.draft, { [questionId]: answer }), updatedAt: now }).where(eq(attempts.id, attempt.id));
    const quiz = await quizHeader(tx, attempt.quizId);
    const version = shown.get(entry.versionId)!;
    const level = await evidenceLevel(tx, user, attempt);
    return {
      questionId,
      ...graded,
      explanation: keyData.explanation,
      feedback: feedbackFor(keyData, answer),
      evidence: evidenceLinks(quiz.lessonId, level, version),
      scored: stored ?? graded,
    };
  });
}

const RESPONSE_FIELDS = ["questionId", "questionVersionId", "answer", "credit", "outcome"] as const;

/** The statements of a submission, prepared once per connection (lib/data/prepared.ts). */
const submitStatements = statementsFor((db) => ({
  ownAttempt: preparedRows(
    db,
    "submit_own_attempt",
    db
      .select()
      .from(attempts)
      .where(and(eq(attempts.id, sql.placeholder("attemptId")), eq(attempts.userId, sql.placeholder("userId")))),
  ),
  // Under the lock only what decides between "already submitted", "draft changed" and "go ahead": no layout.
  lockedAttempt: preparedRows(
    db,
    "submit_locked_attempt",
    db
      .select({ status: attempts.status, draft: attempts.draft, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt, updatedAt: attempts.updatedAt })
      .from(attempts)
      .where(and(eq(attempts.id, sql.placeholder("attemptId")), eq(attempts.userId, sql.placeholder("userId")))),
  ),
  dueRule: preparedRows(
    db,
    "submit_due_rule",
    db
      .select({ dueAt: assignments.dueAt, lateAllowed: assignments.lateAllowed, timeZone: assignments.timeZone })
      .from(assignments)
      .where(eq(assignments.id, sql.placeholder("assignmentId"))),
  ),
  // Grading reads the shown versions with their keys in one go.
  versions: preparedRows(
    db,
    "submit_versions",
    db
      .select({ versionId: questionVersions.id, data: questionVersions.publicData, keyData: questionVersions.keyData })
      .from(questionVersions)
      .where(inIdList(db, questionVersions.id, "versionIds")),
  ),
  // The graded answers: on PostgreSQL one multi-row statement (one round trip; one statement per question count,
  // lib/data/prepared.ts byRowCount), on SQLite one prepared row at a time, which SQLite runs faster than a
  // multi-row VALUES (measured in docs/BENCHMARKS.md).
  insertResponse: preparedCount(
    db,
    "submit_insert_response",
    db
      .insert(responses)
      .values({
        attemptId: sql.placeholder("attemptId"),
        questionId: sql.placeholder("questionId"),
        questionVersionId: sql.placeholder("questionVersionId"),
        answer: sql.placeholder("answer"),
        credit: sql.placeholder("credit"),
        outcome: sql.placeholder("outcome"),
        answeredAt: sql.placeholder("answeredAt"),
      })
      // Practice questions already checked keep their first checked answer (docs/GRADING.md): on conflict, nothing.
      .onConflictDoNothing(),
  ),
  insertResponses: byRowCount((rows) =>
    preparedCount(
      db,
      `submit_insert_responses_${rows}`,
      db
        .insert(responses)
        .values(Array.from({ length: rows }, (_, row) => ({ attemptId: sql.placeholder("attemptId"), answeredAt: sql.placeholder("answeredAt"), ...rowPlaceholders(RESPONSE_FIELDS, row) })))
        .onConflictDoNothing(),
    ),
  ),
  storedResponses: preparedRows(
    db,
    "submit_stored_responses",
    db
      .select({ questionId: responses.questionId, credit: responses.credit, answer: responses.answer })
      .from(responses)
      .where(eq(responses.attemptId, sql.placeholder("attemptId"))),
  ),
  close: preparedRun(
    db,
    "submit_close",
    db
      .update(attempts)
      // Update placeholders skip the column encoders: draft goes in as JSON text and times through rawTime.
      .set({ status: "submitted", draft: sql`${sql.placeholder("draftJson")}`, score: sql`${sql.placeholder("score")}`, maxScore: sql`${sql.placeholder("maxScore")}`, submittedAt: sql`${sql.placeholder("now")}`, updatedAt: sql`${sql.placeholder("now")}` })
      .where(eq(attempts.id, sql.placeholder("attemptId"))),
  ),
}));

interface GradedEntry {
  questionId: string;
  questionVersionId: number;
  answer: Answer | null;
  credit: number;
  outcome: Outcome;
}

interface ShownVersion {
  data: PublicQuestionData;
  keyData: QuestionKeyData;
}

/**
 * Question versions as grading reads them, by id, kept by this process. A version's public and key data never
 * change once written (an edit makes a new version; content-sync and imports only retag a version), and ids are
 * never reused (AUTOINCREMENT on SQLite, a sequence on PostgreSQL), so a remembered version is always the one in
 * the database. Filled only from reads outside any write transaction, i.e. from committed rows. Bounded: the
 * oldest entries go first.
 */
const shownVersions = new Map<number, ShownVersion>();
const SHOWN_VERSIONS_MAX = 5_000;

async function versionsFor(db: Database, versionIds: readonly number[]): Promise<Map<number, ShownVersion>> {
  const found = new Map<number, ShownVersion>();
  const missing: number[] = [];
  for (const id of versionIds) {
    const version = shownVersions.get(id);
    if (version) found.set(id, version);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const rows = await submitStatements(db).versions.all({ versionIds: idList(db, missing) });
  const remember = currentTransaction() === undefined;
  for (const row of rows) {
    const version = { data: row.data, keyData: row.keyData };
    found.set(row.versionId, version);
    if (!remember) continue;
    if (shownVersions.size >= SHOWN_VERSIONS_MAX) shownVersions.delete(shownVersions.keys().next().value!);
    shownVersions.set(row.versionId, version);
  }
  return found;
}

/** Grades every question of the layout against the draft: pure, so it runs outside the write lock. */
function gradeDraft(layout: AttemptLayout, versions: Map<number, ShownVersion>, draft: Draft): GradedEntry[] {
  return layout.questions.map((entry) => {
    const answer = draft[entry.questionId] ?? null;
    const graded = gradeAnswer(versions.get(entry.versionId)!.keyData.key, answer);
    return { questionId: entry.questionId, questionVersionId: entry.versionId, answer, credit: graded.credit, outcome: graded.outcome };
  });
}

function storedResult(attemptId: string, attempt: Pick<AttemptRow, "score" | "maxScore" | "submittedAt" | "updatedAt">): SubmitResult {
  return { attemptId, score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0, submittedAt: attempt.submittedAt ?? attempt.updatedAt };
}

/** The attempt's score: the sum of its stored credits, to four decimals. */
function scoreOf(credits: readonly { credit: number }[]): number {
  return Math.round(credits.reduce((sum, row) => sum + row.credit, 0) * 10_000) / 10_000;
}

/**
 * Grades and closes the attempt, exactly once.
 *
 * Reading, checking and grading happen first, on the read connection and
 * outside the write lock. The write transaction then re-reads the attempt:
 * one already submitted (double click, retry after a timeout, another tab)
 * returns its stored result and changes nothing; one whose draft changed in
 * between (an autosave landed) is graded again from the draft it now holds.
 * Question versions never change once written, so their keys read outside
 * stay valid. Inside, the writes are one statement each: the graded answers,
 * the closing of the attempt, the review cards (lib/data/review.ts).
 */
export async function submitAttempt(attemptId: string, answers: AnswersInput = {}, now: Date = new Date()): Promise<SubmitResult> {
  const user = await requireUser();
  const db = getDb();
  const read = submitStatements(db);
  const attempt = await read.ownAttempt.get({ attemptId, userId: user.id });
  if (!attempt) throw new AppError("not_found", "We couldn't find that attempt.");
  if (attempt.status === "submitted") return storedResult(attempt.id, attempt);
  if (attempt.assignmentId) assertNotPastDue(await read.dueRule.get({ assignmentId: attempt.assignmentId }), now);
  // A test attempt is the test itself; any other attempt would grade the quiz while a test of it is open.
  if (!(attempt.mode === "test" && attempt.assignmentId)) await assertNoOpenTest(db, user, attempt.quizId, now, attempt.assignmentId);
  const layout = layoutOf(attempt);
  const versions = await versionsFor(db, layout.questions.map((entry) => entry.versionId));
  validateAnswers(layout, versions, answers);
  const draftJson = JSON.stringify(attempt.draft);
  let draft = mergeDraft(attempt.draft, answers);
  let graded = gradeDraft(layout, versions, draft);

  return studentWriteTransaction(db, async (tx) => {
    // The student lock orders this with the student's other submissions (their review cards are read and
    // rewritten below), autosaves, checks, starts and reviews; the attempt lock with anyone else who changes
    // the attempt. Both are held before the attempt is read, so of two simultaneous submissions the second
    // reads it submitted and returns the stored result.
    await lockStudent(tx, user.id);
    await lockAttempt(tx, attemptId);
    const statements = submitStatements(tx);
    const current = await statements.lockedAttempt.get({ attemptId, userId: user.id });
    if (!current) throw new AppError("not_found", "We couldn't find that attempt.");
    if (current.status === "submitted") return storedResult(attemptId, current);
    if (JSON.stringify(current.draft) !== draftJson) {
      draft = mergeDraft(current.draft, answers);
      graded = gradeDraft(layout, versions, draft);
    }
    let inserted = 0;
    if (isPostgres(tx)) inserted = await statements.insertResponses(graded.length).run(rowValues(graded, { attemptId, answeredAt: now }));
    else for (const entry of graded) inserted += await statements.insertResponse.run({ attemptId, ...entry, answeredAt: now });
    // Every answer inserted: the stored responses are the graded ones. Otherwise some question was checked in
    // practice before, and its first checked answer is what counts: read back what is stored.
    const stored: { questionId: string; credit: number; answer: Answer | null }[] = inserted === graded.length ? graded : await statements.storedResponses.all({ attemptId });
    const score = scoreOf(stored);
    const maxScore = layout.questions.length;
    await statements.close.run({ attemptId, draftJson: JSON.stringify(draft), score, maxScore, now: rawTime(tx, now) });
    // Skipped questions were never recalled or missed, so they get no review card.
    await scheduleAnsweredQuestions(tx, user.id, stored.filter((row) => row.answer !== null), now);
    return { attemptId, score, maxScore, submittedAt: now };
  });
}

// ---------------------------------------------------------------- results and history

/** Results of a submitted attempt; an attempt still in progress is `not_found` here. */
export async function getAttemptResults(attemptId: string): Promise<AttemptResults> {
  const user = await requireUser();
  const db = getDb();
  const attempt = await ownAttempt(db, user, attemptId);
  if (attempt.status !== "submitted") throw new AppError("not_found", "This attempt has not been submitted yet.");
  await assertNoOpenTest(db, user, attempt.quizId, new Date(), attempt.assignmentId);
  const layout = layoutOf(attempt);
  const versionIds = layout.questions.map((entry) => entry.versionId);
  const [shown, keys, rows, quiz, level, [visible]] = await Promise.all([
    publicVersions(db, versionIds),
    gradingKeys(db, versionIds),
    db.select().from(responses).where(eq(responses.attemptId, attempt.id)),
    quizHeader(db, attempt.quizId),
    evidenceLevel(db, user, attempt),
    db
      .select({ id: quizzes.id })
      .from(quizzes)
      .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
      .where(and(eq(quizzes.id, attempt.quizId), visibleQuizCondition(user))),
  ]);
  const available = visible !== undefined;
  const byQuestion = new Map(rows.map((row) => [row.questionId, row]));
  const questions: QuestionResult[] = layout.questions.flatMap((entry, index) => {
    const version = shown.get(entry.versionId);
    const keyData = keys.get(entry.versionId);
    const response = byQuestion.get(entry.questionId);
    if (!version || !keyData || !response) return [];
    const question = { questionId: entry.questionId, number: index + 1, type: version.type };
    const graded = gradedQuestion(question, applyLayout(version.data, entry), keyData, response.answer ?? null, response);
    return [{ ...graded, evidence: available ? evidenceLinks(quiz.lessonId, level, version) : [] }];
  });
  const counts = countOutcomes(questions);
  const score = attempt.score ?? 0;
  const maxScore = attempt.maxScore ?? layout.questions.length;
  return {
    attemptId: attempt.id,
    quiz: { ...quiz, lessonTitle: await lessonTitle(db, quiz.lessonId), available },
    mode: attempt.mode,
    score,
    maxScore,
    percent: percentOf(score, maxScore),
    startedAt: attempt.startedAt,
    submittedAt: attempt.submittedAt ?? attempt.updatedAt,
    counts,
    questions,
  };
}

/** The caller's attempts, newest first (optionally at one quiz). */
export async function listMyAttempts(options: { quizId?: string; limit?: number } = {}): Promise<AttemptSummary[]> {
  const user = await requireUser();
  const rows = await getDb()
    .select({
      attemptId: attempts.id,
      quizId: attempts.quizId,
      quizTitle: quizzes.title,
      mode: attempts.mode,
      status: attempts.status,
      score: attempts.score,
      maxScore: attempts.maxScore,
      startedAt: attempts.startedAt,
      submittedAt: attempts.submittedAt,
    })
    .from(attempts)
    .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
    .where(and(eq(attempts.userId, user.id), options.quizId ? eq(attempts.quizId, options.quizId) : undefined))
    .orderBy(desc(attempts.startedAt), asc(attempts.id))
    .limit(options.limit ?? 50);
  return rows.map((row) => ({ ...row, percent: row.score !== null && row.maxScore ? percentOf(row.score, row.maxScore) : null }));
}

/** How many quizzes the caller has submitted, over all time. */
export async function countMySubmittedAttempts(): Promise<number> {
  const user = await requireUser();
  const [row] = await getDb()
    .select({ n: count() })
    .from(attempts)
    .where(and(eq(attempts.userId, user.id), eq(attempts.status, "submitted")));
  return row?.n ?? 0;
}

/** Open (unsubmitted, unassigned) attempts of the caller at a quiz, by mode, for "Resume" buttons. */
export async function openAttemptsAt(quizId: string): Promise<Partial<Record<QuizMode, string>>> {
  const user = await requireUser();
  const rows = await getDb()
    .select({ id: attempts.id, mode: attempts.mode })
    .from(attempts)
    .where(and(eq(attempts.userId, user.id), eq(attempts.quizId, quizId), eq(attempts.status, "in_progress"), isNull(attempts.assignmentId)));
  return Object.fromEntries(rows.map((row) => [row.mode, row.id]));
}
