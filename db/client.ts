/**
 * The one database client. better-sqlite3 is synchronous, but callers use
 * Drizzle's awaitable query builders so the driver can be swapped.
 */
import "server-only";
import { getEnv } from "../lib/env";
import { currentTransaction, openDatabase, readerFor, type Database } from "./open";

const globalForDb = globalThis as unknown as { civicsDb?: Database };

/**
 * The connection for the caller: inside a write transaction, that
 * transaction's connection (so it reads its own writes); anywhere else the
 * read-only connection, which never sees another request's uncommitted rows.
 * Writes go through writeTransaction(getDb(), …), which runs on the writer.
 * Opened on first use and cached on globalThis so dev reloads reuse it.
 */
export function getDb(): Database {
  const inTransaction = currentTransaction();
  if (inTransaction) return inTransaction;
  if (!globalForDb.civicsDb && getEnv().DATABASE_URL) {
    // Never fall back to a SQLite file when the operator asked for PostgreSQL (scripts/prepare-data.ts says why).
    throw new Error("DATABASE_URL is set, but this version serves from SQLite only; unset DATABASE_URL.");
  }
  globalForDb.civicsDb ??= openDatabase();
  return readerFor(globalForDb.civicsDb);
}
