/**
 * The few SQL fragments that differ between SQLite and PostgreSQL, for the
 * engine this process runs on (lib/env.ts databaseEngine; db/tables.ts picks
 * the tables the same way). Everything else in lib/data is Drizzle's query
 * builders, which write each engine's SQL themselves.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { databaseEngine } from "../env";

const onPostgres = databaseEngine() === "postgres";

/** Whole periods of `periodMs` since the epoch of a timestamp column (SQLite stores epoch milliseconds; PostgreSQL a timestamptz). */
export function periodsSinceEpoch(column: SQLiteColumn, periodMs: number): SQL<number> {
  return (
    onPostgres ? sql`floor(extract(epoch from ${column}) * 1000 / ${periodMs})::integer` : sql`cast(${column} / ${periodMs} as integer)`
  ).mapWith(Number);
}

/** The length of the JSON array at `key` of a JSON column (jsonb on PostgreSQL). */
export function jsonArrayLength(column: SQLiteColumn, key: string): SQL<number> {
  return (onPostgres ? sql`jsonb_array_length(${column} -> ${key})` : sql`json_array_length(${column}, ${`$.${key}`})`).mapWith(Number);
}

/** The larger of two numeric expressions (SQLite's two-argument `max`, PostgreSQL's `greatest`; `max(a, b)` is an aggregate error on PostgreSQL). */
export function larger(a: SQL | SQLiteColumn, b: SQL | SQLiteColumn | number): SQL<number> {
  return (onPostgres ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`).mapWith(Number);
}
