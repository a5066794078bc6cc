import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./playwright.config";

/**
 * The core journeys against a server running on PostgreSQL. Start one first
 * (`DATABASE_URL=postgres://…/<empty db> PORT=3202 npm start`), then
 * `E2E_PORT=3202 npx playwright test --config playwright.pg.config.ts`.
 * Its specs go through the UI only (tests/e2e's fixtures seed the SQLite file).
 */
const port = Number(process.env.E2E_PORT ?? 3202);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e-pg",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
