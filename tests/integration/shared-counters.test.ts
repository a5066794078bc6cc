/**
 * Rate limits and sign-in throttling counted exactly when many requests count
 * the same key at once (issue #15, "Stateless app servers"): on SQLite from
 * several processes on one file, and on PostgreSQL through a pool where
 * transactions really run side by side. A read-then-write counter loses
 * counts here on PostgreSQL (two transactions read 7, both write 8); the
 * single-statement counters (lib/data/rate-limits.ts `bumpCounter`) must not.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Database } from "@/db/open";
import { migrateDatabase } from "@/db/migrate";
import { migratePostgres, openPostgres, type PgDatabase } from "@/db/pg";
import { loginThrottles } from "@/db/schema";
import { loginThrottles as pgLoginThrottles } from "@/db/schema.pg";
import type { AnyDatabase } from "@/lib/data/engine";
import { countEvent, take } from "@/lib/data/rate-limits";
import { ADDRESS_FREE_FAILURES, ADDRESS_SLOT_MS, accountKey, addressKey, releaseSignInAttempt, reserveSignInAttempt } from "@/lib/data/sign-in-throttle";
import { tempDatabaseFile } from "../helpers/db";
import { createTempPgDatabase, describePg } from "../helpers/pg";

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const HOUR = 60 * 60 * 1000;

/** The same checks on either engine; `failuresOf` reads a counter. */
function countsExactly(name: string, setup: () => Promise<{ db: AnyDatabase; failuresOf: (key: string) => Promise<number | undefined> }>) {
  describe(name, () => {
    let db: AnyDatabase;
    let failuresOf: (key: string) => Promise<number | undefined>;
    beforeAll(async () => {
      ({ db, failuresOf } = await setup());
    });

    it("50 simultaneous events on one key are all counted", async () => {
      await Promise.all(Array.from({ length: 50 }, () => countEvent(db, [{ key: "join:ip:192.0.2.1", max: 1000, windowMs: HOUR }], NOW)));
      expect(await failuresOf("join:ip:192.0.2.1")).toBe(50);
    });

    it("50 simultaneous requests against a limit of 30: exactly 30 allowed, and the refused ones count nothing", async () => {
      const limits = [
        { key: "grade:ip:192.0.2.2", max: 30, windowMs: HOUR },
        { key: "accounts:ip:192.0.2.2", max: 1000, windowMs: HOUR },
      ];
      const waits = await Promise.all(Array.from({ length: 50 }, () => take(db, limits, NOW)));
      expect(waits.filter((wait) => wait === 0)).toHaveLength(30);
      expect(waits.filter((wait) => wait > 0).every((wait) => wait === HOUR)).toBe(true);
      expect(await failuresOf("grade:ip:192.0.2.2")).toBe(30);
      expect(await failuresOf("accounts:ip:192.0.2.2")).toBe(30);
    });

    it("50 simultaneous sign-in attempts at one account: exactly LOGIN_MAX_FAILURES (5) get through", async () => {
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => reserveSignInAttempt(db, "Target", `10.9.0.${i}`, NOW)));
      expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
      expect(outcomes.filter((o) => !o.allowed && o.scope === "account")).toHaveLength(45);
      expect(await failuresOf(accountKey("target"))).toBe(5);
      // Refused attempts rolled back their address counts too.
      let addressCounts = 0;
      for (let i = 0; i < 50; i += 1) addressCounts += (await failuresOf(addressKey(`10.9.0.${i}`))) ?? 0;
      expect(addressCounts).toBe(5);
    });

    it("past an address's free failures, simultaneous attempts each get their own slot, and releases count down exactly", async () => {
      const ip = "198.51.100.77";
      for (let i = 0; i < ADDRESS_FREE_FAILURES; i += 1) await reserveSignInAttempt(db, `free${i}`, ip, NOW);
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => reserveSignInAttempt(db, `queued${i}`, ip, NOW)));
      const delays = outcomes.map((o) => (o.allowed ? o.delayMs : -1)).sort((a, b) => a - b);
      expect(delays).toEqual(Array.from({ length: 20 }, (_, i) => i * ADDRESS_SLOT_MS));
      expect(await failuresOf(addressKey(ip))).toBe(ADDRESS_FREE_FAILURES + 20);
      await Promise.all(Array.from({ length: 20 }, (_, i) => releaseSignInAttempt(db, `queued${i}`, ip)));
      expect(await failuresOf(addressKey(ip))).toBe(ADDRESS_FREE_FAILURES);
    });
  });
}

countsExactly("SQLite", async () => {
  const db = openDatabase(tempDatabaseFile());
  migrateDatabase(db);
  afterAll(() => closeDatabase(db));
  return {
    db,
    failuresOf: async (key) => (await db.select().from(loginThrottles).where(eq(loginThrottles.key, key)))[0]?.failures,
  };
});

describe("SQLite, several processes on one file", () => {
  it("4 processes × 25 simultaneous requests against a limit of 60: exactly 60 allowed", async () => {
    const file = tempDatabaseFile();
    const db: Database = openDatabase(file);
    migrateDatabase(db);
    const run = () => promisify(execFile)(process.execPath, ["--import", "tsx", "tests/helpers/counter-worker.ts", file, "25", "60", String(NOW)]);
    const results = await Promise.all([run(), run(), run(), run()]);
    const allowed = results.map((r) => Number(/allowed (\d+)/.exec(r.stdout)?.[1]));
    expect(allowed.reduce((a, b) => a + b, 0)).toBe(60);
    const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, "shared:ip:192.0.2.50"));
    expect(row?.failures).toBe(60);
    closeDatabase(db);
  }, 120_000); // spawns child processes (tsx)
});

describePg("shared counters", () => {
  let pgDb: PgDatabase;
  let drop: () => Promise<void>;
  countsExactly("PostgreSQL, a pool of 10 connections", async () => {
    const temp = await createTempPgDatabase();
    drop = temp.drop;
    pgDb = openPostgres(temp.url, { max: 10 });
    await migratePostgres(pgDb);
    afterAll(async () => {
      await pgDb.$client.end();
      await drop();
    });
    return {
      db: pgDb,
      failuresOf: async (key) => (await pgDb.select().from(pgLoginThrottles).where(eq(pgLoginThrottles.key, key)))[0]?.failures,
    };
  });
});
