/**
 * Puts the test database back to a saved state, many times over: the security
 * matrix (tests/integration/security-matrix.test.ts) starts each of its ~500
 * cases from the same seeded world.
 *
 * SQLite: the file's bytes (`serialize`), opened again as a new in-memory
 * database per restore and installed as the app's connection.
 *
 * PostgreSQL: a copy of every table in a schema of its own in the same
 * database, and a fingerprint of each table (tests/helpers/db-inspect.ts).
 * A restore re-fingerprints the tables and copies back only those that
 * changed, together with every table that references them (TRUNCATE must
 * empty those too), parents before children so the foreign keys hold, and
 * sets the identity sequences back, all as one implicit transaction. A case
 * that changed nothing costs one query. The app keeps running on the same
 * pool exactly as in production (its own SERIALIZABLE transactions, no
 * enclosing test transaction), which a transaction rolled back per case
 * would not allow.
 */
import BetterSqlite3 from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type pg from "pg";
import { isPostgres, type Database } from "@/db/open";
import * as schema from "@/db/tables";
import { appTables, rawRows, tableFingerprints } from "./db-inspect";

export interface DatabaseSnapshot {
  /** Brings the database back to the saved state and returns the connection to use (installed as the app's). */
  restore(): Promise<Database>;
}

const SNAPSHOT_SCHEMA = "test_snapshot";

export async function snapshotDatabase(db: Database): Promise<DatabaseSnapshot> {
  return isPostgres(db) ? snapshotPostgres(db) : snapshotSqlite(db);
}

function install(db: Database): Database {
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  return db;
}

function snapshotSqlite(db: Database): DatabaseSnapshot {
  const bytes = db.$client.serialize();
  // The test database is a WAL file; bytes 18-19 of the header say so, and an in-memory copy can't use WAL. 1 = rollback journal.
  bytes[18] = 1;
  bytes[19] = 1;
  return {
    restore: async () => {
      const sqlite = new BetterSqlite3(bytes);
      sqlite.pragma("foreign_keys = ON");
      const restored: Database = drizzle(sqlite, { schema });
      return install(restored);
    },
  };
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function snapshotPostgres(db: Database): Promise<DatabaseSnapshot> {
  const pool = db.$client as unknown as pg.Pool;
  const tables = await appTables(db);
  await pool.query(
    [`drop schema if exists ${SNAPSHOT_SCHEMA} cascade`, `create schema ${SNAPSHOT_SCHEMA}`, ...tables.map((t) => `create table ${SNAPSHOT_SCHEMA}.${quote(t)} as select * from ${quote(t)}`)].join(";\n"),
  );
  const references = await rawRows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`,
  );
  const sequences = await rawRows<{ name: string }>(db, sql`select relname as name from pg_class where relkind = 'S' and relnamespace = current_schema()::regnamespace`);
  const sequenceStates: string[] = [];
  for (const { name } of sequences) {
    const { rows } = await pool.query<{ last_value: string; is_called: boolean }>(`select last_value, is_called from ${quote(name)}`);
    sequenceStates.push(`select setval('${quote(name)}', ${rows[0]!.last_value}, ${rows[0]!.is_called})`);
  }
  const saved = new Map((await tableFingerprints(db, tables)).map(([name, n, hash]) => [name, `${n}:${hash}`]));

  // Parents before children: each table after every table it references (a table may reference itself).
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (order.includes(table) || path.has(table)) return;
    path.add(table);
    for (const { child, parent } of references) if (child === table && parent !== table) visit(parent, path);
    order.push(table);
  };
  for (const table of tables) visit(table, new Set());

  /** `changed` and every table that references one of them, directly or not. */
  const withReferencing = (changed: string[]): Set<string> => {
    const set = new Set(changed);
    for (let grew = true; grew; ) {
      grew = false;
      for (const { child, parent } of references) {
        if (set.has(parent) && !set.has(child)) {
          set.add(child);
          grew = true;
        }
      }
    }
    return set;
  };

  return {
    restore: async () => {
      const changed = (await tableFingerprints(db, tables)).filter(([name, n, hash]) => saved.get(name) !== `${n}:${hash}`).map(([name]) => name);
      const restore = withReferencing(changed);
      const copy = order.filter((t) => restore.has(t));
      const statements = [
        ...(copy.length > 0 ? [`truncate ${copy.map(quote).join(", ")}`] : []),
        ...copy.map((t) => `insert into ${quote(t)} select * from ${SNAPSHOT_SCHEMA}.${quote(t)}`),
        // Identity values drawn by a case (even one whose transaction rolled back) are handed out again, as on SQLite.
        ...sequenceStates,
      ];
      // Several statements in one simple query run as one transaction.
      if (statements.length > 0) await pool.query(statements.join(";\n"));
      return install(db);
    },
  };
}
