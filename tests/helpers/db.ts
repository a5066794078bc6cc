/**
 * A fresh database per test file, migrated and installed as the app's
 * connection (db/client.ts reads globalThis.civicsDb), on the engine the run
 * chose (lib/env.ts databaseEngine; vitest.config.ts's "postgres" project sets
 * DATABASE_URL).
 *
 * SQLite: a temporary file, not `:memory:`, so reads run on their own
 * read-only connection exactly as in production (db/open.ts readerFor).
 * PostgreSQL: a temporary database on the test server (tests/helpers/pg.ts),
 * dropped after the file (tests/helpers/pg-setup.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase, type Database } from "@/db/open";
import { openPostgres } from "@/db/pg";
import { inject } from "vitest";
import { databaseEngine } from "@/lib/env";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/data/content-sync";
import type { LoadedContent } from "@/lib/content/load";

let cachedContent: LoadedContent | undefined;

/** The real content/ folder, loaded once per test file. */
export function realContent(): LoadedContent {
  cachedContent ??= loadContent().content;
  return cachedContent;
}

const tempDirs: string[] = [];

/** A new empty file path in its own temporary folder (removed when the process exits). */
export function tempDatabaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civics-test-db-"));
  if (tempDirs.length === 0) process.once("exit", () => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  tempDirs.push(dir);
  return path.join(dir, "test.db");
}

/** The PostgreSQL databases this test file made, for tests/helpers/pg-setup.ts to drop. */
export const pgTestDatabases: { db: Database; drop: () => Promise<void> }[] = [];

/** A clone of the run's migrated template, with content/ synced when asked (tests/helpers/pg-global-setup.ts). */
async function createPgTestDb(withContent: boolean): Promise<Database> {
  // Imported here: tests/helpers/pg.ts probes the server when it loads, which the SQLite run never needs.
  const { createTempPgDatabase } = await import("./pg");
  const templates = inject("pgTemplates");
  const temp = await createTempPgDatabase({ prefix: templates.prefix, template: withContent ? templates.content : templates.empty });
  const db = openPostgres(temp.url, { max: 4 }) as unknown as Database;
  pgTestDatabases.push({ db, drop: temp.drop });
  return db;
}

export async function createTestDb(options: { withContent?: boolean } = {}): Promise<Database> {
  if (databaseEngine() === "postgres") {
    const db = await createPgTestDb(options.withContent ?? false);
    (globalThis as { civicsDb?: Database }).civicsDb = db;
    return db;
  }
  const db = openDatabase(tempDatabaseFile());
  migrateDatabase(db);
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  if (options.withContent) await syncContent(db, realContent());
  return db;
}
