/**
 * Shared pieces of `npm run bench` and `npm run bench:reliability`: start and
 * stop a production server on a temporary database (loopback only), create
 * accounts and sign them in through the real credentials endpoint, and create
 * quiz attempts to submit. Scripts only; never imported by the app.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonResult } from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import { hashPassword } from "../lib/passwords/password";
import { seededRandom, simulateResponse } from "../lib/demo/simulate";
import { layoutEntry } from "../lib/quiz/layout";
import type { Answer, PublicQuestionData, QuestionKeyData } from "../lib/quiz/types";

export const HOST = "127.0.0.1";
export const BENCH_PASSWORD = "bench password for load tests";

export interface BenchServer {
  baseUrl: string;
  port: number;
  dbPath: string;
  process: ChildProcess;
  log: string;
}

export function tempDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `civics-${name}-`));
}

/** `npm start` (builds when sources changed) on 127.0.0.1 with the given database; resolves once /api/health answers. */
export async function startServer(options: { dbPath: string; port: number; distDir: string; benchRoutes?: boolean; timeoutMs?: number; env?: Record<string, string | undefined> }): Promise<BenchServer> {
  const log = `${options.dbPath}.server-${options.port}.log`;
  const out = fs.openSync(log, "a");
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("scripts", "start.ts")], {
    // Own process group, so stopping the server ends the `next start` child too.
    detached: true,
    stdio: ["ignore", out, out],
    // `env` last: a benchmark of several engines sets DATABASE_URL for some servers and removes it (undefined) for others.
    env: definedOnly({
      ...process.env,
      DATABASE_PATH: options.dbPath,
      PORT: String(options.port),
      HOSTNAME: HOST,
      NEXT_DIST_DIR: options.distDir,
      BENCH_ROUTES: options.benchRoutes ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    }),
  });
  const baseUrl = `http://${HOST}:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}); see ${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, port: options.port, dbPath: options.dbPath, process: child, log };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopServer({ process: child });
  throw new Error(`The server did not answer within the timeout; see ${log}`);
}

function definedOnly(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)) as NodeJS.ProcessEnv;
}

/** Ends the server's process group (the start script and its `next start` child). */
export function stopServer(server: Pick<BenchServer, "process">, signal: NodeJS.Signals = "SIGTERM"): void {
  const pid = server.process.pid;
  if (pid === undefined || server.process.exitCode !== null) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export async function waitForExit(server: Pick<BenchServer, "process">, timeoutMs = 10_000): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  await Promise.race([new Promise((resolve) => server.process.once("exit", resolve)), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}

/** The pid of the process listening on the port (the `next start` server itself, not the start script). */
export function listenerPid(port: number): number | null {
  const result = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(result.stdout ?? "");
  return match ? Number(match[1]) : null;
}

export function openDb(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return db;
}

export interface BenchUser {
  id: string;
  username: string;
}

let passwordHash: Promise<string> | undefined;

export async function createUsers(db: BetterSqlite3.Database, count: number, role: "learner" | "student" | "teacher", prefix: string): Promise<BenchUser[]> {
  passwordHash ??= hashPassword(BENCH_PASSWORD);
  const hash = await passwordHash;
  const insert = db.prepare("insert into users (id, username, display_name, password_hash, role, token_version, must_change_password, created_at, updated_at) values (?, ?, ?, ?, ?, 0, 0, ?, ?)");
  const now = Date.now();
  const users = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), username: `${prefix}${i + 1}` }));
  db.transaction(() => users.forEach((u) => insert.run(u.id, u.username, `Bench ${u.username}`, hash, role, now, now)))();
  return users;
}

/** fetch with one retry: a keep-alive socket the server just closed fails the first try with "other side closed". */
async function fetchOnceMore(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** Signs in through the real next-auth credentials endpoint and returns the session cookie ("name=value"). */
export async function signIn(baseUrl: string, login: string, password = BENCH_PASSWORD): Promise<string> {
  const csrf = await fetchOnceMore(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetchOnceMore(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies, origin: baseUrl },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in of ${login} failed (HTTP ${response.status})`);
  return session;
}

export async function signInAll(baseUrl: string, users: BenchUser[], parallel = 4): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < users.length) {
        const user = users[next++]!;
        cookies.set(user.id, await signIn(baseUrl, user.username));
      }
    }),
  );
  return cookies;
}

export interface PreparedAttempt {
  attemptId: string;
  userId: string;
  /** The JSON body a student's browser would send: realistic answers, some right, some wrong. */
  body: string;
}

interface VersionRow {
  questionId: string;
  versionId: number;
  publicData: string;
  keyData: string;
  difficulty: number;
}

export function curriculumQuiz(db: BetterSqlite3.Database, lessonId = "who-is-responsible"): { quizId: string; lessonId: string } {
  const row = db.prepare("select id from quizzes where lesson_id = ? and owner_id is null and retired = 0 limit 1").get(lessonId) as { id: string } | undefined;
  if (!row) throw new Error(`No curriculum quiz for ${lessonId}`);
  return { quizId: row.id, lessonId };
}

/**
 * Creates in-progress "test" mode attempts (no assignment) the
 * way startOrResumeAttempt does: the current version of each question and a
 * shuffled layout per attempt. Each attempt is submitted once in the load
 * tests, so every request grades and writes for real.
 */
export function createAttempts(db: BetterSqlite3.Database, quizId: string, users: BenchUser[], perUser: number, seed = 7): PreparedAttempt[] {
  const versions = db
    .prepare(
      "select qs.id as questionId, v.id as versionId, v.public_data as publicData, v.key_data as keyData, v.difficulty as difficulty from questions qs join question_versions v on v.id = qs.current_version_id where qs.quiz_id = ? and qs.retired = 0 order by qs.position",
    )
    .all(quizId) as VersionRow[];
  const parsed = versions.map((v) => ({ ...v, data: JSON.parse(v.publicData) as PublicQuestionData, key: JSON.parse(v.keyData) as QuestionKeyData }));
  const random = seededRandom(seed);
  const insert = db.prepare("insert into attempts (id, quiz_id, user_id, assignment_id, mode, status, layout, draft, created_at, updated_at) values (?, ?, ?, null, 'test', 'in_progress', ?, '{}', ?, ?)");
  const now = Date.now();
  const prepared: PreparedAttempt[] = [];
  db.transaction(() => {
    for (let round = 0; round < perUser; round += 1) {
      for (const user of users) {
        const attemptId = crypto.randomUUID();
        const layout = {
          questions: parsed.map((q) => layoutEntry(q.questionId, q.versionId, q.data, q.key.key.type === "ordering" ? q.key.key.answer : null, random)),
        };
        insert.run(attemptId, quizId, user.id, JSON.stringify(layout), now, now);
        const ability = random();
        const answers: Record<string, Answer> = {};
        for (const q of parsed) answers[q.questionId] = simulateResponse(q.data, q.key, ability, q.difficulty, random).answer;
        prepared.push({ attemptId, userId: user.id, body: JSON.stringify({ answers }) });
      }
    }
  })();
  return prepared;
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Submission load: each request POSTs the next prepared attempt's answers (wrapping around only if the run outlasts
 * them, reported as distinctAttempts below the requests), so every request grades and writes for real.
 */
export async function submitLoad(options: { url: string | string[]; connections: number; seconds: number; attempts: { attemptId: string; userId: string; body: string }[]; pathOf: (attemptId: string) => string; headersOf: (userId: string) => Record<string, string> }): Promise<{ result: AutocannonResult; distinctAttempts: number }> {
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const attempt = options.attempts[next++ % options.attempts.length]!;
          return { ...request, path: options.pathOf(attempt.attemptId), body: attempt.body, headers: { ...options.headersOf(attempt.userId), "content-type": "application/json" } };
        },
      },
    ],
  });
  return { result, distinctAttempts: Math.min(next, options.attempts.length) };
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

export function summarize(name: string, result: AutocannonResult): LoadResult {
  return { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, ok: result["2xx"], non2xx: result.non2xx, errors: result.errors + result.timeouts };
}
