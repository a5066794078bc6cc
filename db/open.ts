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
 * The reader is read-only, so a write that forgets this helper fails loudly;
 * passing a reader runs on its writer.
 *
 * PostgreSQL: see `postgresTransaction`.
 */
export async function writeTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  if (isPostgres(db)) return postgresTransaction(db, fn, options.postgresIsolation ?? "serializable");
  const writer = writerFor(db);
  if (transactionScope.getStore() === writer) return fn(writer);
  const previous = queues.get(writer) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() =>
    transactionScope.run(writer, async () => {
      writer.$client.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(writer);
        writer.$client.exec("COMMIT");
        return result;
      } catch (error) {
        if (writer.$client.inTransaction) writer.$client.exec("ROLLBACK");
        throw error;
      }
    }),
  );
  queues.set(writer, run);
  return run;
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
