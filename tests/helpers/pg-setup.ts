/**
 * Setup file of vitest.config.ts's "postgres" project: after each test file,
 * close the pools of the temporary databases it made and drop them.
 */
import type pg from "pg";
import { afterAll } from "vitest";
import { pgTestDatabases } from "./db";

afterAll(async () => {
  for (const entry of pgTestDatabases.splice(0)) {
    await (entry.db.$client as unknown as pg.Pool).end().catch(() => undefined);
    await entry.drop();
  }
});
