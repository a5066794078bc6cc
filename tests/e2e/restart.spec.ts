/**
 * The shared-page cache across a restart (docs/ARCHITECTURE.md "Cached pages"): it lives in the
 * server's memory only, so every start begins empty, and a lesson changed in content/ and synced
 * before the start (what `npm start` does) is served fresh, never the page cached before.
 * Runs its own `next start` on a copy of the test database, with the build the suite uses.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, openTestDb, test } from "./fixtures";
import { loadContent } from "../../lib/content/load";
import { syncContent } from "../../lib/data/content-sync";
import { closeDatabase, openDatabase } from "../../db/open";

const LESSON = "/lessons/who-is-responsible";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: dbPath, AUTH_SECRET: "restart-test-secret-restart-test-secret", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i += 1) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill("SIGKILL");
  throw new Error("the second server did not start");
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

test("a restart starts with an empty cache and serves a lesson synced from changed content, not the page cached before", async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civics-restart-"));
  const dbPath = path.join(dir, "civics.db");
  const source = openTestDb();
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  let server = await startServer(dbPath, port);
  try {
    const first = await fetch(base + LESSON);
    const cached = await fetch(base + LESSON);
    expect(cached.headers.get("x-nextjs-cache")).toBe("HIT");
    const before = await cached.text();
    expect(before).toContain("Who is responsible?");
    expect(await first.text()).toBe(before);
  } finally {
    await stop(server);
  }

  // The content changes and is synced while the server is down, as `npm start` does before `next start`.
  const content = path.join(dir, "content");
  fs.cpSync("content", content, { recursive: true });
  const lessonFile = path.join(content, "lessons", "who-is-responsible", "lesson.yaml");
  fs.writeFileSync(lessonFile, fs.readFileSync(lessonFile, "utf8").replace(/^title: .*$/m, "title: Who Holds the Responsibility, Restarted"));
  const loaded = loadContent(content);
  expect(loaded.problems).toEqual([]);
  const db = openDatabase(dbPath);
  try {
    expect((await syncContent(db, loaded.content)).lessons).toBeGreaterThan(0);
  } finally {
    closeDatabase(db);
  }

  server = await startServer(dbPath, port);
  try {
    const fresh = await fetch(base + LESSON);
    expect(fresh.headers.get("x-nextjs-cache")).not.toBe("HIT");
    const html = await fresh.text();
    expect(html).toContain("Who Holds the Responsibility, Restarted");
    const again = await fetch(base + LESSON);
    expect(again.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(await again.text()).toBe(html);
  } finally {
    await stop(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
