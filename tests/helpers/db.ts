/**
 * A fresh in-memory database per test file, migrated from db/migrations and
 * installed as the app's connection (db/client.ts reads globalThis.civicsDb).
 */
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

export async function createTestDb(options: { withContent?: boolean } = {}): Promise<Database> {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  if (options.withContent) await syncContent(db, realContent());
  return db;
}
