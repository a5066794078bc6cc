/**
 * Opening and configuring a SQLite database. Shared by the app's client
 * (db/client.ts), the scripts in scripts and the test database factory.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { getDatabasePath } from "../lib/env";
import * as schema from "./schema";

export type Database = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };

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
 * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT`, taking SQLite's write lock up
 * front so a read-then-write never fails with SQLITE_BUSY halfway through.
 *
 * Keep it short: read and grade before calling it (on the reader), and await
 * nothing inside but the database (hash passwords, fetch, parse before). With
 * better-sqlite3 every query settles in a microtask, so a transaction that
 * awaits only the database commits within one turn of the event loop and no
 * other request's code runs while it holds the lock.
 *
 * better-sqlite3's own transactions must be synchronous, and our data access
 * awaits Drizzle queries, so transactions on one connection are queued here.
 * Every write in the data-access layer goes through this helper (the reader
 * is read-only, so a write that forgets fails loudly). Passing a reader runs
 * on its writer. Nested calls join the enclosing transaction.
 */
export async function writeTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
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
