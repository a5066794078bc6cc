/**
 * The PostgreSQL test tier. Each test file gets its own temporary database
 * (created here, dropped afterwards) on the server at PG_TEST_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres, the one every machine of this project
 * runs). Without a server the tier is skipped with a message saying how to
 * enable it; under CI=true a missing server fails the run instead.
 */
import crypto from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import { PG_ADMIN_URL, PG_ENABLE_HINT, pgUrlFor, postgresProblem } from "./pg-server.mjs";

export { PG_ADMIN_URL };

const unavailable = await postgresProblem();

/** `describe` for PostgreSQL tests: runs, skips with a clear note, or (CI=true) fails when no server answers. */
export function describePg(name: string, body: () => void): void {
  if (!unavailable) {
    describe(`[postgres] ${name}`, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(`[postgres] ${name}`, () => {
      it("needs PostgreSQL under CI", () => {
        throw new Error(`The PostgreSQL tier must run under CI=true, but ${PG_ADMIN_URL} did not answer: ${unavailable}. .ci/run starts it.`);
      });
    });
    return;
  }
  console.warn(
    `[postgres] SKIPPED "${name}": no PostgreSQL at ${PG_ADMIN_URL} (${unavailable}). ${PG_ENABLE_HINT}`,
  );
  describe.skip(`[postgres] ${name}`, body);
}

/** A new empty database (or a copy of `template`); `drop()` removes it (and ends anyone still connected). */
export async function createTempPgDatabase(options: { prefix?: string; template?: string } = {}): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${options.prefix ?? "civics_test"}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"${options.template ? ` template "${options.template}"` : ""}`);
  } finally {
    await admin.end();
  }
  return {
    url: pgUrlFor(name),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
