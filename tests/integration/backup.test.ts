import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase, writeTransaction } from "@/db/open";
import { appMeta } from "@/db/schema";
import { backupDatabase } from "@/scripts/backup";

async function runBackupInChild(source: string, target: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/backup.ts", target], { env: { ...process.env, DATABASE_PATH: source } });
  return stdout;
}

describe("online backup", () => {
  it("copies a consistent snapshot while another connection keeps writing, and the copy restores", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civics-backup-"));
    const file = path.join(dir, "live.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    await db.insert(appMeta).values({ key: "n", value: "0" });
    // Make the database big enough that the backup takes several steps.
    db.$client.exec("create table filler (x blob)");
    const fill = db.$client.prepare("insert into filler values (randomblob(4096))");
    db.$client.transaction(() => {
      for (let i = 0; i < 2000; i += 1) fill.run();
    })();

    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        n += 1;
        await writeTransaction(db, async (tx) => {
          await tx.update(appMeta).set({ value: String(n) }).where(eq(appMeta.key, "n"));
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      return n;
    })();
    // Let the writer get going, then back up in another process, as `npm run db:backup` would.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Every write committed before the backup starts must be in the copy.
    const committedBefore = Number((db.$client.prepare("select value from app_meta where key = 'n'").get() as { value: string }).value);
    expect(committedBefore).toBeGreaterThan(0);
    const result = await runBackupInChild(file, path.join(dir, "backup.db"));
    writing = false;
    const written = await writer;
    expect(result).toMatch(/integrity ok/);
    expect(written).toBeGreaterThan(0);

    // Restore: open the copy as the database; the schema and a committed value are there.
    const restored = new BetterSqlite3(path.join(dir, "backup.db"), { readonly: true });
    const row = restored.prepare("select value from app_meta where key = 'n'").get() as { value: string };
    expect(Number(row.value)).toBeGreaterThanOrEqual(committedBefore);
    expect(Number(row.value)).toBeLessThanOrEqual(written);
    expect((restored.prepare("select count(*) as c from filler").get() as { c: number }).c).toBe(2000);
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.close();
    db.$client.close();
  }, 120_000); // spawns child processes (tsx): slow on a loaded machine

  it("refuses to overwrite an existing file or the database itself", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civics-backup-"));
    const file = path.join(dir, "live.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    db.$client.close();
    await expect(backupDatabase(file, file)).rejects.toThrow(/must differ/);
    fs.writeFileSync(path.join(dir, "taken.db"), "x");
    await expect(backupDatabase(file, path.join(dir, "taken.db"))).rejects.toThrow(/already exists/);
  });
});
