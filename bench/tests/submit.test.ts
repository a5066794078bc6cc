/**
 * The data-layer cost of one quiz submission (`npm run bench:dashboard`
 * runs this file too): `submitAttempt` called in-process with a faked learner
 * session on a WAL database file, every call a distinct fresh attempt of the
 * 16-question curriculum quiz with simulated answers. Separates what our code
 * costs from what the HTTP server around it costs (`npm run bench`, part b).
 * Writes a JSON summary to BENCH_SUBMIT_OUT if set.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase, sqliteCommits, type Database } from "@/db/open";
import { syncContent } from "@/lib/data/content-sync";
import { submitAttempt } from "@/lib/data/attempts";
import type { AnswersInput } from "@/lib/validations/attempts";
import { createAttempts, createUsers, curriculumQuiz } from "@/bench/bench-harness";
import { realContent } from "../../tests/helpers/db";
import { signInAs } from "../../tests/helpers/session";

vi.mock("@/lib/auth/config", () => import("../../tests/helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../../tests/helpers/session-token-mock"));

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);

/** BENCH_SUBMIT_PROFILE=<file.cpuprofile>: a V8 CPU profile of the submissions alone (not the setup). Returns the stop function. */
async function startProfile(): Promise<() => Promise<object>> {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    return profile;
  };
}
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "civics-submit-bench-"));
  db = openDatabase(path.join(dir, "civics.db"));
  migrateDatabase(db);
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  await syncContent(db, realContent());
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test(`submitAttempt: ${SUBMISSIONS} distinct attempts`, async () => {
  const users = await createUsers(db.$client, 20, "learner", "bench-");
  const { quizId } = curriculumQuiz(db.$client);
  const prepared = createAttempts(db.$client, quizId, users, SUBMISSIONS / users.length);
  const times: number[] = [];
  const profiler = process.env.BENCH_SUBMIT_PROFILE ? await startProfile() : null;
  let cpu = process.cpuUsage();
  for (const [index, entry] of prepared.entries()) {
    // CPU time (user + system) of this process over the submissions after the warm-up: less disturbed by other load than wall time.
    if (index === 20) cpu = process.cpuUsage();
    signInAs({ id: entry.userId, name: "Bench", role: "learner", username: entry.userId });
    const { answers } = JSON.parse(entry.body) as { answers: AnswersInput };
    const started = performance.now();
    const result = await submitAttempt(entry.attemptId, answers);
    times.push(performance.now() - started);
    expect(result.maxScore).toBeGreaterThan(0);
  }
  const used = process.cpuUsage(cpu);
  if (profiler) fs.writeFileSync(process.env.BENCH_SUBMIT_PROFILE!, JSON.stringify(await profiler()));
  // The first 20 warm up the statement and JIT caches.
  const sorted = times.slice(20).sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
  const cpuMs = Math.round(((used.user + used.system) / 1000 / sorted.length) * 1000) / 1000;
  const summary = { submissions: sorted.length, p50: at(50), p95: at(95), p99: at(99), perSecondOneCore: Math.round(1000 / at(50)), cpuMsPerSubmission: cpuMs };
  console.log("submitAttempt", JSON.stringify(summary));
  if (process.env.BENCH_SUBMIT_OUT) fs.writeFileSync(process.env.BENCH_SUBMIT_OUT, JSON.stringify(summary, null, 2));
});

test("submitAttempt: 10 at a time share their commits", async () => {
  const users = await createUsers(db.$client, 1, "learner", "bench-concurrent-");
  const { quizId } = curriculumQuiz(db.$client);
  const prepared = createAttempts(db.$client, quizId, users, 200);
  signInAs({ id: users[0]!.id, name: "Bench", role: "learner", username: users[0]!.id });
  const before = { ...sqliteCommits };
  const cpu = process.cpuUsage();
  for (let start = 0; start < prepared.length; start += 10) {
    await Promise.all(prepared.slice(start, start + 10).map((entry) => submitAttempt(entry.attemptId, (JSON.parse(entry.body) as { answers: AnswersInput }).answers)));
  }
  const used = process.cpuUsage(cpu);
  const transactions = sqliteCommits.transactions - before.transactions;
  const commits = sqliteCommits.commits - before.commits;
  expect(transactions).toBe(prepared.length);
  const summary = { submissions: transactions, commits, cpuMsPerSubmission: Math.round(((used.user + used.system) / 1000 / transactions) * 1000) / 1000 };
  console.log("submitAttempt, 10 at a time", JSON.stringify(summary));
});
