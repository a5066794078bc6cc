/**
 * Setup file of vitest.config.ts's "postgres" project: after each test file,
 * close the pools of the temporary databases it made and drop them.
 */
import type pg from "pg";
import { afterAll } from "vitest";
import { pgTestDatabases } from "./db";

// A file that makes a database per test (assignment-integrity.test.ts: 19) drops them all here, one
// `drop database` each; on a loaded machine that outlasted the 60 s hook limit and failed a file whose
// tests had all passed. Cleanup gets its own, longer limit (the global teardown drops leftovers anyway).
const DROP_TIMEOUT_MS = 300_000;

afterAll(async () => {
  for (const entry of pgTestDatabases.splice(0)) {
    await (entry.db.$client as unknown as pg.Pool).end().catch(() => undefined);
    await entry.drop();
  }
}, DROP_TIMEOUT_MS);
