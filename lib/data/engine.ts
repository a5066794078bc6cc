/**
 * What little the shared counters (rate-limits.ts, sign-in-throttle.ts) and the
 * page-cache invalidation log (cache-invalidations.ts) need to know about the
 * engine they run on, so the same functions run on a SQLite or a PostgreSQL
 * Drizzle database (tests run them on both). Everything else they write is one
 * Drizzle builder, which each engine renders in its own dialect.
 *
 * Until the data layer picks its tables from DATABASE_URL once, the table is
 * chosen here from the connection itself: a PostgreSQL database or transaction
 * gets the db/schema.pg.ts twin, typed as the SQLite table (both have the same
 * columns, and the builders share the subset used here).
 */
import { is, sql, type SQL } from "drizzle-orm";
import { PgDatabase as PgCore } from "drizzle-orm/pg-core";
import type { Column } from "drizzle-orm";
import { writeTransaction, type Database } from "../../db/open";
import { pgWriteTransaction, type PgDatabase } from "../../db/pg";
import * as sqliteSchema from "../../db/schema";
import * as pgSchema from "../../db/schema.pg";

/** A connection (or transaction) of either engine. */
export type AnyDatabase = Database | PgDatabase;

export function isPostgres(db: AnyDatabase): db is PgDatabase {
  return is(db, PgCore);
}

type Twins = { [K in Extract<keyof typeof sqliteSchema, keyof typeof pgSchema>]: (typeof sqliteSchema)[K] };

/** The table `name` on `db`'s engine, typed as the SQLite table. */
export function tableOn<K extends keyof Twins>(db: AnyDatabase, name: K): Twins[K] {
  return (isPostgres(db) ? pgSchema[name] : sqliteSchema[name]) as unknown as Twins[K];
}

/** `db` typed as the SQLite database for the shared builder calls (a PostgreSQL one has the same methods). */
export function asBuilder(db: AnyDatabase): Database {
  return db as unknown as Database;
}

/**
 * A write transaction on either engine (db/open.ts writeTransaction, db/pg.ts pgWriteTransaction).
 * On PostgreSQL READ COMMITTED: the counters' statements are each one atomic
 * upsert, and SERIALIZABLE made simultaneous sign-ins from one address abort
 * each other on its counter row until the retries ran out.
 */
export function writeOn<T>(db: AnyDatabase, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return pgWriteTransaction(db, (tx) => fn(asBuilder(tx)), { postgresIsolation: "read committed" });
  return writeTransaction(db, fn);
}

/** A timestamp parameter encoded the way `column` stores it (milliseconds on SQLite, timestamptz on PostgreSQL). */
export function at(db: AnyDatabase, column: Column, date: Date): SQL {
  return isPostgres(db) ? sql`${sql.param(date, column)}::timestamptz` : sql`${sql.param(date, column)}`;
}

/** `column + ms` for a timestamp column. */
export function plusMs(db: AnyDatabase, column: Column | SQL, ms: number): SQL {
  return isPostgres(db) ? sql`(${column} + ${ms} * interval '1 millisecond')` : sql`(${column} + ${ms})`;
}
