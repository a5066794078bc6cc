import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { PG_ADMIN_URL, PG_ENABLE_HINT, postgresProblem } from "./tests/helpers/pg-server.mjs";

/**
 * Integration files that run on SQLite only, because what they test is SQLite
 * itself or a script that is SQLite's alone. Everything else in
 * tests/integration runs a second time on PostgreSQL.
 */
const SQLITE_ONLY = [
  // Pragmas, WAL reader isolation and several processes sharing one file's write lock (PostgreSQL's own are in postgres.test.ts).
  "tests/integration/database.test.ts",
  // `npm run db:backup` of the SQLite file (pg_dump and its restore are tested in postgres.test.ts).
  "tests/integration/backup.test.ts",
  // `npm run demo` builds a SQLite file (it refuses DATABASE_URL).
  "tests/integration/demo.test.ts",
  // Engine tests that open both engines themselves (schema parity, migrations, db:copy): they run once.
  "tests/integration/schema-parity.test.ts",
  "tests/integration/postgres.test.ts",
];

const shared = {
  environment: "node",
  pool: "forks",
  testTimeout: 20000,
  hookTimeout: 60000,
} as const;
const env = { NODE_ENV: "test" as const, AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789" };

export default defineConfig(async () => {
  const projects: TestProjectInlineConfiguration[] = [
    {
      extends: true,
      test: { ...shared, name: "sqlite", include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"], env },
    },
  ];
  // The integration tier again on PostgreSQL (DATABASE_URL selects it; tests/helpers/db.ts makes a temporary database per file).
  // Under CI=true it always runs, so a missing server fails the run; elsewhere it says it was skipped and how to enable it.
  const problem = process.env.CI === "true" ? null : await postgresProblem();
  if (problem) {
    console.warn(
      `[postgres] SKIPPED the PostgreSQL run of tests/integration: no PostgreSQL at ${PG_ADMIN_URL} (${problem}). ${PG_ENABLE_HINT}`,
    );
  } else {
    projects.push({
      extends: true,
      test: {
        ...shared,
        name: "postgres",
        include: ["tests/integration/**/*.test.ts"],
        exclude: SQLITE_ONLY,
        globalSetup: ["tests/helpers/pg-global-setup.ts"],
        setupFiles: ["tests/helpers/pg-setup.ts"],
        env: { ...env, DATABASE_URL: PG_ADMIN_URL },
      },
    });
  }
  return {
    resolve: {
      alias: {
        "@": path.resolve(import.meta.dirname),
        // The real module throws outside React Server Components; tests call server code directly.
        "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
      },
    },
    test: { projects },
  };
});
