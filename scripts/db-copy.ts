/**
 * `npm run db:copy -- --to postgres://…`: copies every row of the SQLite
 * database (DATABASE_PATH) into a PostgreSQL database, for a school moving
 * onto a district server. The target is migrated first and must be empty
 * (nothing is ever overwritten or merged). Everything is copied in one
 * PostgreSQL transaction: a failure leaves the target empty. Row counts and
 * every row's content are compared before committing.
 *
 * Stop the app server first (or copy from a fresh `npm run db:backup` file
 * with DATABASE_PATH pointing at it) so no write lands after the copy.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { is, sql } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrateDatabase } from "../db/migrate";
import { checkPostgres, describeUrl, migratePostgres, openPostgres, withMigrationLock } from "../db/pg";
import * as sqliteSchema from "../db/schema";
import * as pgSchema from "../db/schema.pg";
import { getDatabasePath } from "../lib/env";

const BATCH = 500;

interface TablePair {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  dependsOn: string[];
  identity: string | null;
}

/** The tables in an order where every foreign key points at a table copied before. */
export function tablePairs(): TablePair[] {
  const pairs: TablePair[] = [];
  for (const [exportName, value] of Object.entries(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue;
    const twin = (pgSchema as Record<string, unknown>)[exportName];
    if (!is(twin, PgTable)) throw new Error(`db/schema.pg.ts has no table ${exportName}`);
    const config = sqliteConfig(value);
    const pgTable = pgConfig(twin);
    pairs.push({
      name: config.name,
      sqlite: value,
      pg: twin,
      dependsOn: config.foreignKeys.map((fk) => sqliteConfig(fk.reference().foreignTable).name).filter((n) => n !== config.name),
      identity: pgTable.columns.find((c) => (c as unknown as { generatedIdentity?: unknown }).generatedIdentity)?.name ?? null,
    });
  }
  const ordered: TablePair[] = [];
  const placed = new Set<string>();
  while (ordered.length < pairs.length) {
    const next = pairs.filter((p) => !placed.has(p.name) && p.dependsOn.every((d) => placed.has(d)));
    if (next.length === 0) throw new Error("Foreign keys form a cycle; db:copy cannot order the tables.");
    for (const pair of next) {
      ordered.push(pair);
      placed.add(pair.name);
    }
  }
  return ordered;
}

/** Rows in a stable order and a comparable form (Dates as numbers), so the two engines' copies can be compared. */
function stable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(stable);
  // jsonb stores object keys in its own order; compare with keys sorted.
  if (value && typeof value === "object") return Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]);
  return value;
}

function canonical(rows: Record<string, unknown>[]): string[] {
  return rows.map((row) => JSON.stringify(stable(row))).sort();
}

export async function copySqliteToPostgres(sqliteFile: string, url: string, log: (line: string) => void = () => undefined): Promise<Record<string, number>> {
  const source = new BetterSqlite3(sqliteFile, { readonly: true, fileMustExist: true });
  const from = drizzle(source, { schema: sqliteSchema });
  const to = openPostgres(url, { max: 2 });
  try {
    // The source must be at this version's schema too (a read-only file can't be migrated here: refuse instead).
    const pending = source.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number };
    if (!pending.n) throw new Error(`${sqliteFile} is not a Civics Lab database (no migrations table).`);
    await checkPostgres(to, url);
    await withMigrationLock(to, () => migratePostgres(to));
    const pairs = tablePairs();
    const counts: Record<string, number> = {};
    await to.transaction(async (tx) => {
      for (const pair of pairs) {
        const [row] = (await tx.execute<{ n: string }>(sql`select count(*)::text as n from ${pair.pg}`)).rows;
        if (Number(row!.n) > 0) throw new Error(`The target database at ${describeUrl(url)} already has rows in ${pair.name}; db:copy only fills an empty database.`);
      }
      for (const pair of pairs) {
        const rows = (await from.select().from(pair.sqlite)) as Record<string, unknown>[];
        for (let i = 0; i < rows.length; i += BATCH) {
          await tx.insert(pair.pg).values(rows.slice(i, i + BATCH));
        }
        if (pair.identity) {
          // Explicit ids were copied; the identity must continue after the highest one.
          await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${pair.name}"', '${pair.identity}'), coalesce((select max("${pair.identity}") from "${pair.name}"), 0) + 1, false)`));
        }
        const copied = (await tx.select().from(pair.pg)) as Record<string, unknown>[];
        const a = canonical(rows);
        const b = canonical(copied);
        if (a.length !== b.length || a.some((value, index) => value !== b[index])) {
          throw new Error(`Copy check failed for ${pair.name}: ${rows.length} rows in SQLite, ${copied.length} in PostgreSQL, or their contents differ. Nothing was committed.`);
        }
        counts[pair.name] = rows.length;
        log(`  ${pair.name}: ${rows.length} row(s)`);
      }
    });
    return counts;
  } finally {
    source.close();
    await to.$client.end();
  }
}

/** Makes sure the SQLite file is migrated to this version before copying (opens it writable once). */
function migrateSource(file: string): void {
  const db = drizzle(new BetterSqlite3(file, { fileMustExist: true }), { schema: sqliteSchema });
  try {
    migrateDatabase(db);
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf("--to");
  const url = index >= 0 ? process.argv[index + 1] : undefined;
  if (!url || !/^postgres(ql)?:\/\//i.test(url)) {
    console.error("Usage: npm run db:copy -- --to postgres://user:pass@host:5432/database   (copies DATABASE_PATH's SQLite data into an empty PostgreSQL database)");
    process.exit(2);
  }
  const file = getDatabasePath();
  const started = performance.now();
  Promise.resolve()
    .then(() => migrateSource(file))
    .then(() => copySqliteToPostgres(file, url, (line) => console.log(line)))
    .then(
      (counts) => {
        const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        console.log(`Copied ${total} row(s) from ${path.relative(process.cwd(), file)} to PostgreSQL at ${describeUrl(url)} in ${Math.round(performance.now() - started)} ms; every table checked row by row.`);
      },
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
}
