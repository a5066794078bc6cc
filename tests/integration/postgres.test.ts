/**
 * PostgreSQL engine: migrations, the database they build against SQLite's,
 * transactions, the migration lock, and the clear errors for bad
 * configuration. Each run makes its own temporary database and drops it
 * (tests/helpers/pg.ts; skipped with a note without a server, failing under CI=true).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { closeDatabase, openDatabase } from "@/db/open";
import { checkPostgres, migratePostgres, openPostgres, pgWriteTransaction, PG_MIGRATIONS_FOLDER, withMigrationLock, type PgDatabase } from "@/db/pg";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as sqliteSchema from "@/db/schema";
import { topics, users } from "@/db/schema.pg";
import { backupPostgres } from "@/scripts/backup";
import { startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { copySqliteToPostgres, tablePairs } from "@/scripts/db-copy";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";
import { tempDatabaseFile } from "../helpers/db";
import { createTempPgDatabase, describePg, PG_ADMIN_URL } from "../helpers/pg";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const run = promisify(execFile);

/** Every table's columns (name, nullable) and index names, as SQLite stores them. */
function sqliteShape(): Record<string, { columns: string[]; indexes: string[] }> {
  const db = openDatabase(tempDatabaseFile());
  migrateDatabase(db);
  const shape: Record<string, { columns: string[]; indexes: string[] }> = {};
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as { name: string }[];
  for (const { name } of tables) {
    const columns = (db.$client.prepare(`pragma table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[]).map((c) => `${c.name}:${c.notnull || c.pk ? "not null" : "null"}`).sort();
    const indexes = (db.$client.prepare(`pragma index_list("${name}")`).all() as { name: string; origin: string }[]).filter((i) => i.origin === "c").map((i) => i.name).sort();
    shape[name] = { columns, indexes };
  }
  closeDatabase(db);
  return shape;
}

async function pgShape(db: PgDatabase): Promise<Record<string, { columns: string[]; indexes: string[] }>> {
  const columns = await db.execute<{ table_name: string; column_name: string; is_nullable: string }>(
    sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public' order by table_name, column_name`,
  );
  const indexes = await db.execute<{ tablename: string; indexname: string }>(
    sql`select tablename, indexname from pg_indexes where schemaname = 'public' and indexname not like '%_pkey' and indexname not like '%_pk' order by indexname`,
  );
  const shape: Record<string, { columns: string[]; indexes: string[] }> = {};
  for (const row of columns.rows) {
    (shape[row.table_name] ??= { columns: [], indexes: [] }).columns.push(`${row.column_name}:${row.is_nullable === "YES" ? "null" : "not null"}`);
  }
  for (const row of indexes.rows) shape[row.tablename]!.indexes.push(row.indexname);
  for (const table of Object.values(shape)) {
    table.columns.sort();
    table.indexes.sort();
  }
  return shape;
}

describePg("engine", () => {
  let temp: Awaited<ReturnType<typeof createTempPgDatabase>>;
  let db: PgDatabase;

  beforeAll(async () => {
    temp = await createTempPgDatabase();
    db = openPostgres(temp.url, { max: 4 });
    await checkPostgres(db, temp.url);
    await withMigrationLock(db, () => migratePostgres(db));
  });

  afterAll(async () => {
    await db?.$client.end();
    await temp?.drop();
  });

  it("builds the same tables, columns, nullability and indexes as the SQLite migrations", async () => {
    expect(await pgShape(db)).toEqual(sqliteShape());
  });

  it("migrates idempotently, and several servers migrating at once apply each migration once", async () => {
    const others = [openPostgres(temp.url, { max: 2 }), openPostgres(temp.url, { max: 2 })];
    try {
      await Promise.all(others.map((other) => withMigrationLock(other, () => migratePostgres(other))));
    } finally {
      await Promise.all(others.map((other) => other.$client.end()));
    }
    const applied = await db.execute<{ n: string }>(sql`select count(*)::text as n from drizzle.__drizzle_migrations`);
    // Each migration in db/migrations-pg once, however many servers ran them.
    expect(Number(applied.rows[0]!.n)).toBe(fs.readdirSync(PG_MIGRATIONS_FOLDER).filter((file) => file.endsWith(".sql")).length);
  });

  it("rolls a failed transaction back, joins nested ones, and never shows uncommitted rows to other connections", async () => {
    await expect(
      pgWriteTransaction(db, async (tx) => {
        await tx.insert(topics).values({ id: "rolled-back", title: "T", description: "D" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.select().from(topics)).toEqual([]);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let signal!: () => void;
    const written = new Promise<void>((resolve) => (signal = resolve));
    const writing = pgWriteTransaction(db, async (tx) => {
      await tx.insert(topics).values({ id: "pending", title: "P", description: "D" });
      await pgWriteTransaction(tx, (inner) => inner.insert(topics).values({ id: "nested", title: "N", description: "D" }));
      signal();
      await held;
    });
    await written;
    expect(await db.select().from(topics)).toEqual([]);
    release();
    await writing;
    expect((await db.select().from(topics)).map((t) => t.id).sort()).toEqual(["nested", "pending"]);
  });

  it("backs up with pg_dump and restores every row into an empty database", async () => {
    await pgWriteTransaction(db, async (tx) => {
      await tx.insert(topics).values({ id: "backed-up", title: "Backed up", description: "Kept" });
      await tx.insert(users).values({ username: "restore-me", displayName: "Restore Me", passwordHash: "x", role: "teacher", mustChangePassword: true });
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "civics-pg-backup-")), "backup.dump");
    const result = await backupPostgres(temp.url, file);
    expect(result.bytes).toBeGreaterThan(0);
    await expect(backupPostgres(temp.url, file)).rejects.toThrow(/already exists/);
    const target = await createTempPgDatabase();
    const restored = openPostgres(target.url, { max: 1 });
    try {
      await run("pg_restore", ["--no-owner", `--dbname=${target.url}`, file]);
      expect(await restored.select().from(topics).orderBy(topics.id)).toEqual(await db.select().from(topics).orderBy(topics.id));
      expect(await restored.select().from(users)).toEqual(await db.select().from(users));
      // The restored database is current: migrating it changes nothing.
      await migratePostgres(restored);
    } finally {
      await restored.$client.end();
      await target.drop();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it("refuses a database migrated by a newer version of the app", async () => {
    await db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', ${Date.now() + 365 * 86_400_000})`);
    try {
      await expect(migratePostgres(db)).rejects.toThrow(/newer version of Civics Lab/);
    } finally {
      await db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'from-the-future'`);
    }
  });

  it("explains an unreachable server, a wrong user and a missing database", async () => {
    const cases: [string, RegExp][] = [
      ["postgres://127.0.0.1:1/postgres", /Cannot reach PostgreSQL at 127\.0\.0\.1:1/],
      [Object.assign(new URL(PG_ADMIN_URL), { username: "no_such_role_civics", password: "x" }).toString(), /refused the credentials|no_such_role_civics/],
      [Object.assign(new URL(PG_ADMIN_URL), { pathname: "/no_such_database_civics" }).toString(), /does not exist/],
    ];
    for (const [url, message] of cases) {
      const bad = openPostgres(url, { max: 1 });
      try {
        await expect(checkPostgres(bad, url)).rejects.toThrow(message);
      } finally {
        await bad.$client.end();
      }
    }
  });

  it("npm start's data step exits non-zero with the reason for bad configuration, never half-starting", async () => {
    const attempt = (url: string) =>
      run(process.execPath, ["--import", "tsx", "scripts/prepare-data.ts"], { env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" } }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const [scheme, unreachable] = await Promise.all([attempt("mysql://127.0.0.1/civics"), attempt("postgres://127.0.0.1:1/postgres")]);
    expect(scheme.code).not.toBe(0);
    expect(scheme.stderr).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr).toMatch(/Cannot reach PostgreSQL/);
  }, 120_000);
});

describePg("db:copy from SQLite", () => {
  it("copies every row of a school's SQLite database into an empty PostgreSQL database, and refuses a non-empty one", async () => {
    // A school's database: the curriculum, a teacher, a student who submitted a quiz (responses, review cards, audit entries).
    const source = await createTestDb({ withContent: true });
    const student = await seedUser({ role: "learner" });
    signInAs(student);
    const [quiz] = await source.select({ id: sqliteSchema.quizzes.id }).from(sqliteSchema.quizzes).limit(1);
    const { attemptId } = await startOrResumeAttempt({ quizId: quiz!.id, mode: "test" });
    await submitAttempt(attemptId, {});
    const file = source.$client.name;

    const target = await createTempPgDatabase();
    try {
      const counts = await copySqliteToPostgres(file, target.url);
      const pgDb = openPostgres(target.url, { max: 1 });
      try {
        for (const pair of tablePairs()) {
          const expected = (source.$client.prepare(`select count(*) as n from "${pair.name}"`).get() as { n: number }).n;
          expect(counts[pair.name], pair.name).toBe(expected);
          const [row] = (await pgDb.execute<{ n: string }>(sql.raw(`select count(*)::text as n from "${pair.name}"`))).rows;
          expect(Number(row!.n), pair.name).toBe(expected);
        }
        expect(counts.attempts).toBe(1);
        expect(counts.responses).toBeGreaterThan(0);
        // New rows after the copy get ids after the copied ones.
        const [{ maxId }] = (await pgDb.execute<{ maxId: number }>(sql`select max(id) as "maxId" from question_versions`)).rows as [{ maxId: number }];
        const [{ next }] = (await pgDb.execute<{ next: string }>(sql`select nextval(pg_get_serial_sequence('question_versions', 'id'))::text as next`)).rows as [{ next: string }];
        expect(Number(next)).toBe(Number(maxId) + 1);
      } finally {
        await pgDb.$client.end();
      }
      await expect(copySqliteToPostgres(file, target.url)).rejects.toThrow(/already has rows/);
    } finally {
      await target.drop();
    }
  }, 120_000);
});

