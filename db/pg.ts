/**
 * PostgreSQL: the second storage engine, chosen by DATABASE_URL=postgres://…
 * (lib/env.ts). Opening checks the server answers, with a clear message for
 * each way a configuration goes wrong; migrating runs under an advisory lock
 * so several app servers starting at once migrate (and sync content) one at
 * a time, and refuses a database that a newer version of the app migrated.
 *
 * lib/data runs on it through db/tables.ts and writeTransaction (db/open.ts).
 * See docs/ARCHITECTURE.md "PostgreSQL".
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { newestLocalMigration } from "./migrate";
import { writeTransaction, type Database, type WriteTransactionOptions } from "./open";
import * as schema from "./schema.pg";

export type PgDatabase = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations-pg");

/** The advisory lock key for migrating and syncing content (any fixed 64-bit number; this one spells "civics"). */
export const MIGRATION_LOCK_KEY = 0x636976696373n;

/** Connections per app server. A pool, not one connection: PostgreSQL runs transactions from different requests side by side. */
export const DEFAULT_POOL_SIZE = 10;

export function openPostgres(url: string, options: { max?: number } = {}): PgDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? DEFAULT_POOL_SIZE, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error(`[civics-lab] PostgreSQL connection lost: ${error.message}`));
  return drizzle({ client: pool, schema });
}

/** Where the URL points, without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ""}${parsed.hostname || "localhost"}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparsable URL)";
  }
}

/** Turns a driver error into what an operator needs to read. */
export function explainConnectionError(error: unknown, url: string): Error {
  const where = describeUrl(url);
  // Drizzle wraps driver errors ("Failed query: …"); the driver's own error is the cause.
  const cause = (error as { cause?: unknown }).cause ?? error;
  const code = (cause as { code?: string }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return new Error(`Cannot reach PostgreSQL at ${where} (${code}). Is the server running and is DATABASE_URL's host and port right?`);
    case "28P01":
    case "28000":
      return new Error(`PostgreSQL at ${where} refused the credentials in DATABASE_URL: ${message}`);
    case "3D000":
      return new Error(`The database in DATABASE_URL does not exist on ${where}: ${message}. Create it first (createdb).`);
    default:
      if (/timeout/i.test(message)) return new Error(`Cannot reach PostgreSQL at ${where}: ${message}`);
      return new Error(`PostgreSQL at ${where} failed: ${message}`);
  }
}

/** Runs one query so bad configuration fails here, at start, and not on the first request. */
export async function checkPostgres(db: PgDatabase, url: string): Promise<void> {
  try {
    await db.execute(sql`select 1`);
  } catch (error) {
    throw explainConnectionError(error, url);
  }
}

/** Runs `fn` holding the cluster-wide migration lock (other servers starting now wait here). */
export async function withMigrationLock<T>(db: PgDatabase, fn: () => Promise<T>): Promise<T> {
  const client = await db.$client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}

/** Applies db/migrations-pg; refuses a database already migrated past what this version knows. */
export async function migratePostgres(db: PgDatabase): Promise<void> {
  const exists = await db.execute<{ table: string | null }>(sql`select to_regclass('drizzle.__drizzle_migrations')::text as table`);
  const newest = exists.rows[0]?.table
    ? (await db.execute<{ newest: string | null }>(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`)).rows[0]?.newest
    : null;
  const local = newestLocalMigration(PG_MIGRATIONS_FOLDER);
  if (newest && Number(newest) > local) {
    throw new Error(
      `This PostgreSQL database was migrated by a newer version of Civics Lab (migration of ${new Date(Number(newest)).toISOString()}, this version knows up to ${new Date(local).toISOString()}). Upgrade the app, or point DATABASE_URL at the right database.`,
    );
  }
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
}

/**
 * writeTransaction (db/open.ts) for a PostgreSQL database: SERIALIZABLE (unless asked otherwise) on one
 * pooled connection, run again on a serialization failure, nested calls join.
 */
export function pgWriteTransaction<T>(db: PgDatabase, fn: (tx: PgDatabase) => Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  return writeTransaction(db as unknown as Database, (tx) => fn(tx as unknown as PgDatabase), options);
}
