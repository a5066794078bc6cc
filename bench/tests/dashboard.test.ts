/**
 * Class dashboard and item analysis on the large database
 * (`npm run bench:generate`, then `npm run bench:dashboard`). Times the real
 * data-access functions with a faked teacher session, and the raw SQL they
 * run, for 20 classes. Writes a JSON summary to BENCH_DASHBOARD_OUT if set.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { openDatabase, type Database } from "@/db/open";
import { getClassGrid } from "@/lib/data/dashboard";
import { getQuizItemAnalysis } from "@/lib/data/item-analysis";
import { signInAs } from "../../tests/helpers/session";

vi.mock("@/lib/auth/config", () => import("../../tests/helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../../tests/helpers/session-token-mock"));

const LARGE_DB = path.resolve(process.env.BENCH_LARGE_DB ?? "data/large.db");
const CLASSES = 20;
const REPEATS = 3;

let db: Database;
interface Sample {
  classId: string;
  teacher: { id: string; displayName: string; username: string };
  quizId: string;
  students: number;
}
let samples: Sample[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarize(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!) };
}

async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

beforeAll(() => {
  if (!fs.existsSync(LARGE_DB)) throw new Error(`${LARGE_DB} is missing: run \`npm run bench:generate\` first.`);
  db = openDatabase(LARGE_DB);
  (globalThis as { civicsDb?: Database }).civicsDb = db;
  const rows = db.$client
    .prepare(
      `select c.id as classId, u.id as teacherId, u.display_name as displayName, u.username as username,
              (select count(*) from class_members m where m.class_id = c.id) as students,
              (select a.quiz_id from assignments a where a.class_id = c.id and a.quiz_id is not null order by a.due_at limit 1) as quizId
         from classes c join users u on u.id = c.teacher_id order by c.name limit ?`,
    )
    .all(CLASSES) as { classId: string; teacherId: string; displayName: string; username: string; students: number; quizId: string }[];
  samples = rows.map((r) => ({ classId: r.classId, teacher: { id: r.teacherId, displayName: r.displayName, username: r.username }, quizId: r.quizId, students: r.students }));
});

afterAll(() => db?.$client.close());

test("class dashboard and item analysis on the large database", async () => {
  const counts = db.$client.prepare("select (select count(*) from users where role = 'student') as students, (select count(*) from classes) as classes, (select count(*) from responses) as responses").get();
  const grid: number[] = [];
  const analysis: number[] = [];
  const rawGrid: number[] = [];
  const rawAnalysis: number[] = [];
  const rawGridSql = db.$client.prepare(
    `select a.user_id, a.assignment_id, a.status, a.score, a.max_score, a.submitted_at from attempts a
      where a.assignment_id in (select id from assignments where class_id = ?) and a.user_id in (select student_id from class_members where class_id = ?)`,
  );
  const rawAnalysisSql = db.$client.prepare(
    `select r.attempt_id, r.question_id, r.credit, r.answer from responses r where r.attempt_id in (
       select a.id from attempts a where a.status = 'submitted'
          and a.assignment_id in (select id from assignments where class_id = ? and quiz_id = ?)
          and a.user_id in (select student_id from class_members where class_id = ?))`,
  );
  // Warm-up: the first call pays module loading and SQLite page cache.
  signInAs({ ...samples[0]!.teacher, role: "teacher" });
  await getClassGrid(samples[0]!.classId);
  await getQuizItemAnalysis(samples[0]!.classId, samples[0]!.quizId);
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    for (const sample of samples) {
      signInAs({ ...sample.teacher, role: "teacher" });
      grid.push(await time(() => getClassGrid(sample.classId)));
      analysis.push(await time(() => getQuizItemAnalysis(sample.classId, sample.quizId)));
      rawGrid.push(await time(() => rawGridSql.all(sample.classId, sample.classId)));
      rawAnalysis.push(await time(() => rawAnalysisSql.all(sample.classId, sample.quizId, sample.classId)));
    }
  }
  signInAs({ ...samples[0]!.teacher, role: "teacher" });
  const example = await getClassGrid(samples[0]!.classId);
  expect(example.rows.length).toBe(samples[0]!.students);
  const result = {
    database: counts,
    studentsPerClass: samples[0]!.students,
    assignmentsPerClass: example.assignments.length,
    classGrid: summarize(grid),
    itemAnalysis: summarize(analysis),
    rawGridSql: summarize(rawGrid),
    rawItemAnalysisSql: summarize(rawAnalysis),
  };
  console.log(JSON.stringify(result, null, 2));
  if (process.env.BENCH_DASHBOARD_OUT) fs.writeFileSync(process.env.BENCH_DASHBOARD_OUT, JSON.stringify(result, null, 2));
});
