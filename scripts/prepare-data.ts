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
import { closeDatabase, openDatabase } from "../db/open";
import { checkPostgres, describeUrl, migratePostgres, openPostgres, withMigrationLock } from "../db/pg";
import { checkContent } from "../lib/content/check";
import { loadContent } from "../lib/content/load";
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

/**
 * PostgreSQL (DATABASE_URL): connect (a clear error for an unreachable server,
 * wrong credentials or a missing database), then migrate holding an advisory
 * lock so servers starting together take turns. The data-access layer does
 * not run on PostgreSQL yet, so this stops there with a clear message instead
 * of starting a server that would fail on its first request.
 */
async function preparePostgres(url: string): Promise<void> {
  const db = openPostgres(url, { max: 2 });
  try {
    await checkPostgres(db, url);
    await withMigrationLock(db, () => migratePostgres(db));
  } finally {
    await db.$client.end();
  }
  throw new Error(
    `PostgreSQL at ${describeUrl(url)} is migrated, but this version of Civics Lab cannot serve from PostgreSQL yet (its data layer runs on SQLite only). Unset DATABASE_URL to run on the SQLite file.`,
  );
}

export async function prepareData(): Promise<void> {
  ensureAuthSecret();
  const url = getEnv().DATABASE_URL;
  if (url) return preparePostgres(url);
  const db = openDatabase(getDatabasePath());
  try {
    migrateDatabase(db);
    const { content, problems } = loadContent();
    const all = [...problems, ...checkContent(content)];
    if (all.length > 0) {
      const list = all.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join("\n");
      throw new Error(`content/ has ${all.length} problem(s); run \`npm run content:check\`:\n${list}`);
    }
    const report = await syncContent(db, content);
    if (report.lessons || report.versionsAdded || report.retired) {
      console.log(`[civics-lab] Content synced: ${report.lessons} lesson(s) updated, ${report.versionsAdded} question version(s) added, ${report.retired} item(s) retired.`);
    }
  } finally {
    closeDatabase(db);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepareData().then(
    () => console.log(`[civics-lab] Database ready at ${path.relative(process.cwd(), getDatabasePath())}.`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
