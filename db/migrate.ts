import fs from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Database } from "./open";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** The timestamp drizzle-kit gave the newest migration in `folder` (what drizzle's migrator records as created_at). */
export function newestLocalMigration(folder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

/**
 * Applies the committed drizzle-kit migrations; a no-op when the database is
 * current. Refuses a database that a newer version of the app has migrated
 * (running old code on a newer schema can lose data).
 */
export function migrateDatabase(db: Database): void {
  const table = db.$client.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (table) {
    const row = db.$client.prepare("select max(created_at) as newest from __drizzle_migrations").get() as { newest: number | null };
    const local = newestLocalMigration(MIGRATIONS_FOLDER);
    if (row.newest && Number(row.newest) > local) {
      throw new Error(
        `This database was migrated by a newer version of Civics Lab (migration of ${new Date(Number(row.newest)).toISOString()}, this version knows up to ${new Date(local).toISOString()}). Upgrade the app, or restore a backup made by this version.`,
      );
    }
  }
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
