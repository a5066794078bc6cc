// Where the PostgreSQL test tier runs and whether a server answers there: one definition for
// vitest.config.ts (whether the "postgres" project runs), tests/helpers/pg.ts (describePg) and
// tests/helpers/pg-global-setup.ts. Plain JavaScript (types in pg-server.d.mts, as eslint.layers.mjs
// does), so the config loads it without a TypeScript import the config loader warns about.
import pg from "pg";

/** An admin connection to the test server (this user may CREATE DATABASE); every machine of this project runs one here. */
export const PG_ADMIN_URL = process.env.PG_TEST_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** Tells how to get the tier running; printed with every skip. */
export const PG_ENABLE_HINT =
  "Enable: start PostgreSQL 15 (pg_ctlcluster --skip-systemctl-redirect 15 main start, or apt-get install postgresql), or set PG_TEST_URL to a server where this user may CREATE DATABASE.";

/** Null when the server at PG_ADMIN_URL answers a query within 3 s, otherwise why not. */
export async function postgresProblem() {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.code || "unknown error" : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of database `name` on the test server. */
export function pgUrlFor(name) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
