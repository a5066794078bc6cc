/**
 * The benchmark's floor for quiz submission (`npm run bench`), served as
 * POST /api/bench/submit?attempt=<id> by app/api/bench/submit/route.bench.ts.
 * It runs the same SQL as submitAttempt in lib/data/attempts.ts (read the
 * attempt, its question versions and keys, insert the graded responses,
 * re-read the credits, close the attempt) with prepared statements, and skips
 * everything else the real route does: session, origin check, zod, answer
 * validation, Drizzle's query builder.
 *
 * On SQLite it runs better-sqlite3's statements on the transaction's
 * connection; on PostgreSQL the same SQL as raw text through the transaction
 * (Drizzle's `execute` hands it to node-postgres as written).
 */
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { getDb } from "@/db/client";
import { isPostgres, writeTransaction, type Database } from "@/db/open";
import { gradeAnswer } from "@/lib/quiz/grade";
import type { Answer, QuestionKeyData } from "@/lib/quiz/types";

interface LayoutRow {
  questions: { questionId: string; versionId: number }[];
}

export async function submitFloor(request: Request): Promise<Response> {
  const attemptId = new URL(request.url).searchParams.get("attempt") ?? "";
  const body = (await request.json()) as { answers?: Record<string, Answer | null> };
  const answers = body.answers ?? {};
  // getDb() outside a transaction is the read-only connection; the transaction's own connection writes.
  const result = await writeTransaction(getDb(), async (tx) => {
    if (isPostgres(tx)) return submitOnPostgres(tx, attemptId, answers);
    const sqlite = tx.$client;
    const attempt = sqlite.prepare("select * from attempts where id = ?").get(attemptId) as { id: string; status: string; layout: string; score: number | null; max_score: number | null } | undefined;
    if (!attempt) return null;
    if (attempt.status === "submitted") return { attemptId, score: attempt.score, maxScore: attempt.max_score };
    const layout = JSON.parse(attempt.layout) as LayoutRow;
    const versionIds = layout.questions.map((q) => q.versionId);
    const marks = versionIds.map(() => "?").join(",");
    sqlite.prepare(`select id, public_data from question_versions where id in (${marks})`).all(...versionIds);
    const keys = new Map(
      (sqlite.prepare(`select id, key_data from question_versions where id in (${marks})`).all(...versionIds) as { id: number; key_data: string }[]).map((row) => [row.id, JSON.parse(row.key_data) as QuestionKeyData]),
    );
    const now = Date.now();
    const insert = sqlite.prepare("insert into responses (attempt_id, question_id, question_version_id, answer, credit, outcome, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing");
    for (const entry of layout.questions) {
      const answer = answers[entry.questionId] ?? null;
      const graded = gradeAnswer(keys.get(entry.versionId)!.key, answer);
      insert.run(attemptId, entry.questionId, entry.versionId, JSON.stringify(answer), graded.credit, graded.outcome, now);
    }
    const credits = sqlite.prepare("select credit from responses where attempt_id = ?").all(attemptId) as { credit: number }[];
    const score = credits.reduce((sum, row) => sum + row.credit, 0);
    sqlite.prepare("update attempts set status = 'submitted', draft = ?, score = ?, max_score = ?, submitted_at = ?, updated_at = ? where id = ?").run(JSON.stringify(answers), score, layout.questions.length, now, now, attemptId);
    return { attemptId, score, maxScore: layout.questions.length };
  });
  return result ? Response.json(result) : new Response("Not found", { status: 404 });
}

type Submitted = { attemptId: string; score: number | null; maxScore: number | null };

async function submitOnPostgres(tx: Database, attemptId: string, answers: Record<string, Answer | null>): Promise<Submitted | null> {
  const run = async <Row>(query: ReturnType<typeof sql>) => (await (tx as unknown as NodePgDatabase).execute(query)).rows as Row[];
  const [attempt] = await run<{ status: string; layout: LayoutRow; score: number | null; max_score: number | null }>(sql`select status, layout, score, max_score from attempts where id = ${attemptId}`);
  if (!attempt) return null;
  if (attempt.status === "submitted") return { attemptId, score: attempt.score, maxScore: attempt.max_score };
  const layout = attempt.layout;
  const versionIds = layout.questions.map((q) => q.versionId);
  await run(sql`select id, public_data from question_versions where id = any(${sql.param(versionIds)}::int[])`);
  const keys = new Map(
    (await run<{ id: number; key_data: QuestionKeyData }>(sql`select id, key_data from question_versions where id = any(${sql.param(versionIds)}::int[])`)).map((row) => [row.id, row.key_data]),
  );
  const now = new Date();
  for (const entry of layout.questions) {
    const answer = answers[entry.questionId] ?? null;
    const graded = gradeAnswer(keys.get(entry.versionId)!.key, answer);
    await run(
      sql`insert into responses (attempt_id, question_id, question_version_id, answer, credit, outcome, created_at) values (${attemptId}, ${entry.questionId}, ${entry.versionId}, ${JSON.stringify(answer)}::jsonb, ${graded.credit}, ${graded.outcome}, ${now}) on conflict do nothing`,
    );
  }
  const credits = await run<{ credit: number }>(sql`select credit from responses where attempt_id = ${attemptId}`);
  const score = credits.reduce((sum, row) => sum + row.credit, 0);
  await run(
    sql`update attempts set status = 'submitted', draft = ${JSON.stringify(answers)}::jsonb, score = ${score}, max_score = ${layout.questions.length}, submitted_at = ${now}, updated_at = ${now} where id = ${attemptId}`,
  );
  return { attemptId, score, maxScore: layout.questions.length };
}
