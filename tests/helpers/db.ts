/**
 * A fresh database per test file, migrated from db/migrations and installed
 * as the app's connection (db/client.ts reads globalThis.civicsDb).
 *
 * It is a temporary file, not `:memory:`, so reads run on their own read-only
 * connection exactly as in production (db/open.ts readerFor).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase, type Database } from "@/db/open";
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

export async function createTestDb(options: { withContent?: boolean } = {}): Promise<Database> {
  const db = openDatabase(tempDatabaseFile());
  migrateDatabase(db);
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  if (options.withContent) await syncContent(db, realContent());
  return db;
}
