/**
 * Everything the server needs before it starts: an auth secret, a migrated
 * database, and content/ synced into it. Safe to run any number of times.
 * `npm run db:migrate` runs it on its own.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../db/migrate";
import { closeDatabase, openDatabase, type Database } from "../db/open";
import { checkPostgres, describeUrl, migratePostgres, openPostgres, withMigrationLock } from "../db/pg";
import { checkContent } from "../lib/content/check";
import { loadContent, type LoadedContent } from "../lib/content/load";
import { syncContent } from "../lib/data/content-sync";
import { getAuthSecretPath, getDatabasePath, getEnv } from "../lib/env";

/** Creates and persists a random secret when AUTH_SECRET is not configured. */
export function ensureAuthSecret(): void {
  if (getEnv().AUTH_SECRET) return;
  const file = getAuthSecretPath();
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  console.log(`[civics-lab] No AUTH_SECRET set: generated one and saved it to ${path.relative(process.cwd(), file)} (keep this file with the database).`);
}

/** content/, loaded and checked: a problem stops the start with the list. */
function checkedContent(): LoadedContent {
  const { content, problems } = loadContent();
  const all = [...problems, ...checkContent(content)];
  if (all.length > 0) {
    const list = all.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join("\n");
    throw new Error(`content/ has ${all.length} problem(s); run \`npm run content:check\`:\n${list}`);
  }
  return content;
}

async function sync(db: Database, content: LoadedContent): Promise<void> {
  const report = await syncContent(db, content);
  if (report.lessons || report.versionsAdded || report.retired) {
    console.log(`[civics-lab] Content synced: ${report.lessons} lesson(s) updated, ${report.versionsAdded} question version(s) added, ${report.retired} item(s) retired.`);
  }
}

/**
 * PostgreSQL (DATABASE_URL): connect (a clear error for an unreachable server,
 * wrong credentials or a missing database), then migrate and sync content
 * holding an advisory lock, so servers starting together take turns: the
 * first migrates and syncs, the others find nothing left to do (the sync
 * writes only what changed), and none serves a half-migrated database.
 */
async function preparePostgres(url: string): Promise<void> {
  const content = checkedContent();
  const db = openPostgres(url, { max: 2 });
  try {
    await checkPostgres(db, url);
    await withMigrationLock(db, async () => {
      await migratePostgres(db);
      await sync(db as unknown as Database, content);
    });
  } finally {
    await db.$client.end();
  }
}

export async function prepareData(): Promise<void> {
  ensureAuthSecret();
  const url = getEnv().DATABASE_URL;
  if (url) return preparePostgres(url);
  const db = openDatabase(getDatabasePath());
  try {
    migrateDatabase(db);
    await sync(db, checkedContent());
  } finally {
    closeDatabase(db);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepareData().then(
    () => {
      const url = getEnv().DATABASE_URL;
      console.log(`[civics-lab] Database ready ${url ? `on PostgreSQL at ${describeUrl(url)}` : `at ${path.relative(process.cwd(), getDatabasePath())}`}.`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
