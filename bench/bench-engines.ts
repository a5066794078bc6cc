/**
 * `npm run bench:engines [-- --engines sqlite,pg,pg2] [--quick]`: the same load on SQLite with one app server,
 * PostgreSQL with one, and PostgreSQL with two (issue #15), in one run, one build (the shipped one: no
 * benchmark routes), one load generator with the same settings:
 *  - /api/health (the reference: the cheapest route Next serves),
 *  - a lesson page as a guest (a cached shared page),
 *  - a teacher's class dashboard (per request, reads the class's grid),
 *  - quiz submissions: a whole 16-question quiz per request, every request a distinct fresh attempt,
 * each for 8 s at 10 connections. With two servers the connections are split between them (autocannon gives
 * each connection one of the URLs in turn) and every request carries the Host of server A, as a proxy would send it.
 * Around each measure it reads the CPU time the app servers, this configuration's PostgreSQL backends and the
 * load generator used (/proc), so the report can say what one core buys when the machine is shared.
 * Each configuration gets a fresh database: a temporary SQLite file, or a temporary database created on the
 * PostgreSQL server of BENCH_PG_URL (default DATABASE_URL, then postgres://postgres@127.0.0.1:5432/postgres)
 * and dropped afterwards; the PostgreSQL one-server run also reports bytes per stored row (pg_total_relation_size).
 * Prints a table and writes data/bench/engines-<time>.json.
 * Env: NEXT_DIST_DIR (build folder, default .next), BENCH_PORT (A; B is the next port; default 3108).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import autocannon, { type AutocannonResult } from "autocannon";
import { asBuilder, isPostgres, tableOn, writeOn, type AnyDatabase } from "../lib/data/engine";
import { listenerPid, loadAverage, machineInfo, signIn, startServer, stopServer, submitLoad, summarize, tempDataDir, waitForExit, type BenchServer, type LoadResult } from "./bench-harness";
import { cpuSecondsBetween, cpuSecondsByPid, perCore, type CpuSample } from "./engines-math";
import { createAccounts, createQuizAttempts, openSharedDatabase, type QuizAttempt, type SharedDatabase } from "./shared-db";

const CONFIGS = { sqlite: { engine: "sqlite", servers: 1 }, pg: { engine: "postgres", servers: 1 }, pg2: { engine: "postgres", servers: 2 } } as const;
type ConfigName = keyof typeof CONFIGS;

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, engines: { type: "string", default: "sqlite,pg,pg2" } } });
const chosen = values.engines.split(",").map((name) => name.trim());
for (const name of chosen) if (!(name in CONFIGS)) throw new Error(`Unknown configuration "${name}" (choose from ${Object.keys(CONFIGS).join(", ")})`);
const SECONDS = values.quick ? 3 : 8;
const CONNECTIONS = 10;
const PORT = Number(process.env.BENCH_PORT ?? 3108);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const PG_URL = process.env.BENCH_PG_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const LESSON = "/lessons/who-is-responsible";
const STUDENTS = 20;
// More than the fastest configuration submits in one measure, so no attempt is submitted twice.
const ATTEMPTS_PER_STUDENT = values.quick ? 60 : 150;

interface Measure extends LoadResult {
  loadAverage: string;
  cpu: CpuSample;
  /** PostgreSQL transactions committed and rolled back in this database during the measure (a rollback is mostly a serialization failure that the app retried). */
  transactions: { commits: number; rollbacks: number } | null;
}

async function transactionCounts(shared: SharedDatabase): Promise<{ commits: number; rollbacks: number } | null> {
  if (!shared.pgName || !isPostgres(shared.db)) return null;
  const { rows } = await shared.db.$client.query<{ commits: string; rollbacks: string }>("select xact_commit as commits, xact_rollback as rollbacks from pg_stat_database where datname = $1", [shared.pgName]);
  return { commits: Number(rows[0]?.commits ?? 0), rollbacks: Number(rows[0]?.rollbacks ?? 0) };
}

/** The processes whose CPU time a measure reads: the app servers and this configuration's PostgreSQL backends. */
async function processIds(servers: BenchServer[], shared: SharedDatabase): Promise<{ app: number[]; db: number[] }> {
  const app = servers.map((s) => listenerPid(s.port)).filter((pid): pid is number => pid !== null);
  if (!shared.pgName || !isPostgres(shared.db)) return { app, db: [] };
  const rows = await shared.db.$client.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [shared.pgName]);
  return { app, db: rows.rows.map((r) => r.pid) };
}

async function measure(name: string, servers: BenchServer[], shared: SharedDatabase, run: (urls: string[]) => Promise<AutocannonResult>): Promise<Measure> {
  const pids = await processIds(servers, shared);
  const before = { app: cpuSecondsByPid(pids.app), db: cpuSecondsByPid(pids.db), self: process.cpuUsage(), transactions: await transactionCounts(shared) };
  const started = performance.now();
  const result = await run(servers.map((s) => s.baseUrl));
  const wall = (performance.now() - started) / 1000;
  const after = await processIds(servers, shared);
  const self = process.cpuUsage(before.self);
  const cpu: CpuSample = { wallSeconds: Number(wall.toFixed(2)), appSeconds: Number(cpuSecondsBetween(before.app, cpuSecondsByPid(after.app)).toFixed(2)), dbSeconds: Number(cpuSecondsBetween(before.db, cpuSecondsByPid(after.db)).toFixed(2)), loadGeneratorSeconds: Number(((self.user + self.system) / 1e6).toFixed(2)) };
  // Backends send their statistics to the server at most about once a second.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const counts = await transactionCounts(shared);
  const transactions = before.transactions && counts ? { commits: counts.commits - before.transactions.commits, rollbacks: counts.rollbacks - before.transactions.rollbacks } : null;
  return { ...summarize(name, result), loadAverage: loadAverage(), cpu, transactions };
}

/** What a reverse proxy sends: the Host the browser addressed (server A's), whichever server gets the request. */
function proxyHeaders(servers: BenchServer[], extra: Record<string, string> = {}): Record<string, string> {
  return { host: new URL(servers[0]!.baseUrl).host, ...extra };
}

async function warm(servers: BenchServer[], pagePath: string, cookie = "") {
  for (const server of servers) for (let i = 0; i < 5; i += 1) await fetch(server.baseUrl + pagePath, { headers: { cookie } }).then((r) => r.text());
}

async function loadGet(name: string, servers: BenchServer[], shared: SharedDatabase, pagePath: string, cookie = ""): Promise<Measure> {
  await warm(servers, pagePath, cookie);
  return measure(name, servers, shared, (urls) => autocannon({ url: urls.map((u) => u + pagePath), connections: CONNECTIONS, duration: SECONDS, timeout: 10, headers: proxyHeaders(servers, cookie ? { cookie } : {}) }));
}

async function loadSubmissions(servers: BenchServer[], shared: SharedDatabase, attempts: QuizAttempt[], cookies: Map<string, string>): Promise<Measure & { distinctAttempts: number }> {
  const origin = servers[0]!.baseUrl;
  let distinctAttempts = 0;
  const result = await measure("quiz submission (16 questions)", servers, shared, async (urls) => {
    const run = await submitLoad({ url: urls, connections: CONNECTIONS, seconds: SECONDS, attempts, pathOf: (id) => `/api/attempts/${id}/submit`, headersOf: (userId) => proxyHeaders(servers, { cookie: cookies.get(userId)!, origin }) });
    distinctAttempts = run.distinctAttempts;
    return run.result;
  });
  return { ...result, distinctAttempts };
}

/** A teacher's class: the load's students, one assignment of the quiz, and one submitted attempt each, so the dashboard has a grid to read. */
async function seedClass(db: AnyDatabase, teacherId: string, students: { id: string }[], quizId: string, lessonId: string) {
  const classes = tableOn(db, "classes");
  const members = tableOn(db, "classMembers");
  const assignments = tableOn(db, "assignments");
  return writeOn(db, async (tx) => {
    const [klass] = await tx.insert(classes).values({ teacherId, name: "Bench class" }).returning({ id: classes.id });
    await tx.insert(members).values(students.map((s) => ({ classId: klass!.id, studentId: s.id })));
    const [assignment] = await tx.insert(assignments).values({ classId: klass!.id, lessonId, quizId }).returning({ id: assignments.id });
    return { classId: klass!.id, assignmentId: assignment!.id };
  });
}

/** Bytes per row of the tables a submission writes, on PostgreSQL (tables with their indexes and TOAST). */
async function tableSizes(shared: SharedDatabase) {
  if (!isPostgres(shared.db)) return null;
  const names = ["attempts", "responses", "review_cards", "users", "class_members"];
  const out: Record<string, { rows: number; bytes: number; bytesPerRow: number | null }> = {};
  for (const name of names) {
    // Counted exactly (not from statistics, which lag right after a bulk load).
    const { rows } = await shared.db.$client.query<{ rows: string; bytes: string }>(`select (select count(*) from "${name}") as rows, pg_total_relation_size('"${name}"') as bytes`);
    const r = Number(rows[0]!.rows);
    const b = Number(rows[0]!.bytes);
    out[name] = { rows: r, bytes: b, bytesPerRow: r > 0 ? Math.round(b / r) : null };
  }
  const { rows } = await shared.db.$client.query<{ bytes: string }>("select pg_database_size(current_database()) as bytes");
  return { tables: out, databaseBytes: Number(rows[0]!.bytes) };
}

async function runConfig(name: ConfigName, dir: string) {
  const config = CONFIGS[name];
  const shared = await openSharedDatabase(dir, config.engine === "postgres" ? PG_URL : undefined, "civics_bench_engines");
  const servers: BenchServer[] = [];
  try {
    console.log(`\n[${name}] ${config.servers} server(s) on ${config.engine}${shared.pgName ? ` (database ${shared.pgName})` : ""}, load ${loadAverage()}`);
    // One at a time: the first builds when the sources changed, the others find the build ready.
    for (let i = 0; i < config.servers; i += 1) servers.push(await startServer({ dbPath: path.join(dir, "civics.db"), port: PORT + i, distDir: DIST_DIR, env: shared.env }));
    const db = shared.db;
    const quizzes = tableOn(db, "quizzes");
    const [quiz] = await asBuilder(db).select({ id: quizzes.id, lessonId: quizzes.lessonId }).from(quizzes).where(eq(quizzes.lessonId, LESSON.split("/").pop()!));
    if (!quiz) throw new Error(`No quiz for ${LESSON}`);
    const students = await createAccounts(db, STUDENTS, "engines-student-");
    const [teacher] = await createAccounts(db, 1, "engines-teacher-", "teacher");
    const { classId, assignmentId } = await seedClass(db, teacher!.id, students, quiz.id, quiz.lessonId);
    const assigned = await createQuizAttempts(db, quiz.id, students, { assignmentId, seed: 3 });
    const { attempts } = await createQuizAttempts(db, quiz.id, students, { perStudent: ATTEMPTS_PER_STUDENT, seed: 7 });
    // Signed in on A: a session works on every server of one database (bench/two-server.ts checks it).
    const cookies = new Map<string, string>();
    for (const student of students) cookies.set(student.id, await signIn(servers[0]!.baseUrl, student.username));
    const teacherCookie = await signIn(servers[0]!.baseUrl, teacher!.username);
    // The class's assignment, submitted through the real route (alternating servers), so the dashboard shows scores.
    for (const [i, attempt] of assigned.attempts.entries()) {
      const server = servers[i % servers.length]!;
      const response = await fetch(`${server.baseUrl}/api/attempts/${attempt.attemptId}/submit`, { method: "POST", headers: { cookie: cookies.get(attempt.userId)!, origin: server.baseUrl, "content-type": "application/json" }, body: attempt.body });
      if (!response.ok) throw new Error(`Seeding the class's submissions failed (HTTP ${response.status})`);
    }
    const health = await loadGet("/api/health", servers, shared, "/api/health");
    const lesson = await loadGet(`${LESSON} (guest, cached)`, servers, shared, LESSON);
    const dashboard = await loadGet("/classes/:id (teacher dashboard)", servers, shared, `/classes/${classId}`, teacherCookie);
    const submissions = await loadSubmissions(servers, shared, attempts, cookies);
    const attemptsTable = tableOn(db, "attempts");
    const [stored] = await asBuilder(db)
      .select({ n: sql<number>`count(*)` })
      .from(attemptsTable)
      .where(eq(attemptsTable.status, "submitted"));
    const sizes = name === "pg" ? await tableSizes(shared) : null;
    return { name, engine: config.engine, servers: config.servers, health, lesson, dashboard, submissions, submittedAttemptsInDatabase: Number(stored?.n), sizes };
  } finally {
    for (const server of servers) stopServer(server);
    for (const server of servers) await waitForExit(server);
    await shared.close();
  }
}

async function main() {
  const startedAt = new Date();
  const report: Record<string, unknown> = { date: startedAt.toISOString(), machine: machineInfo(), loadAverageAtStart: loadAverage(), secondsPerRun: SECONDS, connections: CONNECTIONS, distDir: DIST_DIR };
  const results = [];
  for (const name of chosen as ConfigName[]) {
    const dir = tempDataDir(`engines-${name}`);
    results.push(await runConfig(name, dir));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report.results = results;
  report.loadAverageAtEnd = loadAverage();
  fs.mkdirSync("data/bench", { recursive: true });
  const file = path.join("data/bench", `engines-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));

  const header = ["Configuration", "Measure", "req/s", "p50 ms", "p99 ms", "non-2xx/err", "load avg", "app CPU ms/req", "db CPU ms/req", "req/s per app core", "PG commits/rollbacks"];
  console.log(`\n${header.join(" | ")}`);
  for (const r of results) {
    for (const m of [r.health, r.lesson, r.dashboard, r.submissions]) {
      const core = perCore(m);
      console.log([`${r.name} (${r.servers} server${r.servers > 1 ? "s" : ""})`, m.name, m.requestsPerSecond, m.p50, m.p99, `${m.non2xx}/${m.errors}`, m.loadAverage.split(" ")[0], core.appCpuMsPerRequest ?? "-", core.dbCpuMsPerRequest ?? "-", core.requestsPerAppCore ?? "-", m.transactions ? `${m.transactions.commits}/${m.transactions.rollbacks}` : "-"].join(" | "));
    }
    console.log(`${r.name}: ${r.submissions.ok} submissions acknowledged, ${r.submissions.distinctAttempts} distinct attempts used, ${r.submittedAttemptsInDatabase} submitted attempts in the database (incl. ${STUDENTS} for the class)`);
  }
  const sizes = results.find((r) => r.sizes)?.sizes;
  if (sizes) console.log("PostgreSQL sizes:", JSON.stringify(sizes));
  console.log(`\nFull results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
