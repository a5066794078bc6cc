/**
 * Everything the server needs before it starts: an auth secret, a migrated
 * database, and content/ synced into it. Safe to run any number of times.
 * `npm run db:migrate` runs it on its own.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../../db/migrate";
import { openDatabase } from "../../db/open";
import { checkContent } from "../content/check";
import { loadContent } from "../content/load";
import { syncContent } from "../data/content-sync";
import { getAuthSecretPath, getDatabasePath, getEnv } from "../env";

/** Creates and persists a random secret when AUTH_SECRET is not configured. */
export function ensureAuthSecret(): void {
  if (getEnv().AUTH_SECRET) return;
  const file = getAuthSecretPath();
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  console.log(`[civics-lab] No AUTH_SECRET set: generated one and saved it to ${path.relative(process.cwd(), file)} (keep this file with the database).`);
}

export async function prepareData(): Promise<void> {
  ensureAuthSecret();
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
    db.$client.close();
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
