/**
 * `npm run bench [-- --quick]`: the performance benchmarks of docs/BENCHMARKS.md in one run.
 *
 * Builds when needed and starts a production server (`npm start`) on a
 * temporary database on 127.0.0.1 with BENCH_ROUTES=1, then measures side by
 * side, so machine load hits both sides of every ratio alike:
 *  (a) guest lesson and quiz pages vs a prerendered bare page, signed-in vs guest
 *      (autocannon, 10 connections), the lesson and bare page at 50 connections, and
 *      the lesson page's HTML and RSC bytes;
 *  (b) quiz submission vs a minimal route running the same SQL, every request
 *      a distinct, fresh attempt (no idempotent replays); and the guest lesson page's
 *      latency alone and while 200 students submit at once (200 connections, each a
 *      different signed-in student submitting fresh attempts);
 *  (c) class dashboard and item analysis on the 10,000-student database
 *      (generated first when data/large.db is missing);
 *  (d) import of a ~1,500-word article;
 *  (e) lesson LCP/CLS/INP under 4× CPU throttling in headless Chromium, and
 *      first-load JavaScript above the bare page.
 * Prints a table and writes data/bench/bench-<time>.json.
 * Env: NEXT_DIST_DIR (build folder), BENCH_PORT (default 3105), BENCH_SERVER_NODE_OPTIONS (NODE_OPTIONS for the server
 * alone, e.g. `--cpu-prof --cpu-prof-dir=<dir>` to profile it under the load).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { measureFirstLoadJs } from "./bench-js";
import { createAttempts, createUsers, curriculumQuiz, listenerPid, loadAverage, machineInfo, openDb, percentile, signInAll, startServer, stopServer, submitLoad, summarize, tempDataDir, waitForExit, type BenchUser, type LoadResult, type PreparedAttempt } from "./bench-harness";
import { cpuSecondsBetween, cpuSecondsByPid } from "./engines-math";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, "skip-dashboard": { type: "boolean", default: false }, "skip-vitals": { type: "boolean", default: false }, only: { type: "string" } } });
/** `--only pages,submissions,vitals,import,dashboard` runs just those parts (e.g. under a profiler). */
const ONLY = values.only ? new Set(values.only.split(",")) : null;
const runs = (part: "pages" | "submissions" | "vitals" | "import" | "dashboard") => (ONLY ? ONLY.has(part) : !(part === "vitals" && values["skip-vitals"]) && !(part === "dashboard" && values["skip-dashboard"]));
const SECONDS = values.quick ? 3 : 8;
const CONNECTIONS = 10;
const PORT = Number(process.env.BENCH_PORT ?? 3105);
// Its own build folder: this build includes the benchmark-only routes (BENCH_ROUTES=1).
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const LESSON = "/lessons/who-is-responsible";
/** Students submitting at once while the lesson page is measured (issue #14: "page latency unchanged while 200 students submit at once"). */
const CROWD = 200;

/**
 * The server's CPU milliseconds per answered request (or per view of `perView` requests) while `run` ran:
 * on a shared machine this moves much less than req/s does (docs/BENCHMARKS.md).
 */
async function withCpu(run: () => Promise<LoadResult>, perView = 1): Promise<LoadResult & { cpuMsPerRequest: number | null }> {
  const pid = listenerPid(PORT);
  const before = pid === null ? null : cpuSecondsByPid([pid]);
  const result = await run();
  const seconds = pid === null || before === null ? null : cpuSecondsBetween(before, cpuSecondsByPid([pid]));
  const answered = (result.ok + result.non2xx) / perView;
  return { ...result, cpuMsPerRequest: seconds === null || answered === 0 ? null : Number(((seconds * 1000) / answered).toFixed(2)) };
}

async function loadPage(baseUrl: string, pagePath: string, cookie: string, connections = CONNECTIONS, label = pagePath, extraHeaders: Record<string, string> = {}) {
  const headers = { cookie, ...extraHeaders };
  // A few requests first so neither side pays first-render compilation or cold caches.
  for (let i = 0; i < 5; i += 1) await fetch(baseUrl + pagePath, { headers }).then((r) => r.text());
  return withCpu(async () => summarize(label, await autocannon({ url: baseUrl + pagePath, connections, duration: SECONDS, headers, timeout: 10 })));
}

/**
 * A signed-in page view made of two requests: the page (the same cached bytes as a guest's) plus
 * its one GET /api/me, measured as that pair per "page view". The page is asked as a non-document
 * fetch, so proxy.ts doesn't send the answer with it: a client-side navigation's view, and a
 * document load's before the answer came with the page.
 */
async function loadSignedInView(baseUrl: string, pagePath: string, me: string, cookie: string, label: string) {
  for (let i = 0; i < 5; i += 1) await fetch(baseUrl + me, { headers: { cookie } }).then((r) => r.text());
  return withCpu(async () => {
    const result = await autocannon({ url: baseUrl, connections: CONNECTIONS, duration: SECONDS, timeout: 10, headers: { cookie }, requests: [{ method: "GET", path: pagePath, headers: { cookie, "sec-fetch-dest": "empty" } }, { method: "GET", path: me }] });
    // autocannon counts each request of the pair; a page view is both.
    const views = summarize(label, result);
    return { ...views, requestsPerSecond: Math.round(views.requestsPerSecond / 2) };
  }, 2);
}

/**
 * The guest lesson page at CONNECTIONS from a worker thread of its own, so that its latencies are not
 * inflated by this process's event loop when it also drives the submitters (below); the lone measure
 * uses the same worker so the two are comparable.
 */
async function loadPageInWorker(baseUrl: string, pagePath: string, label: string, seconds = SECONDS): Promise<LoadResult> {
  return summarize(label, await autocannon({ url: baseUrl + pagePath, connections: CONNECTIONS, duration: seconds, timeout: 10, workers: 1 }));
}

/** A signed-in document load, which must bring its /api/me answer with it (proxy.ts) to be the whole view. */
async function loadSignedInDocument(baseUrl: string, pagePath: string, cookie: string, label: string) {
  const document = { "sec-fetch-dest": "document" };
  const sent = await fetch(baseUrl + pagePath, { headers: { cookie, ...document } });
  if (!sent.headers.getSetCookie().some((c) => c.startsWith("viewer-answer="))) throw new Error(`The signed-in page ${pagePath} didn't bring its /api/me answer: the measure would not be a whole view.`);
  return loadPage(baseUrl, pagePath, cookie, CONNECTIONS, label, document);
}

/** Bytes of a page as a browser first gets it: the HTML, and the RSC payload a client-side navigation fetches instead. */
async function pageBytes(baseUrl: string, pagePath: string) {
  const html = await fetch(baseUrl + pagePath).then((r) => r.text());
  const rsc = await fetch(baseUrl + pagePath, { headers: { RSC: "1" } }).then((r) => r.arrayBuffer());
  const { gzipSync } = await import("node:zlib");
  const inlinePayload = [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((n, m) => n + m[1]!.length, 0);
  return { html: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, inlineRscInHtml: inlinePayload, rscNavigation: rsc.byteLength, rscNavigationGzip: gzipSync(Buffer.from(rsc)).length };
}

/**
 * One submission measure, with the server's CPU time per answered request (from /proc, as bench:engines reads it):
 * less sensitive than req/s to what else runs on the machine, since CPU another process takes is not counted.
 */
async function loadSubmissions(baseUrl: string, port: number, name: string, attempts: PreparedAttempt[], cookies: Map<string, string>, pathOf: (attemptId: string) => string, load: { connections: number; seconds: number } = { connections: CONNECTIONS, seconds: SECONDS }): Promise<SubmissionMeasure> {
  const pid = listenerPid(port);
  const commitsBefore = await commitCounts(baseUrl);
  const before = pid ? cpuSecondsByPid([pid]) : new Map<number, number>();
  const self = process.cpuUsage();
  const { result, distinctAttempts } = await submitLoad({ url: baseUrl, connections: load.connections, seconds: load.seconds, attempts, pathOf, headersOf: (userId) => ({ cookie: cookies.get(userId)!, origin: baseUrl }) });
  const serverSeconds = pid ? cpuSecondsBetween(before, cpuSecondsByPid([pid])) : NaN;
  const generator = process.cpuUsage(self);
  const commitsAfter = await commitCounts(baseUrl);
  const summary = summarize(name, result);
  const answered = summary.ok + summary.non2xx;
  const commits = commitsAfter.commits - commitsBefore.commits;
  return {
    ...summary,
    distinctAttempts,
    // How many write transactions shared a COMMIT on average (group commit, db/open.ts).
    transactionsPerCommit: commits > 0 ? Number(((commitsAfter.transactions - commitsBefore.transactions) / commits).toFixed(2)) : null,
    serverCpuMsPerRequest: answered ? Number(((serverSeconds * 1000) / answered).toFixed(2)) : null,
    loadGeneratorCpuMsPerRequest: answered ? Number(((generator.user + generator.system) / 1000 / answered).toFixed(2)) : null,
  };
}

/**
 * The guest lesson page alone, then the same page while CROWD students submit at once (CROWD connections,
 * each a different signed-in student, every request a distinct fresh attempt): p50/p99 side by side, with
 * the crowd's own rate. Both page measures run from the same worker thread (loadPageInWorker).
 */
async function pageWhileCrowdSubmits(baseUrl: string, dbPath: string, crowd: BenchUser[], attempts: PreparedAttempt[]) {
  console.log(`(b) the lesson page while ${crowd.length} students submit, load ${loadAverage()}`);
  const cookies = await signInAll(baseUrl, crowd, 8);
  for (let i = 0; i < 5; i += 1) await fetch(baseUrl + LESSON).then((r) => r.text());
  const alone = await loadPageInWorker(baseUrl, LESSON, `${LESSON} (guest, alone)`);
  // The crowd starts first and runs a second longer at each end, so the page is measured only while all of it submits.
  const crowdRun = loadSubmissions(baseUrl, PORT, `${crowd.length} students submitting at once`, attempts, cookies, (id) => `/api/attempts/${id}/submit`, { connections: crowd.length, seconds: SECONDS + 2 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const during = await loadPageInWorker(baseUrl, LESSON, `${LESSON} (guest, while ${crowd.length} students submit)`);
  const submitters = await crowdRun;
  const check = openDb(dbPath);
  const stored = check.prepare("select count(*) as n from attempts where status = 'submitted' and id in (select value from json_each(?))").get(JSON.stringify(attempts.map((a) => a.attemptId))) as { n: number };
  check.close();
  return { students: crowd.length, alone, during, submitters, submittedStored: stored.n, p50Ratio: ratio(during.p50, alone.p50), p99Ratio: ratio(during.p99, alone.p99) };
}

/** SQLite write transactions and COMMITs of the server so far (the bench-only GET /api/bench/commits). */
async function commitCounts(baseUrl: string): Promise<{ transactions: number; commits: number }> {
  return (await fetch(`${baseUrl}/api/bench/commits`).then((r) => r.json())) as { transactions: number; commits: number };
}

type SubmissionMeasure = LoadResult & { distinctAttempts: number; transactionsPerCommit: number | null; serverCpuMsPerRequest: number | null; loadGeneratorCpuMsPerRequest: number | null };

async function webVitals(baseUrl: string, pagePath: string, runs = 5) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const samples: { lcp: number; cls: number; inp: number }[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      // What the web-vitals library does, without the dependency: buffered PerformanceObservers.
      await page.addInitScript(() => {
        const vitals = { lcp: 0, cls: 0, inp: 0 };
        (window as unknown as { __vitals: typeof vitals }).__vitals = vitals;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) vitals.cls += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) if (entry.interactionId) vitals.inp = Math.max(vitals.inp, entry.duration);
        }).observe({ type: "event", buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
      });
      await page.goto(baseUrl + pagePath, { waitUntil: "load" });
      await page.waitForTimeout(500);
      // One real interaction for INP: open the first glossary term, then the level switcher's next level if there is one.
      const term = page.locator("button[popovertarget]").first();
      if (await term.count()) await term.click();
      await page.keyboard.press("Escape");
      await page.waitForTimeout(300);
      samples.push(await page.evaluate(() => (window as unknown as { __vitals: { lcp: number; cls: number; inp: number } }).__vitals));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (key: "lcp" | "cls" | "inp") => percentile(samples.map((s) => s[key]), 50);
  return { runs, lcpMs: Math.round(median("lcp")), cls: Number(median("cls").toFixed(4)), inpMs: Math.round(median("inp")), samples };
}

function runDashboard(): unknown {
  if (!fs.existsSync("data/large.db")) {
    console.log("Generating data/large.db (10,000 students, 1,000,000 responses)...");
    const generated = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "bench/generate-large-db.ts"], { stdio: "inherit" });
    if (generated.status !== 0) throw new Error("bench:generate failed");
  }
  const out = path.resolve("data/bench/dashboard.json");
  const run = spawnSync(process.execPath, [path.join("node_modules", "vitest", "vitest.mjs"), "run", "--config", "vitest.bench.config.ts"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, BENCH_DASHBOARD_OUT: out } });
  if (run.status !== 0) throw new Error("bench:dashboard failed");
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

function runImport(): string[] {
  const run = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "bench/bench-import.ts", values.quick ? "5" : "20"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench-import failed: ${run.stderr}`);
  return run.stdout.trim().split("\n");
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

async function main() {
  const startedAt = new Date();
  const report: Record<string, unknown> = { date: startedAt.toISOString(), machine: machineInfo(), loadAverageAtStart: loadAverage(), secondsPerRun: SECONDS, connections: CONNECTIONS };
  fs.mkdirSync("data/bench", { recursive: true });
  const dir = tempDataDir("bench");
  const dbPath = path.join(dir, "civics.db");
  console.log(`Starting the production server on 127.0.0.1:${PORT} (build folder ${DIST_DIR}, database ${dbPath})...`);
  // BENCH_SERVER_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the server only, for profiling it under this load.
  const server = await startServer({ dbPath, port: PORT, distDir: DIST_DIR, benchRoutes: true, env: process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : undefined });
  try {
    const db = openDb(dbPath);
    const users = await createUsers(db, 20, "learner", "bench-learner-");
    const { quizId } = curriculumQuiz(db);
    const realAttempts = createAttempts(db, quizId, users, 600, 1);
    const minimalAttempts = createAttempts(db, quizId, users, 600, 2);
    // The crowd: CROWD more students, each with enough fresh attempts to keep submitting for the whole measure.
    const crowd = runs("submissions") ? await createUsers(db, CROWD, "learner", "bench-crowd-") : [];
    const crowdAttempts = createAttempts(db, quizId, crowd, values.quick ? 8 : 20, 3);
    db.close();
    const cookies = await signInAll(server.baseUrl, users);
    const cookie = cookies.get(users[0]!.id)!;

    if (runs("pages")) {
      console.log(`(a) pages, load ${loadAverage()}`);
      const quizPath = `/quizzes/${quizId}`;
      // One warm-up over every measured route first: without it the first measure (the prerendered bare
      // page, every ratio's base) ran on a cold server and came out below pages that do far more.
      await autocannon({ url: server.baseUrl, connections: CONNECTIONS, duration: values.quick ? 2 : 4, timeout: 10, headers: { cookie }, requests: ["/bench/static", "/bench/bare", LESSON, quizPath, "/", `/api/me?lesson=${LESSON.split("/").pop()!}`, "/api/me?catalog=1", "/api/health"].map((p) => ({ method: "GET" as const, path: p })) });
      // Side by side, guest pages against a prerendered bare page, then signed-in against guest.
      const staticBare = await loadPage(server.baseUrl, "/bench/static", "", CONNECTIONS, "/bench/static (prerendered)");
      const bare = await loadPage(server.baseUrl, "/bench/bare", "", CONNECTIONS, "/bench/bare (dynamic)");
      const guestLesson = await loadPage(server.baseUrl, LESSON, "", CONNECTIONS, `${LESSON} (guest)`);
      const guestQuiz = await loadPage(server.baseUrl, quizPath, "", CONNECTIONS, `${quizPath} (guest)`);
      // A signed-in document load: the page brings its /api/me answer in a cookie (proxy.ts), so this one request is the whole view.
      const lesson = await loadSignedInDocument(server.baseUrl, LESSON, cookie, `${LESSON} (signed in, document load with its answer)`);
      // The two-request view (page, then GET /api/me, now answered in proxy.ts), as before.
      const lessonView = await loadSignedInView(server.baseUrl, LESSON, `/api/me?lesson=${LESSON.split("/").pop()!}`, cookie, `${LESSON} (signed in, page + /api/me)`);
      // The per-reader request alone, beside the cheapest route handler (/api/health below): the floor of a second request.
      const me = await loadPage(server.baseUrl, `/api/me?lesson=${LESSON.split("/").pop()!}`, cookie, CONNECTIONS, "/api/me?lesson= (signed in, alone)");
      // The quiz start page and the catalog are shared pages too: a signed-in document load brings its answer
      // (the view), and a client-side navigation is the page plus its /api/me (the pair).
      const quiz = await loadSignedInDocument(server.baseUrl, quizPath, cookie, `${quizPath} (signed in, document load with its answer)`);
      const quizView = await loadSignedInView(server.baseUrl, quizPath, `/api/me?quiz=${quizId}`, cookie, `${quizPath} (signed in, page + /api/me)`);
      const guestCatalog = await loadPage(server.baseUrl, "/", "", CONNECTIONS, "/ (guest)");
      const catalog = await loadSignedInDocument(server.baseUrl, "/", cookie, "/ (signed in, document load with its answer)");
      const catalogView = await loadSignedInView(server.baseUrl, "/", "/api/me?catalog=1", cookie, "/ (signed in, page + /api/me)");
      const lessonC50 = await loadPage(server.baseUrl, LESSON, "", 50, `${LESSON} (guest, c=50)`);
      const staticC50 = await loadPage(server.baseUrl, "/bench/static", "", 50, "/bench/static (c=50)");
      const health = await loadPage(server.baseUrl, "/api/health", "", CONNECTIONS, "/api/health");
      const bytes = { lesson: await pageBytes(server.baseUrl, LESSON), bare: await pageBytes(server.baseUrl, "/bench/static") };
      report.pages = {
        loadAverage: loadAverage(),
        staticBare, bare, guestLesson, guestQuiz, lesson, lessonView, me, quiz, quizView, guestCatalog, catalog, catalogView, lessonC50, staticC50, health, bytes,
        guestLessonToStatic: ratio(guestLesson.requestsPerSecond, staticBare.requestsPerSecond),
        guestQuizToStatic: ratio(guestQuiz.requestsPerSecond, staticBare.requestsPerSecond),
        signedInLessonToGuest: ratio(lesson.requestsPerSecond, guestLesson.requestsPerSecond),
        signedInLessonPairToGuest: ratio(lessonView.requestsPerSecond, guestLesson.requestsPerSecond),
        signedInQuizToGuest: ratio(quiz.requestsPerSecond, guestQuiz.requestsPerSecond),
        guestCatalogToStatic: ratio(guestCatalog.requestsPerSecond, staticBare.requestsPerSecond),
        signedInQuizPairToGuest: ratio(quizView.requestsPerSecond, guestQuiz.requestsPerSecond),
        signedInCatalogToGuest: ratio(catalog.requestsPerSecond, guestCatalog.requestsPerSecond),
        signedInCatalogPairToGuest: ratio(catalogView.requestsPerSecond, guestCatalog.requestsPerSecond),
        meToHealth: ratio(me.requestsPerSecond, health.requestsPerSecond),
      };
    }

    if (runs("submissions")) {
      console.log(`(b) submissions, load ${loadAverage()}`);
      const minimal = await loadSubmissions(server.baseUrl, PORT, "minimal route (same SQL)", minimalAttempts, cookies, (id) => `/api/bench/submit?attempt=${id}`);
      const real = await loadSubmissions(server.baseUrl, PORT, "POST /api/attempts/:id/submit", realAttempts, cookies, (id) => `/api/attempts/${id}/submit`);
      const check = openDb(dbPath);
      const stored = check.prepare("select count(*) as n from attempts where status = 'submitted' and id in (select value from json_each(?))").get(JSON.stringify(realAttempts.map((a) => a.attemptId))) as { n: number };
      check.close();
      const crowdResult = await pageWhileCrowdSubmits(server.baseUrl, dbPath, crowd, crowdAttempts);
      report.submissions = {
        loadAverage: loadAverage(),
        real,
        minimal,
        realToMinimal: ratio(real.requestsPerSecond, minimal.requestsPerSecond),
        realCpuToMinimalCpu: real.serverCpuMsPerRequest && minimal.serverCpuMsPerRequest ? ratio(real.serverCpuMsPerRequest, minimal.serverCpuMsPerRequest) : null,
        realAttemptsStored: stored.n,
        crowd: crowdResult,
      };
    }

    if (runs("vitals")) {
      console.log(`(e) web vitals and first-load JS, load ${loadAverage()}`);
      const bareJs = await measureFirstLoadJs(server.baseUrl, "/bench/bare");
      const lessonJs = await measureFirstLoadJs(server.baseUrl, LESSON);
      const vitals = await webVitals(server.baseUrl, LESSON);
      report.lessonPage = { loadAverage: loadAverage(), ...vitals, firstLoadJsGzip: { bare: bareJs.gzip, lesson: lessonJs.gzip, aboveBare: lessonJs.gzip - bareJs.gzip } };
    }
  } finally {
    stopServer(server);
    await waitForExit(server);
  }
  fs.rmSync(dir, { recursive: true, force: true });

  if (runs("import")) {
    console.log(`(d) import, load ${loadAverage()}`);
    report.import = { loadAverage: loadAverage(), output: runImport() };
  }
  if (runs("dashboard")) {
    console.log(`(c) dashboard on the large database, load ${loadAverage()}`);
    report.dashboard = { loadAverage: loadAverage(), ...(runDashboard() as object) };
  }

  const file = path.join("data/bench", `bench-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  printTable(report);
  console.log(`\nFull results: ${file}`);
}

function printTable(report: Record<string, unknown>) {
  const pages = report.pages as Record<"staticBare" | "bare" | "guestLesson" | "guestQuiz" | "lesson" | "lessonView" | "me" | "quiz" | "quizView" | "guestCatalog" | "catalog" | "catalogView" | "lessonC50" | "staticC50" | "health", LoadResult & { cpuMsPerRequest?: number | null }> & { bytes: unknown } | undefined;
  const submissions = report.submissions as { real: SubmissionMeasure; minimal: SubmissionMeasure; realAttemptsStored: number; crowd: { alone: LoadResult; during: LoadResult; submitters: SubmissionMeasure; submittedStored: number } } | undefined;
  const rows: string[][] = [["Measure", "req/s", "p50 ms", "p99 ms", "ratio", "non-2xx/errors", "CPU ms/req"]];
  const row = (r: LoadResult & { cpuMsPerRequest?: number | null }, label: string, base: LoadResult, baseName: string) =>
    rows.push([label, String(r.requestsPerSecond), String(r.p50), String(r.p99), `${ratio(r.requestsPerSecond, base.requestsPerSecond)}× ${baseName}`, `${r.non2xx}/${r.errors}`, String(r.cpuMsPerRequest ?? "")]);
  if (pages) {
    for (const r of [pages.staticBare, pages.bare, pages.guestLesson, pages.guestQuiz, pages.guestCatalog, pages.health]) row(r, r.name, pages.staticBare, "static");
    row(pages.lesson, pages.lesson.name, pages.guestLesson, "guest");
    row(pages.lessonView, pages.lessonView.name, pages.guestLesson, "guest");
    row(pages.me, pages.me.name, pages.health, "health");
    row(pages.quiz, pages.quiz.name, pages.guestQuiz, "guest");
    row(pages.quizView, pages.quizView.name, pages.guestQuiz, "guest");
    row(pages.catalog, pages.catalog.name, pages.guestCatalog, "guest");
    row(pages.catalogView, pages.catalogView.name, pages.guestCatalog, "guest");
    row(pages.lessonC50, pages.lessonC50.name, pages.staticC50, "static c=50");
    row(pages.staticC50, pages.staticC50.name, pages.staticC50, "static c=50");
  }
  if (submissions) for (const r of [submissions.minimal, submissions.real]) row(r, r.name, submissions.minimal, "minimal");
  if (submissions) {
    const { alone, during, submitters } = submissions.crowd;
    row(alone, alone.name, alone, "alone");
    row(during, during.name, alone, "alone");
    rows.push([submitters.name, String(submitters.requestsPerSecond), String(submitters.p50), String(submitters.p99), "", `${submitters.non2xx}/${submitters.errors}`, String(submitters.serverCpuMsPerRequest ?? "")]);
  }
  if (rows.length > 1) for (const cells of rows) console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(58) : cell.padStart(18))).join(""));
  if (pages) console.log("Bytes:", JSON.stringify(pages.bytes));
  if (submissions) console.log(`Real submissions acknowledged: ${submissions.real.ok}, distinct attempts used: ${submissions.real.distinctAttempts}, stored as submitted: ${submissions.realAttemptsStored}`);
  if (submissions) {
    const { alone, during, submitters, submittedStored } = submissions.crowd;
    // autocannon reports 0 ms when no request finished within the measure: say so rather than print a latency of 0.
    const duringText = during.ok + during.non2xx === 0 ? `no page answered within the ${SECONDS} s measure (queued behind the submitters)` : `p50 ${alone.p50} → ${during.p50} ms, p99 ${alone.p99} → ${during.p99} ms`;
    console.log(`Lesson page while ${submitters.name}: ${duringText}; the crowd's submissions acknowledged ${submitters.ok} (those in flight at the end are stored but not counted), stored as submitted ${submittedStored}`);
  }
  if (submissions) console.log(`Server CPU per submission: minimal ${submissions.minimal.serverCpuMsPerRequest} ms, real ${submissions.real.serverCpuMsPerRequest} ms (load generator: ${submissions.minimal.loadGeneratorCpuMsPerRequest} / ${submissions.real.loadGeneratorCpuMsPerRequest} ms); transactions per COMMIT: minimal ${submissions.minimal.transactionsPerCommit}, real ${submissions.real.transactionsPerCommit}, crowd ${submissions.crowd.submitters.transactionsPerCommit}`);
  if (report.lessonPage) console.log("Lesson page:", JSON.stringify({ ...report.lessonPage, samples: undefined }));
  if (report.import) console.log("Import:", (report.import as { output: string[] }).output.join(" | "));
  if (report.dashboard) console.log("Dashboard:", JSON.stringify(report.dashboard));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
