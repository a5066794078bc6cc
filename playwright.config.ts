import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against a production build (`npm start`) on a temporary
 * database. Uses Debian's Chromium when present (CHROMIUM_PATH overrides),
 * otherwise Playwright's own browser. Workers inherit E2E_DATABASE_PATH so
 * tests can seed rows directly.
 */
process.env.E2E_DATABASE_PATH ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), "civics-e2e-")), "civics.db");
const port = Number(process.env.E2E_PORT ?? 3100);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The core journeys run a second time on PostgreSQL (tests/e2e-pg, a second
 * server on port + 1 with a temporary database). Under CI=true always (a
 * missing server fails the run); elsewhere when a server answers, unless
 * E2E_POSTGRES=0.
 */
const pgUrl = new URL(process.env.PG_TEST_URL || "postgres://postgres@127.0.0.1:5432/postgres");
const postgresAnswers = () => spawnSync("pg_isready", ["-q", "-h", pgUrl.hostname, "-p", pgUrl.port || "5432"]).status === 0;
const withPostgres = process.env.CI === "true" || (process.env.E2E_POSTGRES !== "0" && postgresAnswers());
if (!withPostgres && process.env.E2E_POSTGRES !== "0") {
  console.warn(`[e2e] SKIPPED the PostgreSQL journeys (tests/e2e-pg): no PostgreSQL at ${pgUrl.host}. Start PostgreSQL 15 or set PG_TEST_URL to enable them.`);
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] } },
    ...(withPostgres ? [{ name: "postgres", testDir: "tests/e2e-pg", use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port + 1}` } }] : []),
  ],
  webServer: [{
    command: "npm start",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      LOGIN_MAX_FAILURES: "5",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
    },
  },
  // Started after the first, so it finds the build made and only syncs its own database.
  ...(withPostgres
    ? [{
        command: "node --import tsx tests/e2e-pg/server.ts",
        url: `http://127.0.0.1:${port + 1}/api/health`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe" as const,
        stderr: "pipe" as const,
        gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
        env: { PORT: String(port + 1), HOSTNAME: "127.0.0.1", LOGIN_MAX_FAILURES: "5", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next", PG_TEST_URL: pgUrl.toString() },
      }]
    : []),
  ],
});
