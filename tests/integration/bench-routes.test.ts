// Benchmark-only routes (app/**/*.bench.ts[x]) must not be routes of the shipped build: next.config.mjs only
// counts the .bench extensions as page/route files when BENCH_ROUTES=1 (`npm run bench`, its own build folder).
// tests/e2e/shipped-build.spec.ts checks the same on a real production build. The routes are thin: their code lives in bench/.
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const APP_DIR = path.resolve("app");

function benchFiles(dir = APP_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return benchFiles(full);
    return /\.bench\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Next.js treats `page.<ext>` / `route.<ext>` as a route file for each configured page extension. */
function isRouteFile(file: string, pageExtensions: string[]): boolean {
  const name = path.basename(file);
  return pageExtensions.some((ext) => name === `page.${ext}` || name === `route.${ext}`);
}

async function loadConfig(benchRoutes: string | undefined): Promise<{ pageExtensions: string[] }> {
  vi.resetModules();
  if (benchRoutes === undefined) vi.stubEnv("BENCH_ROUTES", "");
  else vi.stubEnv("BENCH_ROUTES", benchRoutes);
  // A variable specifier: the config is plain JavaScript without type declarations.
  const configPath = path.resolve("next.config.mjs");
  const config = (await import(/* @vite-ignore */ configPath)) as { default: { pageExtensions: string[] } };
  return config.default;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

it("the benchmark routes exist as .bench files", () => {
  const names = benchFiles().map((f) => path.relative(APP_DIR, f));
  expect(names).toEqual(expect.arrayContaining([path.join("bench", "bare", "page.bench.tsx"), path.join("api", "bench", "submit", "route.bench.ts")]));
  // No plain page or route file sits beside them, so nothing under /bench exists in the shipped build.
  expect(fs.existsSync(path.join(APP_DIR, "bench", "bare", "page.tsx"))).toBe(false);
  expect(fs.existsSync(path.join(APP_DIR, "api", "bench", "submit", "route.ts"))).toBe(false);
});

it("the shipped build's configuration doesn't count them as routes", async () => {
  const { pageExtensions } = await loadConfig(undefined);
  expect(benchFiles().length).toBeGreaterThan(0);
  for (const file of benchFiles()) expect(isRouteFile(file, pageExtensions), file).toBe(false);
});

it("a benchmark build (BENCH_ROUTES=1) does", async () => {
  const { pageExtensions } = await loadConfig("1");
  for (const file of benchFiles()) expect(isRouteFile(file, pageExtensions), file).toBe(true);
});

it("the submission floor route is bench/submit-floor.ts: it grades and closes an attempt once, on this run's engine, and answers 404 for one that doesn't exist", async () => {
  // Loaded after the last vi.resetModules above, so the data layer, the fake session and the floor share one module graph.
  const { createTestDb } = await import("../helpers/db");
  const db = await createTestDb({ withContent: true });
  const route = await import("@/app/api/bench/submit/route.bench");
  const { submitFloor } = await import("@/bench/submit-floor");
  expect(route.POST).toBe(submitFloor);
  const post = (attemptId: string, answers: Record<string, unknown>) =>
    route.POST(new Request(`http://localhost/api/bench/submit?attempt=${attemptId}`, { method: "POST", body: JSON.stringify({ answers }) }));
  expect((await post("missing", {})).status).toBe(404);

  const { seedUser } = await import("../helpers/factories");
  const { signInAs } = await import("../helpers/session");
  const { keyedQuestions, perfectAnswer } = await import("../helpers/answers");
  const { startOrResumeAttempt } = await import("@/lib/data/attempts");
  const { attempts, responses } = await import("@/db/tables");
  const { eq } = await import("drizzle-orm");
  signInAs(await seedUser({ role: "learner" }));
  const { attemptId } = await startOrResumeAttempt({ quizId: "sanctions-quiz", mode: "test" });
  const keyed = await keyedQuestions(db, "sanctions-quiz");
  // Every question right but the first, which is left unanswered.
  const answers = Object.fromEntries(keyed.slice(1).map((q) => [q.questionId, perfectAnswer(q.key)]));
  const response = await post(attemptId, answers);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ attemptId, score: keyed.length - 1, maxScore: keyed.length });
  const [stored] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  expect(stored).toMatchObject({ status: "submitted", score: keyed.length - 1, maxScore: keyed.length, draft: answers });
  expect(stored!.submittedAt).toBeInstanceOf(Date);
  const rows = await db.select().from(responses).where(eq(responses.attemptId, attemptId));
  expect(rows).toHaveLength(keyed.length);
  expect(rows.find((r) => r.questionId === keyed[0]!.questionId)).toMatchObject({ answer: null, credit: 0 });
  // Sent again: the stored result, nothing graded twice.
  expect(await (await post(attemptId, {})).json()).toEqual({ attemptId, score: keyed.length - 1, maxScore: keyed.length });
  expect(await db.$count(responses, eq(responses.attemptId, attemptId))).toBe(keyed.length);
});
