/**
 * Opening and configuring a SQLite database. Shared by the app's client
 * (db/client.ts), the scripts in lib/scripts and the test database factory.
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

const transactionScope = new AsyncLocalStorage<Database>();
const queues = new WeakMap<Database, Promise<unknown>>();

/**
 * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT`, taking SQLite's write lock up
 * front so a read-then-write never fails with SQLITE_BUSY halfway through.
 *
 * better-sqlite3's own transactions must be synchronous, and our data access
 * awaits Drizzle queries, so transactions on one connection are queued here.
 * Every write in the data-access layer goes through this helper, which keeps
 * other requests' writes from landing inside someone else's transaction.
 * Nested calls join the enclosing transaction. Don't await anything but
 * database work inside `fn` (hash passwords before calling it).
 */
export async function writeTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (transactionScope.getStore() === db) return fn(db);
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() =>
    transactionScope.run(db, async () => {
      db.$client.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(db);
        db.$client.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
        throw error;
      }
    }),
  );
  queues.set(db, run);
  return run;
}
