/**
 * `npm run bench:reliability`: the reliability harness of docs/BENCHMARKS.md,
 * against a production server on a temporary database (127.0.0.1 only,
 * bounded in requests and time).
 *  1. 200 students submit at once (half of them double-submit, like a double
 *     click): every acknowledged (2xx) submission is stored exactly once.
 *  2. `kill -9` of the `next start` process during submission load, then a
 *     restart, three times: PRAGMA integrity_check is ok, no acknowledged
 *     submission is lost, and no attempt is half-written.
 *  3. `npm run db:backup` during submission load; the backup is restored into
 *     a fresh server, which serves and holds every submission acknowledged
 *     before the backup started.
 * Exits non-zero if any check fails. Env: NEXT_DIST_DIR, BENCH_PORT (3106).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { createAttempts, createUsers, curriculumQuiz, listenerPid, loadAverage, machineInfo, openDb, signInAll, startServer, stopServer, tempDataDir, waitForExit, type BenchServer, type PreparedAttempt } from "./bench-harness";

const PORT = Number(process.env.BENCH_PORT ?? 3106);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const STUDENTS = 200;
const KILL_ROUNDS = 3;

const failures: string[] = [];
function check(ok: boolean, message: string) {
  console.log(`${ok ? "  ok  " : "  FAIL"} ${message}`);
  if (!ok) failures.push(message);
}

async function submit(baseUrl: string, attempt: PreparedAttempt, cookie: string): Promise<{ ok: boolean; status: number; score?: number }> {
  try {
    const response = await fetch(`${baseUrl}/api/attempts/${attempt.attemptId}/submit`, {
      method: "POST",
      headers: { cookie, origin: baseUrl, "content-type": "application/json" },
      body: attempt.body,
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await response.json().catch(() => ({}))) as { score?: number };
    return { ok: response.ok, status: response.status, score: json.score };
  } catch {
    return { ok: false, status: 0 };
  }
}

/** Per acknowledged attempt: submitted, and exactly one response per question of its layout. */
function verifyStored(db: BetterSqlite3.Database, attemptIds: string[]): { missing: number; wrongResponseCount: number } {
  const row = db.prepare("select status, layout, (select count(*) from responses r where r.attempt_id = a.id) as responses from attempts a where id = ?");
  let missing = 0;
  let wrongResponseCount = 0;
  for (const id of attemptIds) {
    const found = row.get(id) as { status: string; layout: string; responses: number } | undefined;
    if (!found || found.status !== "submitted") missing += 1;
    else if (found.responses !== (JSON.parse(found.layout) as { questions: unknown[] }).questions.length) wrongResponseCount += 1;
  }
  return { missing, wrongResponseCount };
}

/** Submitted attempts whose responses don't match their layout: a torn write. */
function halfWritten(db: BetterSqlite3.Database): number {
  const rows = db.prepare("select a.layout, (select count(*) from responses r where r.attempt_id = a.id) as responses from attempts a where a.status = 'submitted'").all() as { layout: string; responses: number }[];
  return rows.filter((r) => r.responses !== (JSON.parse(r.layout) as { questions: unknown[] }).questions.length).length;
}

/** Submits prepared attempts from `workers` concurrent loops until stopped or out of attempts. */
function submissionLoad(baseUrl: string, attempts: PreparedAttempt[], cookies: Map<string, string>, workers: number) {
  const acknowledged: string[] = [];
  let next = 0;
  let stopped = false;
  const done = Promise.all(
    Array.from({ length: workers }, async () => {
      while (!stopped && next < attempts.length) {
        const attempt = attempts[next++]!;
        const result = await submit(baseUrl, attempt, cookies.get(attempt.userId)!);
        if (result.ok) acknowledged.push(attempt.attemptId);
      }
    }),
  );
  return {
    acknowledged,
    sent: () => next,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

const integrity = (db: BetterSqlite3.Database) => db.pragma("integrity_check", { simple: true }) as string;

async function concurrentStudents(server: BenchServer, quizId: string) {
  console.log(`\n1. ${STUDENTS} students submitting at once (load ${loadAverage()})`);
  const db = openDb(server.dbPath);
  const students = await createUsers(db, STUDENTS, "student", "rel-student-");
  const attempts = createAttempts(db, quizId, students, 1, 11);
  db.close();
  const cookies = await signInAll(server.baseUrl, students, 8);
  const started = performance.now();
  // Every student submits at once; every other one double-submits (double click, or a retry after a timeout).
  const results = await Promise.all(
    attempts.map(async (attempt, i) => {
      const cookie = cookies.get(attempt.userId)!;
      const tries = await Promise.all(i % 2 === 0 ? [submit(server.baseUrl, attempt, cookie), submit(server.baseUrl, attempt, cookie)] : [submit(server.baseUrl, attempt, cookie)]);
      return { attempt, tries };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const acknowledged = results.filter((r) => r.tries.some((t) => t.ok)).map((r) => r.attempt.attemptId);
  const doubleAgree = results.filter((r) => r.tries.length === 2 && r.tries.every((t) => t.ok)).every((r) => r.tries[0].score === r.tries[1]!.score);
  const check_db = openDb(server.dbPath);
  const stored = verifyStored(check_db, acknowledged);
  const responseRows = (check_db.prepare("select count(*) as n from responses where attempt_id in (select value from json_each(?))").get(JSON.stringify(attempts.map((a) => a.attemptId))) as { n: number }).n;
  const questionCount = (JSON.parse((check_db.prepare("select layout from attempts where id = ?").get(attempts[0]!.attemptId) as { layout: string }).layout) as { questions: unknown[] }).questions.length;
  check_db.close();
  const statuses = results.flatMap((r) => r.tries.map((t) => t.status));
  check(acknowledged.length === STUDENTS, `${acknowledged.length}/${STUDENTS} submissions acknowledged in ${seconds.toFixed(1)} s (HTTP statuses: ${[...new Set(statuses)].join(", ")})`);
  check(stored.missing === 0 && stored.wrongResponseCount === 0, `every acknowledged submission stored (missing ${stored.missing}, wrong response count ${stored.wrongResponseCount})`);
  check(responseRows === STUDENTS * questionCount, `exactly once: ${responseRows} response rows = ${STUDENTS} × ${questionCount} questions despite ${STUDENTS / 2} double submits`);
  check(doubleAgree, "both answers to a double submit report the same score");
  return { students: STUDENTS, requests: statuses.length, acknowledged: acknowledged.length, seconds: Number(seconds.toFixed(1)), responseRows, expectedRows: STUDENTS * questionCount };
}

async function killDuringLoad(server: BenchServer, quizId: string, cookies: Map<string, string>, users: { id: string; username: string }[]) {
  const rounds = [];
  let current = server;
  for (let round = 1; round <= KILL_ROUNDS; round += 1) {
    console.log(`\n2.${round} kill -9 during submission load (load ${loadAverage()})`);
    const db = openDb(current.dbPath);
    const attempts = createAttempts(db, quizId, users, 20, 100 + round);
    db.close();
    const load = submissionLoad(current.baseUrl, attempts, cookies, 20);
    // Let the load run until a good number of submissions are acknowledged (bounded at 15 s).
    const until = Date.now() + 15_000;
    while (load.acknowledged.length < 50 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    const pid = listenerPid(current.port);
    if (!pid) throw new Error("Could not find the server process listening on the port");
    process.kill(pid, "SIGKILL");
    const ackedAtKill = load.acknowledged.length;
    await load.stop();
    await waitForExit(current);
    stopServer(current);
    const afterCrash = openDb(current.dbPath);
    const integrityAfterCrash = integrity(afterCrash);
    afterCrash.close();
    current = await startServer({ dbPath: current.dbPath, port: current.port, distDir: DIST_DIR });
    const reopened = openDb(current.dbPath);
    const stored = verifyStored(reopened, load.acknowledged);
    const torn = halfWritten(reopened);
    const integrityAfterRestart = integrity(reopened);
    reopened.close();
    // The restarted server serves and accepts submissions again.
    const probe = attempts[load.sent()] ?? attempts.at(-1)!;
    const after = await submit(current.baseUrl, probe, cookies.get(probe.userId)!);
    check(integrityAfterCrash === "ok" && integrityAfterRestart === "ok", `integrity_check after kill -9: ${integrityAfterCrash}, after restart: ${integrityAfterRestart}`);
    check(stored.missing === 0 && stored.wrongResponseCount === 0, `all ${load.acknowledged.length} acknowledged submissions survived (${ackedAtKill} before the kill; missing ${stored.missing}, wrong response count ${stored.wrongResponseCount})`);
    check(torn === 0, `no half-written attempt (${torn})`);
    check(after.ok, `the restarted server accepts submissions (HTTP ${after.status})`);
    rounds.push({ round, pid, sent: load.sent(), acknowledged: load.acknowledged.length, missing: stored.missing, torn, integrity: integrityAfterRestart });
  }
  return { server: current, rounds };
}

async function backupUnderLoad(server: BenchServer, quizId: string, cookies: Map<string, string>, users: { id: string; username: string }[], dir: string) {
  console.log(`\n3. backup under submission load, then restore (load ${loadAverage()})`);
  const db = openDb(server.dbPath);
  const attempts = createAttempts(db, quizId, users, 40, 300);
  db.close();
  const load = submissionLoad(server.baseUrl, attempts, cookies, 10);
  const until = Date.now() + 15_000;
  while (load.acknowledged.length < 30 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  const ackedBeforeBackup = [...load.acknowledged];
  const backupFile = path.join(dir, "backup", "civics-backup.db");
  const started = performance.now();
  // Asynchronous, so this process keeps submitting while the backup runs.
  const backup = await new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", "db:backup", "--", backupFile], { env: { ...process.env, DATABASE_PATH: server.dbPath } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
  const backupMs = Math.round(performance.now() - started);
  const ackedDuringBackup = load.acknowledged.length - ackedBeforeBackup.length;
  await load.stop();
  check(backup.status === 0, `npm run db:backup under load: ${backup.output.trim()}`);
  check(ackedDuringBackup > 0, `submissions kept being acknowledged during the backup (${ackedDuringBackup})`);

  // Restore as the README says: the backup as the database file of a fresh data folder, with the auth secret beside it so sessions stay valid.
  const restoreDir = path.join(dir, "restored");
  fs.mkdirSync(restoreDir, { recursive: true });
  const restoredDb = path.join(restoreDir, "civics.db");
  fs.copyFileSync(backupFile, restoredDb);
  fs.copyFileSync(path.join(path.dirname(server.dbPath), "auth-secret"), path.join(restoreDir, "auth-secret"));
  const copy = openDb(restoredDb);
  const backupCounts = copy.prepare("select (select count(*) from attempts where status = 'submitted') as submitted, (select count(*) from responses) as responses, (select count(*) from users) as users").get() as Record<string, number>;
  copy.close();
  const restored = await startServer({ dbPath: restoredDb, port: PORT + 1, distDir: DIST_DIR });
  try {
    const db2 = openDb(restoredDb);
    const stored = verifyStored(db2, ackedBeforeBackup);
    const torn = halfWritten(db2);
    const counts = db2.prepare("select (select count(*) from attempts where status = 'submitted') as submitted, (select count(*) from responses) as responses, (select count(*) from users) as users").get() as Record<string, number>;
    db2.close();
    const probe = attempts.at(-1)!;
    const after = await submit(restored.baseUrl, probe, cookies.get(probe.userId)!);
    check(stored.missing === 0 && stored.wrongResponseCount === 0, `the restored copy holds all ${ackedBeforeBackup.length} submissions acknowledged before the backup started`);
    check(torn === 0, "the restored copy has no half-written attempt");
    check(JSON.stringify(counts) === JSON.stringify(backupCounts), `restored server's counts equal the backup's: ${JSON.stringify(counts)}`);
    check(after.ok, `the restored server accepts submissions with existing sessions (HTTP ${after.status})`);
    return { backupMs, ackedBeforeBackup: ackedBeforeBackup.length, ackedDuringBackup, backupCounts, restoredCounts: counts };
  } finally {
    stopServer(restored);
    await waitForExit(restored);
  }
}

async function main() {
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machineInfo(), loadAverageAtStart: loadAverage() };
  const dir = tempDataDir("reliability");
  const dbPath = path.join(dir, "civics.db");
  console.log(`Starting the production server on 127.0.0.1:${PORT} (database ${dbPath})...`);
  let server = await startServer({ dbPath, port: PORT, distDir: DIST_DIR });
  try {
    const db = openDb(dbPath);
    const { quizId } = curriculumQuiz(db);
    const learners = await createUsers(db, 20, "learner", "rel-learner-");
    db.close();
    report.concurrent = await concurrentStudents(server, quizId);
    const cookies = await signInAll(server.baseUrl, learners);
    const killed = await killDuringLoad(server, quizId, cookies, learners);
    server = killed.server;
    report.killRestart = killed.rounds;
    report.backup = await backupUnderLoad(server, quizId, cookies, learners, dir);
  } finally {
    stopServer(server);
    await waitForExit(server);
  }
  report.failures = failures;
  fs.mkdirSync("data/bench", { recursive: true });
  const file = path.join("data/bench", `reliability-${String(report.date).replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`\n${failures.length === 0 ? "All reliability checks passed." : `${failures.length} check(s) FAILED.`} Results: ${file}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
