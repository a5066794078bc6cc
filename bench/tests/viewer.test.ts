/**
 * The data-layer cost of the per-reader answer of each shared page (`GET /api/me`, which proxy.ts
 * answers and also sends with a signed-in document load): `answerViewer` called in-process, as the
 * proxy calls it, for a lesson, the catalog and a quiz's start page, on a WAL database file with the
 * real content, for a self-learner and a student with some history (reading progress, submitted
 * attempts, review cards, an assignment). CPU ms per answer of this process, after a warm-up.
 * `npm run bench:dashboard` runs this file too; BENCH_VIEWER_PROFILE=<file.cpuprofile> writes a V8
 * profile of the timed loops.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase, type Database } from "@/db/open";
import { createClass, joinClassAsCurrentStudent } from "@/lib/data/classes";
import { syncContent } from "@/lib/data/content-sync";
import { listMyAttempts, openAttemptsAt, submitAttempt } from "@/lib/data/attempts";
import { createAssignment, getMyQuizAssignment, listMyAssignments } from "@/lib/data/assignments";
import { listCatalogLessons } from "@/lib/data/lessons";
import { getMyMastery } from "@/lib/data/mastery";
import { listMyNextSteps } from "@/lib/data/next-steps";
import { listOwnReadingProgress, saveOwnReadingProgress } from "@/lib/data/reading-progress";
import { countDueReviews } from "@/lib/data/review";

import { answerViewer } from "@/lib/data/viewer-answer";
import type { AnswersInput } from "@/lib/validations/attempts";
import type { ViewerQuery } from "@/lib/viewer";
import type * as SessionTokenModule from "@/lib/data/session-token";
import { createAttempts, createUsers, curriculumQuiz } from "@/bench/bench-harness";
import { realContent } from "../../tests/helpers/db";
import { signInAs, signOutTestUser } from "../../tests/helpers/session";

vi.mock("@/lib/auth/config", () => import("../../tests/helpers/auth-config-mock"));
// Seeding goes through the DAL with the test helper's session; the version check the proxy's answer makes (currentAuthState) stays real.
vi.mock("@/lib/data/session-token", async (original) => ({
  ...(await original<typeof SessionTokenModule>()),
  auth: async () => (await import("../../tests/helpers/session")).currentTestSession(),
}));

const ROUNDS = Number(process.env.BENCH_VIEWER_ROUNDS ?? 400);
const LESSON = "who-is-responsible";

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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "civics-viewer-bench-"));
  db = openDatabase(path.join(dir, "civics.db"));
  migrateDatabase(db);
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  await syncContent(db, realContent());
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const query = (over: Partial<ViewerQuery>): ViewerQuery => ({ lesson: null, catalog: false, quiz: null, assignment: null, ...over });

test(`answerViewer: ${ROUNDS} answers of each form`, async () => {
  const [learner] = await createUsers(db.$client, 1, "learner", "bench-viewer-learner-");
  const [student] = await createUsers(db.$client, 1, "student", "bench-viewer-student-");
  const [teacher] = await createUsers(db.$client, 1, "teacher", "bench-viewer-teacher-");
  const { quizId } = curriculumQuiz(db.$client);
  // Some history for both readers: three submitted attempts each (so mastery, review cards and the attempt list have rows) and progress in two lessons.
  for (const user of [learner!, student!]) {
    const role = user === learner ? "learner" : "student";
    signInAs({ id: user.id, name: "Bench", role, username: user.username });
    for (const entry of createAttempts(db.$client, quizId, [user], 3)) await submitAttempt(entry.attemptId, (JSON.parse(entry.body) as { answers: AnswersInput }).answers);
    await saveOwnReadingProgress({ lessonId: LESSON, level: 2, sectionIds: ["s-the-news"], lastAnchor: "p5" });
  }
  signInAs({ id: teacher!.id, name: "Bench", role: "teacher", username: teacher!.username });
  const created = await createClass("Bench class");
  const assignment = await createAssignment({ classId: created.id, lessonId: LESSON, includeLesson: true, includeQuiz: true, dueAt: new Date(Date.now() + 86_400_000), quizMode: "practice" });
  signInAs({ id: student!.id, name: "Bench", role: "student", username: student!.username });
  await joinClassAsCurrentStudent(created.joinCode);
  signOutTestUser();

  const forms: [string, ViewerQuery][] = [
    ["lesson", query({ lesson: LESSON })],
    ["catalog", query({ catalog: true })],
    ["quiz", query({ quiz: quizId })],
    ["quiz with assignment", query({ quiz: quizId, assignment: assignment.id })],
  ];
  const results: Record<string, number> = {};
  const profiler = process.env.BENCH_VIEWER_PROFILE ? await startProfile() : null;
  for (const [who, user, role] of [["learner", learner!, "learner"], ["student", student!, "student"]] as const) {
    const token = { uid: user.id, tv: 0, role };
    for (const [name, form] of forms) {
      if (who === "learner" && form.assignment) continue;
      for (let i = 0; i < 30; i += 1) await answerViewer(token, form);
      const cpu = process.cpuUsage();
      for (let i = 0; i < ROUNDS; i += 1) expect((await answerViewer(token, form)).user).not.toBeNull();
      const used = process.cpuUsage(cpu);
      results[`${who} ${name}`] = Math.round(((used.user + used.system) / 1000 / ROUNDS) * 1000) / 1000;
    }
  }
  if (profiler) fs.writeFileSync(process.env.BENCH_VIEWER_PROFILE!, JSON.stringify(await profiler()));
  console.log("answerViewer CPU ms per answer", JSON.stringify(results), "load", os.loadavg().map((n) => n.toFixed(1)).join(" "));

  // The parts, each alone, as the student (what the catalog's and quiz's answers are made of).
  signInAs({ id: student!.id, name: "Bench", role: "student", username: student!.username });
  const parts: [string, () => Promise<unknown>][] = [
    ["listCatalogLessons", () => listCatalogLessons()],
    ["listOwnReadingProgress", () => listOwnReadingProgress()],
    ["countDueReviews", () => countDueReviews()],
    ["getMyMastery", () => getMyMastery()],
    ["listMyAssignments", () => listMyAssignments()],
    ["listMyNextSteps", () => listMyNextSteps({ limit: 3 })],
    ["getMyQuizAssignment", () => getMyQuizAssignment(quizId)],
    ["openAttemptsAt", () => openAttemptsAt(quizId)],
    ["listMyAttempts", () => listMyAttempts({ quizId, limit: 20 })],
  ];
  const partResults: Record<string, number> = {};
  for (const [name, run] of parts) {
    for (let i = 0; i < 30; i += 1) await run();
    const cpu = process.cpuUsage();
    for (let i = 0; i < ROUNDS; i += 1) await run();
    const used = process.cpuUsage(cpu);
    partResults[name] = Math.round(((used.user + used.system) / 1000 / ROUNDS) * 1000) / 1000;
  }
  signOutTestUser();
  console.log("parts, CPU ms per call", JSON.stringify(partResults));
});
