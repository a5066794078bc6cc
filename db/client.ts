/**
 * The one database client: the SQLite file (DATABASE_PATH), or PostgreSQL
 * when DATABASE_URL is set (lib/env.ts databaseEngine, decided once).
 * Callers use Drizzle's awaitable query builders, which run on either.
 */
import "server-only";
import { databaseEngine, getEnv } from "../lib/env";
import { currentTransaction, openDatabase, readerFor, type Database } from "./open";
import { openPostgres } from "./pg";

const globalForDb = globalThis as unknown as { civicsDb?: Database };

function openConfigured(): Database {
  if (databaseEngine() === "postgres") {
    const env = getEnv();
    return openPostgres(env.DATABASE_URL!, { max: env.DATABASE_POOL_SIZE }) as unknown as Database;
  }
  return openDatabase();
}

/**
 * The connection for the caller: inside a write transaction, that
 * transaction's connection (so it reads its own writes); anywhere else the
 * read-only connection (SQLite) or the pool (PostgreSQL), which never see
 * another request's uncommitted rows. Writes go through
 * writeTransaction(getDb(), …). Opened on first use and cached on globalThis
 * so dev reloads reuse it.
 */
export function getDb(): Database {
  const inTransaction = currentTransaction();
  if (inTransaction) return inTransaction;
  globalForDb.civicsDb ??= openConfigured();
  return readerFor(globalForDb.civicsDb);
}
