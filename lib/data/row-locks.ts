/**
 * Row locks for the per-student write paths (issue 15).
 *
 * SERIALIZABLE made PostgreSQL abort about one quiz submission in two even
 * when every submission was a different student's: its predicate locks are
 * kept per index page or per table, not per student, so one student's read of
 * `review_cards` or `responses` and another's insert into the same page
 * formed read/write dependencies that PostgreSQL could only break by aborting
 * a transaction ("pivot"), which writeTransaction then ran again.
 *
 * These paths now run READ COMMITTED (`studentWriteTransaction`) and take, as
 * their first statement, the lock that orders the transactions that actually
 * compete: the student's own `users` row. Every statement after it runs with a
 * fresh snapshot taken once the lock is held, so it sees whatever the
 * previous holder committed, exactly as SQLite's one-writer-at-a-time did.
 * Different students take different rows and never wait for each other.
 *
 * On SQLite the write transaction already holds the database's only write
 * lock (BEGIN IMMEDIATE), so each helper here is a no-op there.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { isPostgres, writeTransaction, type Database } from "../../db/open";

function pg(tx: Database): PgDatabase<never, Record<string, unknown>> {
  return tx as unknown as PgDatabase<never, Record<string, unknown>>;
}

/**
 * A write transaction for a path whose correctness rests on the locks below
 * rather than on SERIALIZABLE: READ COMMITTED on PostgreSQL (a retry is then
 * only ever a deadlock), the usual exclusive writer on SQLite. `fn` must take
 * its locks before it reads anything it decides on.
 */
export function studentWriteTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return writeTransaction(db, fn, { postgresIsolation: "read committed" });
}

/**
 * Serializes every write of one student's attempts, attempt starts and review
 * cards. FOR NO KEY UPDATE conflicts with itself (two of this student's
 * transactions queue here) but not with the FOR KEY SHARE locks that foreign
 * key checks take, so rows of other tables referencing the user (class
 * memberships, sessions, audit) are still inserted without waiting.
 */
export async function lockStudent(tx: Database, userId: string): Promise<void> {
  if (!isPostgres(tx)) return;
  await pg(tx).execute(sql`select 1 from users where id = ${userId} for no key update`);
}

/**
 * `lockStudent` for several students at once (a teacher's action on a class),
 * in id order so two such actions, or one and a student's own write, never wait
 * on each other in a cycle.
 */
export async function lockStudents(tx: Database, userIds: readonly string[]): Promise<void> {
  if (!isPostgres(tx) || userIds.length === 0) return;
  const ids = [...new Set(userIds)].sort();
  await pg(tx).execute(sql`select 1 from users where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by id for no key update`);
}

/**
 * Locks one attempt row. Taken after `lockStudent` (always in that order):
 * the student lock already orders the student's own writers of the attempt
 * (submit, autosave, check); this one also orders writers that act for someone
 * else and do not take it (an account deletion removing open attempts at its
 * quizzes), so the attempt read next cannot vanish or change before commit.
 */
export async function lockAttempt(tx: Database, attemptId: string): Promise<void> {
  if (!isPostgres(tx)) return;
  await pg(tx).execute(sql`select 1 from attempts where id = ${attemptId} for no key update`);
}
