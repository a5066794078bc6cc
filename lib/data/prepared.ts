/**
 * Drizzle prepared statements, built once per database connection, on either
 * engine.
 *
 * A quiz submission runs about ten statements inside its write transaction.
 * Building each query with Drizzle and having SQLite compile it again on every
 * request cost more than running it (measured in docs/BENCHMARKS.md), so the
 * hot paths describe their statements once with `sql.placeholder`s and reuse
 * them.
 *
 * SQLite: better-sqlite3's statements run synchronously; the wrappers below
 * only hand their result back as a promise. Variable-length id lists go in as
 * one JSON array through `json_each`.
 * PostgreSQL: named statements (the server plans each once per pooled
 * connection), awaited; id lists go in as one array parameter (`= any($1)`).
 * A transaction is its own Drizzle session there, so its statements are
 * described again per transaction (cheap next to the round trips).
 */
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { isPostgres, type Database } from "../../db/open";

export function statementsFor<T>(build: (db: Database) => T): (db: Database) => T {
  const byConnection = new WeakMap<Database, T>();
  return (db) => {
    let statements = byConnection.get(db);
    if (!statements) {
      statements = build(db);
      byConnection.set(db, statements);
    }
    return statements;
  };
}

type Values = Record<string, unknown>;

/** A prepared query that returns rows. */
export interface RowsStatement<Row> {
  all(values?: Values): Promise<Row[]>;
  get(values?: Values): Promise<Row | undefined>;
}

/** A prepared write whose result is not needed. */
export interface RunStatement {
  run(values?: Values): Promise<void>;
}

/** A prepared write that reports how many rows it changed (inserted, updated or deleted). */
export interface CountStatement {
  run(values?: Values): Promise<number>;
}

interface PgPrepared {
  execute(values?: Values): Promise<unknown>;
}

/** Prepares a select (or a write with `returning`) under `name` (unique in the app: PostgreSQL keys its plans by it). */
export function preparedRows<Row>(db: Database, name: string, query: { prepare(): { all(values?: Values): Row[]; get(values?: Values): Row | undefined } }): RowsStatement<Row> {
  if (isPostgres(db)) {
    const statement = (query as unknown as { prepare(name: string): PgPrepared }).prepare(name);
    return {
      all: async (values) => (await statement.execute(values)) as Row[],
      get: async (values) => ((await statement.execute(values)) as Row[])[0],
    };
  }
  const statement = query.prepare();
  return {
    all: async (values) => statement.all(values),
    get: async (values) => statement.get(values),
  };
}

/** Prepares an insert, update or delete under `name`. */
export function preparedRun(db: Database, name: string, query: { prepare(): { run(values?: Values): unknown } }): RunStatement {
  if (isPostgres(db)) {
    const statement = (query as unknown as { prepare(name: string): PgPrepared }).prepare(name);
    return {
      run: async (values) => {
        await statement.execute(values);
      },
    };
  }
  const statement = query.prepare();
  return {
    run: async (values) => {
      statement.run(values);
    },
  };
}

/** Prepares an insert, update or delete under `name` whose result is the number of rows it changed. */
export function preparedCount(db: Database, name: string, query: { prepare(): { run(values?: Values): unknown } }): CountStatement {
  if (isPostgres(db)) {
    const statement = (query as unknown as { prepare(name: string): PgPrepared }).prepare(name);
    return { run: async (values) => ((await statement.execute(values)) as { rowCount: number | null }).rowCount ?? 0 };
  }
  const statement = query.prepare();
  return { run: async (values) => (statement.run(values) as { changes: number }).changes };
}

/**
 * One prepared statement per row count, for multi-row writes (`insert … values (…), (…)`): `build(n)` describes
 * the statement for n rows with placeholders named by row (`${name}${i}`, see `rowPlaceholders`), prepared the
 * first time that count is asked for on this connection. A quiz's submissions all have its question count, so a
 * connection holds a few of these at most.
 */
export function byRowCount<S>(build: (rows: number) => S): (rows: number) => S {
  const statements = new Map<number, S>();
  return (rows) => {
    let statement = statements.get(rows);
    if (!statement) {
      statement = build(rows);
      statements.set(rows, statement);
    }
    return statement;
  };
}

/** Placeholders `${key}${row}` for each key, for row `row` of a `byRowCount` statement. */
export function rowPlaceholders<K extends string>(keys: readonly K[], row: number): Record<K, Placeholder> {
  return Object.fromEntries(keys.map((key) => [key, sql.placeholder(`${key}${row}`)])) as Record<K, Placeholder>;
}

/** The values for a `byRowCount` statement: each row's fields under `${key}${row}`, plus `shared` as they are. */
export function rowValues(rows: readonly object[], shared: Values = {}): Values {
  const values: Values = { ...shared };
  rows.forEach((row, index) => {
    for (const [key, value] of Object.entries(row)) values[`${key}${index}`] = value;
  });
  return values;
}

/** `column` is one of the ids in the placeholder `name`, filled with `idList(db, ids)`. */
export function inIdList(db: Database, column: SQLiteColumn, name: string): SQL {
  return isPostgres(db) ? sql`${column} = any(${sql.placeholder(name)})` : sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}

/** The value for an `inIdList` placeholder: a JSON array on SQLite, an array parameter on PostgreSQL. */
export function idList(db: Database, ids: readonly (string | number)[]): string | (string | number)[] {
  return isPostgres(db) ? [...ids] : JSON.stringify(ids);
}

/**
 * A time for a raw `sql.placeholder` (one that skips the column's encoder, as
 * update `set`s with `sql` do): epoch milliseconds on SQLite, the Date itself
 * for PostgreSQL's timestamptz.
 */
export function rawTime(db: Database, time: Date): number | Date {
  return isPostgres(db) ? time : time.getTime();
}
