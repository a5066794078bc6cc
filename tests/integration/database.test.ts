import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { getDb } from "@/db/client";
import { closeDatabase, openDatabase, readerFor, sqliteCommits, writeTransaction, type Database } from "@/db/open";
import { appMeta, topics } from "@/db/schema";

function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "civics-db-")), "test.db");
}

describe("database client", () => {
  it("opens with WAL, foreign keys on and a busy timeout, and migrates idempotently", () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    migrateDatabase(db);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    db.$client.close();
  });

  it("refuses a database migrated by a newer version of the app, and changes nothing", () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    const future = Date.now() + 365 * 86_400_000;
    db.$client.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', ?)").run(future);
    expect(() => migrateDatabase(db)).toThrow(/newer version of Civics Lab/);
    closeDatabase(db);
  });

  it("rolls a failed transaction back entirely", async () => {
    const db = openDatabase(":memory:");
    migrateDatabase(db);
    await expect(
      writeTransaction(db, async (tx) => {
        await tx.insert(topics).values({ id: "t1", title: "T", description: "D" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.select().from(topics)).toEqual([]);
  });

  it("queues concurrent transactions on one connection so none sees another's half-done work", async () => {
    const db = openDatabase(":memory:");
    migrateDatabase(db);
    await db.insert(appMeta).values({ key: "counter", value: "0" });
    // Each transaction reads, yields, then writes: without the queue these would interleave and lose updates.
    await Promise.all(
      Array.from({ length: 25 }, () =>
        writeTransaction(db, async (tx) => {
          const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, "counter"));
          await new Promise((resolve) => setImmediate(resolve));
          await tx.update(appMeta).set({ value: String(Number(row!.value) + 1) }).where(eq(appMeta.key, "counter"));
        }),
      ),
    );
    const [row] = await db.select().from(appMeta).where(eq(appMeta.key, "counter"));
    expect(row!.value).toBe("25");
  });

  it("commits transactions queued together in one group: a failed one is rolled back alone, none resolves before it is durable", async () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    const reader = readerFor(db);
    const committedRows = () => reader.select().from(appMeta).all().map((row) => row.key).filter((key) => key.startsWith("group-")).sort();
    const before = { ...sqliteCommits };
    const seenAtResolve: Record<string, string[]> = {};
    // Started together, so each after the first is queued while the one before runs: one group, one COMMIT.
    const results = await Promise.allSettled(
      [0, 1, 2, 3, 4].map((i) =>
        writeTransaction(db, async (tx) => {
          await tx.insert(appMeta).values({ key: `group-${i}`, value: String(i) });
          if (i === 2) throw new Error("member 2 fails after writing");
          return i;
        }).then((value) => {
          // The read-only connection sees committed rows only: a member resolves only once its row is durable.
          seenAtResolve[`group-${i}`] = committedRows();
          return value;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(committedRows()).toEqual(["group-0", "group-1", "group-3", "group-4"]);
    for (const key of ["group-0", "group-1", "group-3", "group-4"]) expect(seenAtResolve[key]).toContain(key);
    expect(sqliteCommits.commits - before.commits).toBe(1);
    expect(sqliteCommits.transactions - before.transactions).toBe(4);
    closeDatabase(db);
  });

  it("lets transactions asked for by separate callbacks in one turn of the event loop share a COMMIT", async () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    const reader = readerFor(db);
    const before = { ...sqliteCommits };
    // Like requests whose bodies arrive in one poll of the event loop: each callback is its own task, so without
    // the wait for the rest of the turn the first transaction would commit alone before the second is asked for.
    const settled = await new Promise<PromiseSettledResult<unknown>[]>((resolve) => {
      const started: Promise<unknown>[] = [];
      for (const i of [0, 1, 2]) {
        setTimeout(() => {
          started.push(writeTransaction(db, (tx) => tx.insert(appMeta).values({ key: `turn-${i}`, value: String(i) })));
          if (started.length === 3) void Promise.allSettled(started).then(resolve);
        }, 0);
      }
    });
    expect(settled.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(reader.select().from(appMeta).all().map((row) => row.key).filter((key) => key.startsWith("turn-")).sort()).toEqual(["turn-0", "turn-1", "turn-2"]);
    expect(sqliteCommits.commits - before.commits).toBe(1);
    expect(sqliteCommits.transactions - before.transactions).toBe(3);
    closeDatabase(db);
  });

  it("starts a new group when the first member of one fails, and keeps nothing of it", async () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    const results = await Promise.allSettled(
      [0, 1, 2].map((i) =>
        writeTransaction(db, async (tx) => {
          await tx.insert(appMeta).values({ key: `first-${i}`, value: String(i) });
          if (i === 0) throw new Error("the first member fails");
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    const keys = readerFor(db).select().from(appMeta).all().map((row) => row.key).filter((key) => key.startsWith("first-")).sort();
    expect(keys).toEqual(["first-1", "first-2"]);
    // The connection is usable afterwards, in a transaction of its own.
    await writeTransaction(db, async (tx) => {
      await tx.insert(appMeta).values({ key: "first-after", value: "x" });
    });
    expect(db.$client.inTransaction).toBe(false);
    closeDatabase(db);
  });

  it("joins a nested transaction instead of deadlocking", async () => {
    const db = openDatabase(":memory:");
    migrateDatabase(db);
    await writeTransaction(db, async (tx) => {
      await tx.insert(topics).values({ id: "outer", title: "O", description: "D" });
      await writeTransaction(tx, async (inner) => {
        await inner.insert(topics).values({ id: "inner", title: "I", description: "D" });
      });
    });
    expect((await db.select().from(topics)).map((t) => t.id).sort()).toEqual(["inner", "outer"]);
  });

  it("never shows a read another request's uncommitted rows", async () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    (globalThis as { civicsDb?: Database }).civicsDb = db;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let signalWritten!: () => void;
    const written = new Promise<void>((resolve) => (signalWritten = resolve));
    const writing = writeTransaction(getDb(), async (tx) => {
      await tx.insert(topics).values({ id: "pending", title: "P", description: "D" });
      // Inside its own transaction the writer sees its row, through getDb() too.
      expect((await getDb().select().from(topics)).map((t) => t.id)).toEqual(["pending"]);
      signalWritten();
      await held; // keeps the transaction open while another request reads
    });
    await written;
    // This code runs outside the transaction, like another request's page render.
    expect(await getDb().select().from(topics)).toEqual([]);
    release();
    await writing;
    expect((await getDb().select().from(topics)).map((t) => t.id)).toEqual(["pending"]);
    closeDatabase(db);
  });

  it("refuses a write outside writeTransaction (reads run on a read-only connection)", async () => {
    const db = openDatabase(tempDbFile());
    migrateDatabase(db);
    (globalThis as { civicsDb?: Database }).civicsDb = db;
    await expect(getDb().insert(topics).values({ id: "stray", title: "S", description: "D" })).rejects.toThrow(/readonly/i);
    await writeTransaction(getDb(), (tx) => tx.insert(topics).values({ id: "kept", title: "K", description: "D" }));
    expect((await getDb().select().from(topics)).map((t) => t.id)).toEqual(["kept"]);
    closeDatabase(db);
  });

  it("lets two processes write to one file without SQLITE_BUSY (BEGIN IMMEDIATE + busy timeout)", async () => {
    const file = tempDbFile();
    const db = openDatabase(file);
    migrateDatabase(db);
    await db.insert(appMeta).values({ key: "n", value: "0" });
    const perProcess = 300;
    const runWorker = () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "tests/helpers/increment-worker.ts", file, String(perProcess)]);
    const results = await Promise.all([runWorker(), runWorker(), runWorker()]);
    for (const result of results) expect(result.stdout.trim()).toBe(`done ${perProcess}`);
    const [row] = await db.select().from(appMeta).where(eq(appMeta.key, "n"));
    expect(row!.value).toBe(String(3 * perProcess));
    db.$client.close();
  }, 120_000); // spawns child processes (tsx): slow on a loaded machine
});
