/**
 * The database of a multi-server benchmark or check, on either engine: a
 * temporary SQLite file, or a temporary database created on the PostgreSQL
 * server of an admin URL and dropped afterwards; plus accounts and quiz
 * attempts made through Drizzle so the same code seeds both. Scripts only
 * (bench/two-server.ts, bench/bench-engines.ts); never imported by the app.
 */
import crypto from "node:crypto";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { migrateDatabase } from "../db/migrate";
import { closeDatabase, openDatabase } from "../db/open";
import { migratePostgres, openPostgres, type PgDatabase } from "../db/pg";
import { asBuilder, tableOn, writeOn, type AnyDatabase } from "../lib/data/engine";
import { hashPassword } from "../lib/passwords/password";
import { seededRandom, simulateResponse } from "../lib/demo/simulate";
import { layoutEntry, type AttemptLayout } from "../lib/quiz/layout";
import type { Answer } from "../lib/quiz/types";
import { BENCH_PASSWORD } from "./bench-harness";

export interface SharedDatabase {
  engine: "sqlite" | "postgres";
  /** What every app server on this database gets in its environment (DATABASE_URL absent for SQLite). */
  env: Record<string, string | undefined>;
  db: AnyDatabase;
  /** The temporary PostgreSQL database's name (null for SQLite). */
  pgName: string | null;
  close: () => Promise<void>;
}

/** A database name for a temporary benchmark database: random, so parallel runs on one server don't collide. */
export function temporaryDatabaseName(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
}

/** With `adminUrl` (postgres://…), a new database on that server, dropped by close(); otherwise a new SQLite file in `dir`. */
export async function openSharedDatabase(dir: string, adminUrl: string | undefined, prefix = "civics_two_server"): Promise<SharedDatabase> {
  if (!adminUrl) {
    const file = path.join(dir, "civics.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    return { engine: "sqlite", env: { DATABASE_PATH: file, DATABASE_URL: undefined }, db, pgName: null, close: async () => closeDatabase(db) };
  }
  const name = temporaryDatabaseName(prefix);
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
    // The servers keep their auth-secret file beside DATABASE_PATH, so servers sharing `dir` share the secret.
    env: { DATABASE_URL: url.toString(), DATABASE_PATH: path.join(dir, "unused.db") },
    db,
    pgName: name,
    close: async () => {
      await db.$client.end();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export async function createAccounts(db: AnyDatabase, count: number, prefix: string, role: "student" | "learner" | "teacher" = "student") {
  const users = tableOn(db, "users");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const rows = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), username: `${prefix}${i + 1}`, displayName: `Bench ${prefix}${i + 1}`, passwordHash, role }));
  await writeOn(db, (tx) => tx.insert(users).values(rows));
  return rows.map(({ id, username }) => ({ id, username }));
}

export interface QuizAttempt {
  attemptId: string;
  userId: string;
  /** The JSON body a student's browser would send: realistic answers, some right, some wrong. */
  body: string;
}

/**
 * In-progress attempts made the way startOrResumeAttempt makes them (the current version of each question, a shuffled
 * layout), `perStudent` for each student, each with a realistic answer body to submit; `assignmentId` ties them to an assignment.
 */
export async function createQuizAttempts(db: AnyDatabase, quizId: string, students: { id: string }[], options: { perStudent?: number; assignmentId?: string; seed?: number } = {}) {
  const questions = tableOn(db, "questions");
  const versions = tableOn(db, "questionVersions");
  const attempts = tableOn(db, "attempts");
  const current = await asBuilder(db)
    .select({ questionId: questions.id, versionId: versions.id, data: versions.publicData, key: versions.keyData, difficulty: versions.difficulty })
    .from(questions)
    .innerJoin(versions, eq(versions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)))
    .orderBy(questions.position);
  const random = seededRandom(options.seed ?? 15);
  const rows: (typeof attempts.$inferInsert)[] = [];
  const bodies: QuizAttempt[] = [];
  for (let round = 0; round < (options.perStudent ?? 1); round += 1) {
    for (const student of students) {
      const attemptId = crypto.randomUUID();
      const layout: AttemptLayout = { questions: current.map((q) => layoutEntry(q.questionId, q.versionId, q.data, q.key.key.type === "ordering" ? q.key.key.answer : null, random)) };
      rows.push({ id: attemptId, quizId, userId: student.id, assignmentId: options.assignmentId ?? null, mode: "test", status: "in_progress", layout, draft: {} });
      const ability = random();
      const answers: Record<string, Answer> = {};
      for (const q of current) answers[q.questionId] = simulateResponse(q.data, q.key, ability, q.difficulty, random).answer;
      bodies.push({ attemptId, userId: student.id, body: JSON.stringify({ answers }) });
    }
  }
  // In batches: PostgreSQL takes at most 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await writeOn(db, (tx) => tx.insert(attempts).values(batch));
  }
  return { attempts: bodies, questionCount: current.length, firstQuestion: current[0]! };
}
