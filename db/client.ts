/**
 * The one database client. better-sqlite3 is synchronous, but callers use
 * Drizzle's awaitable query builders so the driver could be swapped for a
 * networked SQLite (libSQL) without touching them.
 */
import "server-only";
import { openDatabase, type Database } from "./open";

const globalForDb = globalThis as unknown as { civicsDb?: Database };

/** The process-wide connection, opened on first use (cached on globalThis so dev reloads reuse it). */
export function getDb(): Database {
  globalForDb.civicsDb ??= openDatabase();
  return globalForDb.civicsDb;
}
