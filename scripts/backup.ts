/**
 * `npm run db:backup -- <file>`: a consistent online backup of the database
 * while the server keeps running. `VACUUM INTO` copies one read snapshot (WAL
 * lets writers carry on meanwhile), unlike the page-by-page backup API, which
 * restarts whenever another connection writes and may never finish under
 * load. The copy is checked with PRAGMA integrity_check before we call it done.
 *
 * Restore: stop the server, replace DATABASE_PATH with the backup file (and
 * delete any stale -wal/-shm files beside it), start the server.
 *
 * With DATABASE_URL (PostgreSQL) it runs `pg_dump --format=custom` (one
 * consistent snapshot, the server keeps running) and checks the archive reads
 * back with `pg_restore --list`. Restore into an empty database:
 * `pg_restore --no-owner --dbname=postgres://…/newdb backup.dump`.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "../db/open";
import { describeUrl } from "../db/pg";
import { getDatabasePath, getEnv } from "../lib/env";

const run = promisify(execFile);

/** PostgreSQL backup: pg_dump's custom format (compressed, restorable table by table), verified by listing it. */
export async function backupPostgres(url: string, target: string): Promise<{ bytes: number; entries: number }> {
  const resolvedTarget = path.resolve(target);
  if (fs.existsSync(resolvedTarget)) throw new Error(`${target} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(resolvedTarget), { recursive: true });
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${resolvedTarget}`, `--dbname=${url}`]);
  } catch (error) {
    fs.rmSync(resolvedTarget, { force: true });
    const detail = (error as { stderr?: string; code?: string }).code === "ENOENT" ? "pg_dump is not installed (apt-get install postgresql-client)" : ((error as { stderr?: string }).stderr ?? String(error)).trim();
    throw new Error(`Backing up PostgreSQL at ${describeUrl(url)} failed: ${detail}`);
  }
  const { stdout } = await run("pg_restore", ["--list", resolvedTarget]);
  const entries = stdout.split("\n").filter((line) => line && !line.startsWith(";")).length;
  if (entries === 0) throw new Error(`The backup ${target} lists no entries; it is not usable.`);
  return { bytes: fs.statSync(resolvedTarget).size, entries };
}

export async function backupDatabase(source: string, target: string): Promise<{ bytes: number; integrity: string }> {
  const resolvedTarget = path.resolve(target);
  if (path.resolve(source) === resolvedTarget) throw new Error("The backup file must differ from the database file.");
  if (fs.existsSync(resolvedTarget)) throw new Error(`${target} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(resolvedTarget), { recursive: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  try {
    db.prepare("VACUUM INTO ?").run(resolvedTarget);
    const copy = new BetterSqlite3(resolvedTarget);
    try {
      const integrity = copy.pragma("integrity_check", { simple: true }) as string;
      copy.pragma("journal_mode = DELETE");
      if (integrity !== "ok") throw new Error(`Backup failed its integrity check: ${integrity}`);
      return { bytes: fs.statSync(resolvedTarget).size, integrity };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("scripts", "backup.ts"));
if (isMain) {
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: npm run db:backup -- <backup-file>");
    process.exit(2);
  }
  const started = performance.now();
  const url = getEnv().DATABASE_URL;
  if (url) {
    backupPostgres(url, target).then(
      (result) => console.log(`Backed up PostgreSQL at ${describeUrl(url)} to ${target}: ${result.bytes} bytes, ${result.entries} archive entries, ${Math.round(performance.now() - started)} ms.`),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  } else backupDatabase(getDatabasePath(), target).then(
    (result) => console.log(`Backed up ${path.relative(process.cwd(), getDatabasePath())} to ${target}: ${result.bytes} bytes, integrity ${result.integrity}, ${Math.round(performance.now() - started)} ms.`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
