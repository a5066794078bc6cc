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
 *  4. A teacher signed in on A publishes an imported lesson through A's real
 *     server action (publishImportAction), then publishes it again with a new
 *     title: each publish writes its own cache_invalidations row, and B, which
 *     held the lesson's shared page in its cache, re-renders it within about a
 *     second (the page cache looks once a second); the teacher reading on B
 *     sees the published title.
 *
 * Env: NEXT_DIST_DIR (build folder, default .next), TWO_SERVER_PORT (A; B is the next port; default 3107), DATABASE_URL.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { asBuilder, tableOn, writeOn, type AnyDatabase } from "../lib/data/engine";
import { pathTag } from "../lib/data/cache-invalidations";
import { draftFromArticle } from "../lib/import";
import { slugForTitle } from "../lib/import/to-content";
import { loadAverage, machineInfo, percentile, signIn, startServer, stopServer, tempDataDir, waitForExit, type BenchServer } from "./bench-harness";
import { createAccounts, createQuizAttempts, openSharedDatabase } from "./shared-db";

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
  const students = await createAccounts(db, STUDENTS, "two-student-");
  const { attempts, questionCount } = await createQuizAttempts(db, quizId, students);
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
  const [learner] = await createAccounts(db, 1, "two-learner-", "learner");
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

/** As React writes text into HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** The id of a server action in this build (Next's server-reference manifest), as a browser's form post names it. */
function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${file} in ${DIST_DIR}`);
  return found[0];
}

/**
 * Calls a `useActionState` server action the way React's client does: `Next-Action` names it, and the body is
 * React's reply encoding of its two arguments (the previous state, then the form: `$K1` refers to the fields sent as `_1_<name>`).
 */
async function callAction(server: BenchServer, id: string, pagePath: string, cookie: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  // The root last, as React sends it: the server decodes the stream in order and resolves `$K1` from the fields already read.
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const response = await fetch(`${server.baseUrl}${pagePath}`, { method: "POST", headers: { cookie, origin: server.baseUrl, "next-action": id, accept: "text/x-component" }, body: form });
  return { status: response.status, text: await response.text() };
}

/**
 * A teacher publishes an imported lesson through A's real server action, twice (first publish, then a revised title), while
 * B holds the lesson's shared page in its cache: the publish's own transaction writes the invalidation, and B must stop
 * serving its stored copy within the once-a-second bound. An imported lesson is private, so its shared page is a cached
 * redirect to the per-reader route; what B's cache does is seen in x-nextjs-cache (HIT while stored, MISS once re-rendered),
 * and what the teacher reads on B is that per-reader page.
 */
async function publishThroughA(db: AnyDatabase, a: BenchServer, b: BenchServer) {
  console.log("\n4. A teacher publishes an imported lesson through server A; B drops its cached page");
  const [teacher] = await createAccounts(db, 1, "two-teacher-", "teacher");
  // The draft as createImportDraft stores it (the pipeline's output for a fixture article); the publish is what is checked.
  const glossary = await asBuilder(db).select().from(tableOn(db, "glossaryTerms"));
  const draft = draftFromArticle({ content: fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8") }, { glossary });
  const drafts = tableOn(db, "importDrafts");
  const [row] = await writeOn(db, (tx) => tx.insert(drafts).values({ ownerId: teacher!.id, title: draft.title, draft }).returning({ id: drafts.id }));
  const draftId = row!.id;
  // The slug publishImportDraft gives a first publish (lib/data/imports.ts), so B can cache the page before the lesson exists.
  const slug = `${slugForTitle(draft.title).slice(0, 48).replace(/-+$/, "")}-${draftId.slice(0, 8)}`;
  const cookie = await signIn(a.baseUrl, teacher!.username);
  const publish = actionId("app/import/actions.ts", "publishImportAction");
  const shared = async (server: BenchServer) => (await fetch(`${server.baseUrl}/lessons/${slug}`, { redirect: "manual" })).headers.get("x-nextjs-cache");
  const ownPage = async (server: BenchServer) => {
    const response = await fetch(`${server.baseUrl}/lessons/${slug}/own/default`, { headers: { cookie } });
    return { status: response.status, html: await response.text() };
  };
  const invalidations = tableOn(db, "cacheInvalidations");
  const countTag = async () => Number((await asBuilder(db).select({ n: sql<number>`count(*)` }).from(invalidations).where(eq(invalidations.tag, pathTag(`/lessons/${slug}`, "layout"))))[0]?.n);
  const staleMs: (number | null)[] = [];
  for (const [round, title] of [draft.title, `${draft.title} (revised ${crypto.randomBytes(3).toString("hex")})`].entries()) {
    await shared(b);
    const before = await shared(b);
    check(before === "HIT", `round ${round + 1}: B serves /lessons/${slug} from its cache (x-nextjs-cache: ${before})`);
    const tagsBefore = await countTag();
    const result = await callAction(a, publish, `/import/${draftId}`, cookie, { draftId, title, questions: JSON.stringify(draft.questions) });
    const publishedAt = performance.now();
    const ok = result.status === 200 && result.text.includes("Published as a private lesson");
    check(ok, `round ${round + 1}: the teacher's publish through A's server action succeeded (HTTP ${result.status}${ok ? "" : `: ${result.text.slice(0, 400)}`})`);
    check((await countTag()) === tagsBefore + 1, `round ${round + 1}: the publish itself wrote one cache_invalidations row for /lessons/${slug}`);
    let droppedAfter: number | null = null;
    while (performance.now() - publishedAt < 10_000) {
      if ((await shared(b)) !== "HIT") {
        droppedAfter = performance.now() - publishedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    staleMs.push(droppedAfter === null ? null : Math.round(droppedAfter));
    check(droppedAfter !== null && droppedAfter < 3000, `round ${round + 1}: B re-renders the page ${droppedAfter === null ? "never (10 s)" : `${Math.round(droppedAfter)} ms after the publish`} (bound: the page cache looks once a second)`);
    const own = await ownPage(b);
    check(own.status === 200 && own.html.includes(escapeHtml(title)), `round ${round + 1}: the teacher reading on B sees the published title (HTTP ${own.status})`);
  }
  return { staleMs };
}

async function main() {
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machineInfo(), loadAverageAtStart: loadAverage() };
  const dir = tempDataDir("two-server");
  const shared = await openSharedDatabase(dir, process.env.DATABASE_URL);
  report.engine = shared.engine;
  const servers: BenchServer[] = [];
  try {
    console.log(`Two servers on one ${shared.engine === "postgres" ? "PostgreSQL database" : "SQLite file"}: 127.0.0.1:${PORT} (A) and :${PORT + 1} (B), build ${DIST_DIR}`);
    // One at a time: the first builds when the sources changed, the second finds the build ready.
    servers.push(await startServer({ dbPath: path.join(dir, "civics.db"), port: PORT, distDir: DIST_DIR, env: shared.env }));
    servers.push(await startServer({ dbPath: path.join(dir, "civics.db"), port: PORT + 1, distDir: DIST_DIR, env: shared.env }));
    const [a, b] = servers as [BenchServer, BenchServer];
    const quizzes = tableOn(shared.db, "quizzes");
    const [quiz] = await asBuilder(shared.db)
      .select({ id: quizzes.id })
      .from(quizzes)
      .where(eq(quizzes.lessonId, LESSON));
    if (!quiz) throw new Error(`No quiz for ${LESSON}`);
    report.submissions = await studentsSubmitThroughBoth(shared.db, a, b, quiz.id);
    await sessionAcrossServers(shared.db, a, b);
    const { firstQuestion } = await createQuizAttempts(shared.db, quiz.id, []);
    await rateLimitAcrossServers(shared.db, a, b, quiz.id, firstQuestion);
    report.cache = await publishThroughA(shared.db, a, b);
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
