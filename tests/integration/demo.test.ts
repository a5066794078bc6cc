import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";

const run = (args: string[]) => promisify(execFile)(process.execPath, ["--import", "tsx", "lib/scripts/demo.ts", ...args], { timeout: 120_000 });

describe("npm run demo", () => {
  it("seeds a demo teacher, a class of 28 students and attempt history into its own file, and refuses to overwrite without --force", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "civics-demo-")), "demo.db");
    const { stdout } = await run(["--db", file]);
    expect(stdout).toMatch(/demo\.teacher \/ civics demo teacher/);
    const db = new BetterSqlite3(file, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { c: number }).c;
    expect(count("select count(*) c from users where role = 'student'")).toBe(28);
    expect(count("select count(*) c from class_members")).toBe(28);
    expect(count("select count(*) c from assignments")).toBe(5);
    expect(count("select count(*) c from attempts where status = 'submitted'")).toBeGreaterThan(50);
    // Scores agree with the stored responses.
    const mismatches = count("select count(*) c from attempts a where abs(a.score - (select sum(credit) from responses r where r.attempt_id = a.id)) > 0.001");
    expect(mismatches).toBe(0);
    db.close();
    await expect(run(["--db", file])).rejects.toMatchObject({ code: 1 });
  }, 120_000); // spawns child processes (tsx): slow on a loaded machine
});
