import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Database } from "./open";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations; a no-op when the database is current. */
export function migrateDatabase(db: Database): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
