/**
 * `npm run test:two-server`: two `next start` processes of one build on one
 * database, the way a district runs several app servers behind a proxy
 * (issue #15, README "Deployment"). Exits non-zero when any check fails.
 *
 * The database: with DATABASE_URL set (postgres://…), a temporary database
 * created on that server and dropped afterwards; otherwise a temporary SQLite
 * file that both processes open (WAL mode lets them share it).
 *
 *  1. 200 students submit a quiz through both servers at once, every other
 *     one twice at the same moment, once through each server: every
 *     submission is stored exactly once.
 *  2. Signed in on A, the same cookie works on B; signed out on A, it no
 *     longer works on B.
 *  3. A rate limit is counted across both: 600 guest gradings per address in
 *     10 minutes, sent alternately to A and B, then the next one is refused
 *     (429) on both (per-process counters would allow 600 on each).
 *  4. A lesson cached on B is dropped when its content changes through A's
 *     database: the change and its cache_invalidations row are written in one
 *     transaction (as publishImportDraft does; tests/integration/cache-invalidations.test.ts),
 *     and B serves the new page within about a second (the page cache looks once a second).
 *
 * Env: NEXT_DIST_DIR (build folder, default .next), TWO_SERVER_PORT (A; B is the next port; default 3107), DATABASE_URL.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import pg from "pg";
import { migrateDatabase } from "../db/migrate";
import { closeDatabase, openDatabase } from "../db/open";
import { migratePostgres, openPostgres, type PgDatabase } from "../db/pg";
import { asBuilder, tableOn, writeOn, type AnyDatabase } from "../lib/data/engine";
import { recordPageInvalidation } from "../lib/data/cache-invalidations";
import { hashPassword } from "../lib/passwords/password";
import { seededRandom, simulateResponse } from "../lib/demo/simulate";
import { layoutEntry, type AttemptLayout } from "../lib/quiz/layout";
import type { Answer } from "../lib/quiz/types";
import { BENCH_PASSWORD, loadAverage, machineInfo, percentile, signIn, startServer, stopServer, tempDataDir, waitForExit, type BenchServer } from "./bench-harness";

const PORT = Number(process.env.TWO_SERVER_PORT ?? 3107);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const STUDENTS = 200;
const LESSON = "who-is-responsible";
const GUEST_GRADING_MAX = 600;

const failures: string[] = [];
function check(ok: boolean, message: string) {
  console.log(`${ok ? "  ok  " : "  FAIL"} ${message}`);
  if (!ok) failures.push(message);
}

/** The database both servers use: a temporary PostgreSQL database or SQLite file, with a Drizzle handle for seeding and checking. */
async function openSharedDatabase(dir: string): Promise<{ engine: "sqlite" | "postgres"; env: Record<string, string>; db: AnyDatabase; close: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const file = path.join(dir, "civics.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    return { engine: "sqlite", env: { DATABASE_PATH: file }, db, close: async () => closeDatabase(db) };
  }
  const name = `civics_two_server_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db: PgDatabase = openPostgres(url.toString(), { max: 4 });
  await migratePostgres(db);
  return {
    engine: "postgres",
    env: { DATABASE_URL: url.toString(), DATABASE_PATH: path.join(dir, "unused.db") },
    db,
    close: async () => {
      await db.$client.end();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

async function createStudents(db: AnyDatabase, count: number, prefix: string, role: "student" | "learner" = "student") {
  const users = tableOn(db, "users");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const rows = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), username: `${prefix}${i + 1}`, displayName: `Two-server ${prefix}${i + 1}`, passwordHash, role }));
  await writeOn(db, (tx) => tx.insert(users).values(rows));
  return rows.map(({ id, username }) => ({ id, username }));
}

/** In-progress attempts made the way startOrResumeAttempt makes them, each with a realistic answer body to submit. */
async function createAttempts(db: AnyDatabase, quizId: string, students: { id: string }[]) {
  const questions = tableOn(db, "questions");
  const versions = tableOn(db, "questionVersions");
  const attempts = tableOn(db, "attempts");
  const current = await asBuilder(db)
    .select({ questionId: questions.id, versionId: versions.id, data: versions.publicData, key: versions.keyData, difficulty: versions.difficulty })
    .from(questions)
    .innerJoin(versions, eq(versions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)))
    .orderBy(questions.position);
  const random = seededRandom(15);
  const rows: (typeof attempts.$inferInsert)[] = [];
  const bodies: { attemptId: string; userId: string; body: string }[] = [];
  for (const student of students) {
    const attemptId = crypto.randomUUID();
    const layout: AttemptLayout = { questions: current.map((q) => layoutEntry(q.questionId, q.versionId, q.data, q.key.key.type === "ordering" ? q.key.key.answer : null, random)) };
    rows.push({ id: attemptId, quizId, userId: student.id, mode: "test", status: "in_progress", layout, draft: {} });
    const ability = random();
    const answers: Record<string, Answer> = {};
    for (const q of current) answers[q.questionId] = simulateResponse(q.data, q.key, ability, q.difficulty, random).answer;
    bodies.push({ attemptId, userId: student.id, body: JSON.stringify({ answers }) });
  }
  if (rows.length > 0) await writeOn(db, (tx) => tx.insert(attempts).values(rows));
  return { attempts: bodies, questionCount: current.length, firstQuestion: current[0]! };
}

async function submit(baseUrl: string, attemptId: string, body: string, cookie: string) {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/attempts/${attemptId}/submit`, { method: "POST", headers: { cookie, origin: baseUrl, "content-type": "application/json" }, body, signal: AbortSignal.timeout(60_000) });
    const json = (await response.json().catch(() => ({}))) as { score?: number };
    return { ok: response.ok, status: response.status, score: json.score, ms: performance.now() - started };
  } catch {
    return { ok: false, status: 0, ms: performance.now() - started };
  }
}

async function me(baseUrl: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  const json = (await response.json()) as { user: { username: string } | null };
  return json.user?.username ?? null;
}

/** next-auth's own sign-out (POST /api/auth/signout with its CSRF token), which ends the session in the database. */
async function signOut(baseUrl: string, cookie: string): Promise<void> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = [cookie, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0]!)].join("; ");
  await fetch(`${baseUrl}/api/auth/signout`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies, origin: baseUrl }, body: new URLSearchParams({ csrfToken, callbackUrl: `${baseUrl}/` }) });
}

async function studentsSubmitThroughBoth(db: AnyDatabase, a: BenchServer, b: BenchServer, quizId: string) {
  console.log(`\n1. ${STUDENTS} students submitting through both servers at once (load ${loadAverage()})`);
  const students = await createStudents(db, STUDENTS, "two-student-");
  const { attempts, questionCount } = await createAttempts(db, quizId, students);
  const cookies = new Map<string, string>();
  let next = 0;
  const signInStarted = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      while (next < students.length) {
        const student = students[next++]!;
        cookies.set(student.id, await signIn((worker % 2 ? b : a).baseUrl, student.username));
      }
    }),
  );
  const signInSeconds = (performance.now() - signInStarted) / 1000;
  const started = performance.now();
  const results = await Promise.all(
    attempts.map(async (attempt, i) => {
      const cookie = cookies.get(attempt.userId)!;
      const first = i % 2 === 0 ? a : b;
      const other = first === a ? b : a;
      // Every other student's submission arrives twice at once, once on each server (a double click behind a round-robin proxy).
      const tries = await Promise.all(i % 4 < 2 ? [submit(first.baseUrl, attempt.attemptId, attempt.body, cookie), submit(other.baseUrl, attempt.attemptId, attempt.body, cookie)] : [submit(first.baseUrl, attempt.attemptId, attempt.body, cookie)]);
      return { attempt, tries };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const all = results.flatMap((r) => r.tries);
  const acknowledged = results.filter((r) => r.tries.some((t) => t.ok));
  const doubles = results.filter((r) => r.tries.length === 2);
  const doubleAgree = doubles.filter((r) => r.tries.every((t) => t.ok)).every((r) => r.tries[0].score === r.tries[1]!.score);

  const attemptsTable = tableOn(db, "attempts");
  const responses = tableOn(db, "responses");
  const ids = attempts.map((x) => x.attemptId);
  const [submitted] = await asBuilder(db)
    .select({ n: sql<number>`count(*)` })
    .from(attemptsTable)
    .where(and(inArray(attemptsTable.id, ids), eq(attemptsTable.status, "submitted")));
  const [stored] = await asBuilder(db)
    .select({ n: sql<number>`count(*)` })
    .from(responses)
    .where(inArray(responses.attemptId, ids));
  const statuses = [...new Set(all.map((t) => t.status))].join(", ");
  check(acknowledged.length === STUDENTS, `${acknowledged.length}/${STUDENTS} submissions acknowledged (${all.length} requests, ${doubles.length} of them sent to both servers at once) in ${seconds.toFixed(1)} s; HTTP statuses ${statuses}`);
  check(Number(submitted?.n) === STUDENTS, `${Number(submitted?.n)} attempts submitted in the database`);
  check(Number(stored?.n) === STUDENTS * questionCount, `exactly once: ${Number(stored?.n)} response rows = ${STUDENTS} × ${questionCount} questions`);
  check(doubleAgree, "both servers answered a double submission with the same score");
  const ms = all.map((t) => t.ms);
  return { students: STUDENTS, requests: all.length, acknowledged: acknowledged.length, seconds: Number(seconds.toFixed(2)), submissionsPerSecond: Number((STUDENTS / seconds).toFixed(1)), p50Ms: Math.round(percentile(ms, 50)), p99Ms: Math.round(percentile(ms, 99)), signInSeconds: Number(signInSeconds.toFixed(1)) };
}

async function sessionAcrossServers(db: AnyDatabase, a: BenchServer, b: BenchServer) {
  console.log("\n2. Signed in on one server, continuing on the other");
  const [learner] = await createStudents(db, 1, "two-learner-", "learner");
  const cookie = await signIn(a.baseUrl, learner!.username);
  check((await me(b.baseUrl, cookie)) === learner!.username, "the cookie issued by A is signed in on B");
  await signOut(a.baseUrl, cookie);
  const onA = await me(a.baseUrl, cookie);
  const onB = await me(b.baseUrl, cookie);
  check(onA === null && onB === null, `after signing out on A, the old cookie is signed out on A (${onA ?? "signed out"}) and on B (${onB ?? "signed out"})`);
}

async function rateLimitAcrossServers(db: AnyDatabase, a: BenchServer, b: BenchServer, quizId: string, question: { questionId: string; versionId: number }) {
  console.log(`\n3. A rate limit counted across both servers (${GUEST_GRADING_MAX} guest gradings per address per 10 minutes)`);
  const body = JSON.stringify({ answers: [{ questionId: question.questionId, versionId: question.versionId, answer: null }] });
  const grade = async (server: BenchServer) => (await fetch(`${server.baseUrl}/api/quizzes/${quizId}/grade`, { method: "POST", headers: { origin: server.baseUrl, "content-type": "application/json" }, body })).status;
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < GUEST_GRADING_MAX) {
        const i = next++;
        statuses[i] = await grade(i % 2 ? b : a);
      }
    }),
  );
  const allowed = statuses.filter((s) => s === 200).length;
  check(allowed === GUEST_GRADING_MAX, `${allowed}/${GUEST_GRADING_MAX} gradings allowed, half through each server`);
  const [onA, onB] = [await grade(a), await grade(b)];
  check(onA === 429 && onB === 429, `the next grading is refused on both servers (A: ${onA}, B: ${onB})`);
  const throttles = tableOn(db, "loginThrottles");
  const [row] = await asBuilder(db).select().from(throttles).where(eq(throttles.key, "grade:ip:127.0.0.1"));
  check(row?.failures === GUEST_GRADING_MAX, `the shared counter reads ${row?.failures}`);
}

async function cachedPageAcrossServers(db: AnyDatabase, a: BenchServer, b: BenchServer) {
  console.log("\n4. A lesson cached on B, changed through A's database");
  const page = async (server: BenchServer) => {
    const response = await fetch(`${server.baseUrl}/lessons/${LESSON}`);
    return { html: await response.text(), cache: response.headers.get("x-nextjs-cache") };
  };
  await page(b);
  const cached = await page(b);
  await page(a);
  check(cached.cache === "HIT", `B serves the lesson from its cache (x-nextjs-cache: ${cached.cache})`);
  const title = `Who is responsible? (revised ${crypto.randomBytes(3).toString("hex")})`;
  const lessons = tableOn(db, "lessons");
  await writeOn(db, async (tx) => {
    await tx.update(lessons).set({ title }).where(eq(lessons.id, LESSON));
    await recordPageInvalidation(tx, `/lessons/${LESSON}`, "layout");
  });
  const changedAt = performance.now();
  let seenAfter: number | null = null;
  while (performance.now() - changedAt < 10_000) {
    if ((await page(b)).html.includes(title)) {
      seenAfter = performance.now() - changedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  check(seenAfter !== null && seenAfter < 3000, `B serves the new title ${seenAfter === null ? "never (10 s)" : `after ${Math.round(seenAfter)} ms`} (bound: the page cache looks once a second)`);
  // A cached the page too and looks for new rows on its own once-a-second clock, so it gets the same bound.
  let seenOnA = false;
  while (!seenOnA && performance.now() - changedAt < 3000) {
    seenOnA = (await page(a)).html.includes(title);
    if (!seenOnA) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  check(seenOnA, `A serves the new title too, within the same bound (${Math.round(performance.now() - changedAt)} ms after the change)`);
  return { staleMs: seenAfter === null ? null : Math.round(seenAfter) };
}

async function main() {
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machineInfo(), loadAverageAtStart: loadAverage() };
  const dir = tempDataDir("two-server");
  const shared = await openSharedDatabase(dir);
  report.engine = shared.engine;
  Object.assign(process.env, shared.env);
  const servers: BenchServer[] = [];
  try {
    console.log(`Two servers on one ${shared.engine === "postgres" ? "PostgreSQL database" : "SQLite file"}: 127.0.0.1:${PORT} (A) and :${PORT + 1} (B), build ${DIST_DIR}`);
    // One at a time: the first builds when the sources changed, the second finds the build ready.
    servers.push(await startServer({ dbPath: path.join(dir, "civics.db"), port: PORT, distDir: DIST_DIR }));
    servers.push(await startServer({ dbPath: path.join(dir, "civics.db"), port: PORT + 1, distDir: DIST_DIR }));
    const [a, b] = servers as [BenchServer, BenchServer];
    const quizzes = tableOn(shared.db, "quizzes");
    const [quiz] = await asBuilder(shared.db)
      .select({ id: quizzes.id })
      .from(quizzes)
      .where(eq(quizzes.lessonId, LESSON));
    if (!quiz) throw new Error(`No quiz for ${LESSON}`);
    report.submissions = await studentsSubmitThroughBoth(shared.db, a, b, quiz.id);
    await sessionAcrossServers(shared.db, a, b);
    const { firstQuestion } = await createAttempts(shared.db, quiz.id, []);
    await rateLimitAcrossServers(shared.db, a, b, quiz.id, firstQuestion);
    report.cache = await cachedPageAcrossServers(shared.db, a, b);
  } finally {
    for (const server of servers) stopServer(server);
    for (const server of servers) await waitForExit(server);
    await shared.close();
  }
  report.failures = failures;
  fs.mkdirSync("data/bench", { recursive: true });
  const file = path.join("data/bench", `two-server-${String(report.date).replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  if (failures.length === 0) fs.rmSync(dir, { recursive: true, force: true });
  console.log(`\n${failures.length === 0 ? "All two-server checks passed." : `${failures.length} check(s) FAILED (server logs kept in ${dir}).`} Results: ${file}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
