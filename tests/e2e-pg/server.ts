/**
 * The e2e tier's second server: `npm start` on a temporary PostgreSQL database
 * (playwright.config.ts starts it after the SQLite server, so the build is
 * already there). The database is created here, dropped when Playwright stops
 * the server (SIGTERM), and any left by a run that was killed outright is
 * dropped by the next run (its name carries the pid of the process that made it).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.PG_TEST_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX = "civics_e2e_";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const name = `${PREFIX}${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${PREFIX}%`]);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(PREFIX.length).split("_")[0]);
      if (!alive(pid)) await client.query(`drop database if exists "${datname}" with (force)`);
    }
    await client.query(`create database "${name}"`);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  console.log(`[e2e-pg] serving from a temporary PostgreSQL database ${name}`);

  const child = spawn("npm", ["start"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url.toString() }, detached: true });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await admin((client) => client.query(`drop database if exists "${name}" with (force)`)).catch((error: unknown) => console.error("[e2e-pg] could not drop", name, error));
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error("[e2e-pg]", error instanceof Error ? error.message : error);
  process.exit(1);
});
