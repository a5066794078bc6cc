/**
 * Global setup of vitest.config.ts's "postgres" project. Making and migrating
 * a database, and syncing content/ into it, takes seconds on PostgreSQL, and
 * many test files make a fresh database before every test. So this makes two
 * template databases once per run, both through the real start-up step
 * (scripts/prepare-data.ts: migrate and sync under the advisory lock), and
 * tests/helpers/db.ts clones one per createTestDb (`create database … template`).
 * Everything this run made is dropped at the end.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migratePostgres, openPostgres } from "../../db/pg";
import { PG_ADMIN_URL, pgUrlFor } from "./pg-server.mjs";

const run = promisify(execFile);

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplates: { prefix: string; empty: string; content: string };
  }
}

async function adminQuery(adminUrl: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = PG_ADMIN_URL;
  const prefix = `civics_t${crypto.randomBytes(3).toString("hex")}`;
  const empty = `${prefix}_tpl_empty`;
  const content = `${prefix}_tpl_content`;
  const dropAll = async () => {
    const { rows } = await adminQuery(adminUrl, `select datname from pg_database where datname like '${prefix}\\_%'`);
    for (const row of rows as { datname: string }[]) await adminQuery(adminUrl, `drop database if exists "${row.datname}" with (force)`);
  };
  try {
    await adminQuery(adminUrl, `create database "${empty}"`);
    const db = openPostgres(pgUrlFor(empty), { max: 1 });
    try {
      await migratePostgres(db);
    } finally {
      await db.$client.end();
    }
    await adminQuery(adminUrl, `create database "${content}" template "${empty}"`);
    await run(process.execPath, ["--import", "tsx", "scripts/prepare-data.ts"], {
      env: { ...process.env, DATABASE_URL: pgUrlFor(content), NODE_ENV: "test", AUTH_SECRET: "template-secret-template-secret-0123456789" },
    });
  } catch (error) {
    await dropAll().catch(() => undefined);
    throw error;
  }
  project.provide("pgTemplates", { prefix, empty, content });
  return dropAll;
}
