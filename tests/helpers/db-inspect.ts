/**
 * Looking at the whole test database on either engine, for tests whose
 * question is about every table ("did a refused request change anything?",
 * "is any trace of this user left?"), so a table added later is covered
 * without touching the test. Tests that know which table they want use
 * Drizzle through `@/db/tables` instead.
 *
 * SQLite lists its tables in sqlite_master, PostgreSQL in information_schema
 * (the current schema: the test database's `public`). Drizzle's migration
 * bookkeeping is left out on both.
 */
import { sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { isPostgres, type Database } from "@/db/open";

/** The rows of a raw query: `postgres` when the engine needs other SQL (placeholders are Drizzle's, so `${value}` works on both). */
export async function rawRows<T>(db: Database, query: SQL, postgres: SQL = query): Promise<T[]> {
  if (isPostgres(db)) return (await (db as unknown as NodePgDatabase).execute(postgres)).rows as T[];
  return db.all<T>(query);
}

/** Runs a raw statement (or, on SQLite, one statement; on PostgreSQL several may be separated by `;` when there are no parameters). */
export async function rawRun(db: Database, query: SQL, postgres: SQL = query): Promise<void> {
  if (isPostgres(db)) await (db as unknown as NodePgDatabase).execute(postgres);
  else db.run(query);
}

/** Every table of the app, by name. */
export async function appTables(db: Database): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(
    db,
    sql`select name from sqlite_master where type = 'table' order by name`,
    sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((row) => row.name).filter((name) => !name.startsWith("sqlite_") && !name.startsWith("__drizzle"));
}

/** The column names of `table`. */
export async function tableColumns(db: Database, table: string): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(
    db,
    sql`select name from pragma_table_info(${table}) order by cid`,
    sql`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((row) => row.name);
}

/**
 * The whole database as one string, for "before" and "after" comparisons.
 * SQLite: every table's rows in rowid order. PostgreSQL: every table's row
 * count and an md5 of its rows as text, sorted (hashed on the server: the
 * security matrix compares the database twice per case). Either way any
 * inserted, deleted or changed row changes the string, and the string names
 * the tables, so a failing comparison shows which one moved.
 */
export async function dumpDatabase(db: Database): Promise<string> {
  const tables = await appTables(db);
  if (isPostgres(db)) return JSON.stringify(await tableFingerprints(db, tables));
  return JSON.stringify(tables.map((name) => [name, db.$client.prepare(`select * from "${name}" order by rowid`).all()]));
}

/** PostgreSQL: `[table, rows, md5 of the rows as text in sorted order]` for each of `tables`, in one round trip. */
export async function tableFingerprints(db: Database, tables: string[]): Promise<[string, number, string][]> {
  if (tables.length === 0) return [];
  const parts = tables.map(
    (name) => sql`select ${name} as name, count(*)::int as n, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as hash from ${sql.identifier(name)} t`,
  );
  const rows = await rawRows<{ name: string; n: number; hash: string }>(db, sql.join(parts, sql` union all `));
  return rows.map((row) => [row.name, row.n, row.hash]);
}

/** `table.column (rows)` for every column of every table whose value, as text, contains `needle`. */
export async function columnsMentioning(db: Database, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const table of await appTables(db)) {
    for (const column of await tableColumns(db, table)) {
      const [row] = await rawRows<{ n: number }>(
        db,
        sql`select count(*) as n from ${sql.identifier(table)} where instr(cast(${sql.identifier(column)} as text), ${needle}) > 0`,
        sql`select count(*)::int as n from ${sql.identifier(table)} where strpos(${sql.identifier(column)}::text, ${needle}) > 0`,
      );
      if (row && row.n > 0) hits.push(`${table}.${column} (${row.n})`);
    }
  }
  return hits;
}
