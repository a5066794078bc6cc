/**
 * Opening and configuring a SQLite database, and the engine-neutral write
 * transaction. Shared by the app's client (db/client.ts), the scripts in
 * scripts/ and the test database factories.
 *
 * `Database` is the callers' one type for either engine: on PostgreSQL the
 * value is a node-postgres Drizzle database (db/pg.ts) typed as this one, as
 * db/tables.ts types the PostgreSQL tables as the SQLite ones. Code that needs
 * the engine asks `isPostgres(db)`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { is } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { PgDatabase } from "drizzle-orm/pg-core";
import { getDatabasePath } from "../lib/env";
import * as schema from "./schema";

export type Database = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };

/** True for a PostgreSQL database or transaction (db/pg.ts), false for SQLite. */
export function isPostgres(db: unknown): boolean {
  return is(db, PgDatabase);
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string = getDatabasePath()): Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  // NORMAL is durable against application crashes in WAL mode; only an OS crash
  // or power loss can drop the last commits. @see docs/ARCHITECTURE.md
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return drizzle(sqlite, { schema });
}

/** Each writer's read-only twin (a second connection to the same file), and the way back. */
const readers = new WeakMap<Database, Database>();
const writers = new WeakMap<Database, Database>();

/**
 * The read-only connection that serves reads outside a write transaction.
 *
 * Reads go through their own connection so they never see rows another
 * request has written but not yet committed: in WAL mode a read sees the last
 * commit only. An in-memory database cannot have a second connection, so
 * there the writer serves reads too (no isolation: tests use files).
 */
export function readerFor(writer: Database): Database {
  // PostgreSQL's READ COMMITTED already hides other transactions' uncommitted rows: the pool serves reads and writes.
  if (isPostgres(writer)) return writer;
  const own = writers.get(writer);
  if (own) return writer; // already a reader
  let reader = readers.get(writer);
  if (!reader) {
    const file = writer.$client.name;
    if (writer.$client.memory || file === "" || file === ":memory:") {
      reader = writer;
    } else {
      const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      reader = drizzle(sqlite, { schema });
      writers.set(reader, writer);
    }
    readers.set(writer, reader);
  }
  return reader;
}

/** The connection that writes for `db` (itself unless `db` is a reader). */
export function writerFor(db: Database): Database {
  return writers.get(db) ?? db;
}

/** Closes a writer and its reader, if one was opened. */
export function closeDatabase(writer: Database): void {
  if (isPostgres(writer)) {
    void (writer.$client as unknown as { end(): Promise<void> }).end();
    return;
  }
  const reader = readers.get(writer);
  if (reader && reader !== writer) reader.$client.close();
  readers.delete(writer);
  writer.$client.close();
}

const transactionScope = new AsyncLocalStorage<Database>();
const queues = new WeakMap<Database, Promise<unknown>>();

/** The connection of the write transaction the caller runs inside, if any. */
export function currentTransaction(): Database | undefined {
  return transactionScope.getStore();
}

/**
 * Runs `fn` as one write transaction, with `getDb()` inside returning the
 * transaction (so it reads its own writes). Nested calls join the enclosing
 * transaction. Every write in the data-access layer goes through here.
 *
 * Keep it short on both engines: read and grade before calling it (on the
 * reader), and await nothing inside but the database (hash passwords, fetch,
 * parse before).
 *
 * SQLite: `BEGIN IMMEDIATE … COMMIT` on the writer connection, taking the
 * write lock up front so a read-then-write never fails with SQLITE_BUSY
 * halfway through. With better-sqlite3 every query settles in a microtask, so
 * a transaction that awaits only the database commits within one turn of the
 * event loop and no other request's code runs while it holds the lock.
 * better-sqlite3's own transactions must be synchronous, and our data access
 * awaits Drizzle queries, so transactions on one connection are queued here.
 * Transactions queued behind one another commit together (group commit, see
 * `runInGroup`): each still succeeds or fails alone, and none resolves before
 * the COMMIT that makes it durable.
 * The reader is read-only, so a write that forgets this helper fails loudly;
 * passing a reader runs on its writer.
 *
 * PostgreSQL: see `postgresTransaction`.
 */
export async function writeTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  if (isPostgres(db)) return postgresTransaction(db, fn, options.postgresIsolation ?? "serializable");
  const writer = writerFor(db);
  if (transactionScope.getStore() === writer) return fn(writer);
  const group = groupOf(writer);
  group.waiting += 1;
  const previous = queues.get(writer) ?? Promise.resolve();
  let committed!: Promise<T>;
  // `turn` settles when this transaction's own work is done, so the next one may start; `committed` once it is durable.
  const turn = previous.then(async () => {
    // Opening a group: first let the rest of this turn of the event loop run (setImmediate), so that the
    // transactions other requests ask for meanwhile queue behind this one and share its COMMIT. Nothing is
    // held while waiting: the group's BEGIN … COMMIT still runs within one turn, after the wait.
    if (!writer.$client.inTransaction) await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((workDone) => {
      group.waiting -= 1;
      committed = runInGroup(writer, group, fn, workDone);
    });
  });
  queues.set(writer, turn);
  await turn;
  return committed;
}

/**
 * Group commit (SQLite). Transactions that are already queued when one finishes run inside the same
 * `BEGIN IMMEDIATE … COMMIT`, each in its own SAVEPOINT (the first needs none: a failure rolls back the whole
 * transaction, which then holds only its own writes). A transaction that fails is rolled back to its savepoint
 * and its caller gets the error at once; the others go on. The group commits when nobody is waiting any more
 * (or it holds GROUP_MAX), and only then does any member's promise resolve, so nothing is acknowledged before it
 * is durable, and a failed COMMIT fails every member. No member waits for anything but the database, so a group
 * still commits within the turn of the event loop that started it, and the lock is never held across one.
 *
 * Why: a commit writes every page the transaction changed to the WAL, and a quiz submission changes a leaf page
 * of each of `responses`' per-question indexes for each question: most of its cost (docs/BENCHMARKS.md).
 * Submissions committed together share those pages.
 */
interface CommitGroup {
  /** Transactions queued on this connection and not started yet. */
  waiting: number;
  /** Members of the open group whose commit is pending. */
  members: { resolve: () => void; reject: (error: unknown) => void }[];
  /** Savepoints used in this group (names must differ only within a group). */
  savepoints: number;
}

const GROUP_MAX = 32;

/**
 * SQLite write transactions and the COMMITs that made them durable since the process started (their ratio is
 * the average group size). Tests read it to show grouping happens, and `npm run bench` through its own route
 * (GET /api/bench/commits); nothing else depends on it. Kept on globalThis so every server bundle counts in one place.
 */
export const sqliteCommits: { transactions: number; commits: number } = ((globalThis as Record<symbol, unknown>)[Symbol.for("civics.sqliteCommits")] ??= {
  transactions: 0,
  commits: 0,
}) as { transactions: number; commits: number };
const groups = new WeakMap<Database, CommitGroup>();

function groupOf(writer: Database): CommitGroup {
  let group = groups.get(writer);
  if (!group) {
    group = { waiting: 0, members: [], savepoints: 0 };
    groups.set(writer, group);
  }
  return group;
}

async function runInGroup<T>(writer: Database, group: CommitGroup, fn: (tx: Database) => Promise<T>, workDone: () => void): Promise<T> {
  const client = writer.$client;
  let savepoint: string | null = null;
  let result: T;
  try {
    if (client.inTransaction) {
      savepoint = `group_member_${++group.savepoints}`;
      client.exec(`SAVEPOINT ${savepoint}`);
    } else {
      client.exec("BEGIN IMMEDIATE");
      group.members = [];
      group.savepoints = 0;
    }
    result = await transactionScope.run(writer, () => fn(writer));
    if (savepoint) client.exec(`RELEASE ${savepoint}`);
  } catch (error) {
    try {
      if (client.inTransaction) {
        // A later member undoes only its own writes; the first one holds only its own, so it rolls back the whole.
        if (savepoint) client.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        else client.exec("ROLLBACK");
      }
      finishIfLast(writer, group);
    } finally {
      workDone();
    }
    throw error;
  }
  const durable = new Promise<void>((resolve, reject) => group.members.push({ resolve, reject }));
  try {
    finishIfLast(writer, group);
  } finally {
    workDone();
  }
  await durable;
  return result;
}

/** Commits the open group when nobody is queued behind it (or it is full), then resolves its members. */
function finishIfLast(writer: Database, group: CommitGroup): void {
  const client = writer.$client;
  if (!client.inTransaction) {
    // SQLite rolled the whole transaction back on its own (e.g. the disk is full): every pending member's writes are gone.
    const lost = group.members;
    group.members = [];
    for (const member of lost) member.reject(new Error("The write transaction was rolled back by the database; nothing of it was saved."));
    return;
  }
  if (group.waiting > 0 && group.members.length < GROUP_MAX) return;
  const members = group.members;
  group.members = [];
  try {
    client.exec("COMMIT");
  } catch (error) {
    if (client.inTransaction) client.exec("ROLLBACK");
    for (const member of members) member.reject(error);
    return;
  }
  sqliteCommits.commits += 1;
  sqliteCommits.transactions += members.length;
  for (const member of members) member.resolve();
}

export interface WriteTransactionOptions {
  /**
   * PostgreSQL only (SQLite always runs one writer at a time). "read committed"
   * is for transactions made only of single atomic statements (the shared
   * counters' upserts), which need no serializable checks and would otherwise
   * abort each other on one hot row under load, and for the per-student write
   * paths that take row locks before they read (lib/data/row-locks.ts).
   */
  postgresIsolation?: "serializable" | "read committed";
}

/** How often a PostgreSQL transaction is tried before a serialization failure reaches the caller. */
export const PG_TRANSACTION_ATTEMPTS = 16;

/**
 * PostgreSQL transactions run again since the process started, by SQLSTATE
 * (40001 serialization_failure, 40P01 deadlock_detected). Tests read it to show
 * a write path needs no retries under concurrency; nothing else depends on it.
 */
export const pgRetries: { total: number; bySqlState: Record<string, number> } = { total: 0, bySqlState: {} };

/** SQLSTATEs that mean "run the whole transaction again": serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(["40001", "40P01"]);

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * A PostgreSQL write transaction: a real transaction on one pooled
 * connection (Drizzle's `db.transaction`), while other requests use the rest
 * of the pool. It runs SERIALIZABLE, so every read-check-write in lib/data
 * keeps the guarantee SQLite's one-writer-at-a-time gave it (a quiz submitted
 * twice at once is stored once; a counter never loses an increment): when
 * PostgreSQL cannot order two transactions as if one ran after the other it
 * aborts one, and it is run again from the start here, after a short random
 * pause. `fn` must therefore do nothing but database work that may be
 * repeated (which the rule above asks anyway). No transaction's rows are seen
 * by anyone else before COMMIT.
 *
 * SSI's checks only see other SERIALIZABLE transactions, and its predicate
 * locks cover index pages and whole small tables, so unrelated students'
 * submissions used to abort each other (issue 15). The hot per-student paths
 * (start, autosave, check, submit, review) therefore run READ COMMITTED behind
 * row locks (lib/data/row-locks.ts); any other writer of their rows must take
 * the same locks.
 */
async function postgresTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>, isolationLevel: "serializable" | "read committed"): Promise<T> {
  const current = transactionScope.getStore();
  if (current && isPostgres(current)) return fn(current);
  const pgDb = db as unknown as PgDatabase<never, Record<string, unknown>>;
  for (let attempt = 1; ; attempt++) {
    try {
      return await pgDb.transaction((tx) => transactionScope.run(tx as unknown as Database, () => fn(tx as unknown as Database)), {
        isolationLevel,
      });
    } catch (error) {
      const state = sqlState(error) ?? "";
      if (attempt >= PG_TRANSACTION_ATTEMPTS || !RETRYABLE.has(state)) throw error;
      pgRetries.total += 1;
      pgRetries.bySqlState[state] = (pgRetries.bySqlState[state] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));
    }
  }
}
