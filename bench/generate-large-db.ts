/**
 * `npm run bench:generate -- [--out data/large.db] [--students 10000] [--classes 300] [--responses 1000000]`
 *
 * Builds a large, realistic database for dashboard benchmarks: the real
 * curriculum, one teacher per 3 classes, students spread over classes, every
 * quiz assigned to every class, and simulated attempts until the response
 * count is reached. Writes straight through SQLite prepared statements (a
 * bulk loader, not app code). Never touches a database it wasn't pointed at.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/passwords/password";
import { migrateDatabase } from "../db/migrate";
import { openDatabase } from "../db/open";
import { loadContent } from "../lib/content/load";
import { syncContent } from "../lib/data/content-sync";
import { seededRandom, simulateResponse } from "../lib/demo/simulate";
import type { PublicQuestionData, QuestionKeyData } from "../lib/quiz/types";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data/large.db" },
    students: { type: "string", default: "10000" },
    classes: { type: "string", default: "300" },
    responses: { type: "string", default: "1000000" },
    seed: { type: "string", default: "42" },
  },
});

async function main() {
  const out = path.resolve(values.out);
  const studentCount = Number(values.students);
  const classCount = Number(values.classes);
  const responseTarget = Number(values.responses);
  if (fs.existsSync(out)) fs.rmSync(out);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(out + suffix, { force: true });
  const started = performance.now();
  const db = openDatabase(out);
  migrateDatabase(db);
  const { content } = loadContent();
  await syncContent(db, content);
  const sqlite = db.$client;
  const random = seededRandom(Number(values.seed));
  const passwordHash = await hashPassword("large database password");
  const now = Date.now();

  const quizRows = sqlite.prepare("select q.id as quizId, q.lesson_id as lessonId from quizzes q where q.owner_id is null and q.retired = 0").all() as { quizId: string; lessonId: string }[];
  const versions = sqlite
    .prepare(
      "select qs.quiz_id as quizId, qs.id as questionId, v.id as versionId, v.public_data as publicData, v.key_data as keyData, v.difficulty as difficulty from questions qs join question_versions v on v.id = qs.current_version_id where qs.retired = 0 order by qs.position",
    )
    .all() as { quizId: string; questionId: string; versionId: number; publicData: string; keyData: string; difficulty: number }[];
  const questionsByQuiz = new Map<string, { questionId: string; versionId: number; data: PublicQuestionData; key: QuestionKeyData; difficulty: number }[]>();
  for (const v of versions) {
    const list = questionsByQuiz.get(v.quizId) ?? [];
    list.push({ questionId: v.questionId, versionId: v.versionId, data: JSON.parse(v.publicData) as PublicQuestionData, key: JSON.parse(v.keyData) as QuestionKeyData, difficulty: v.difficulty });
    questionsByQuiz.set(v.quizId, list);
  }

  const insertUser = sqlite.prepare("insert into users (id, username, display_name, password_hash, role, token_version, must_change_password, created_at, updated_at) values (?, ?, ?, ?, ?, 0, 0, ?, ?)");
  const insertClass = sqlite.prepare("insert into classes (id, teacher_id, name, join_code, created_at, updated_at) values (?, ?, ?, null, ?, ?)");
  const insertMember = sqlite.prepare("insert into class_members (class_id, student_id, created_at) values (?, ?, ?)");
  const insertAssignment = sqlite.prepare("insert into assignments (id, class_id, lesson_id, include_lesson, quiz_id, due_at, quiz_mode, created_at) values (?, ?, ?, 1, ?, ?, 'test', ?)");
  const insertAttempt = sqlite.prepare(
    "insert into attempts (id, quiz_id, user_id, assignment_id, mode, status, layout, draft, score, max_score, created_at, submitted_at, updated_at) values (?, ?, ?, ?, 'test', 'submitted', ?, '{}', ?, ?, ?, ?, ?)",
  );
  const insertResponse = sqlite.prepare("insert into responses (attempt_id, question_id, question_version_id, answer, credit, outcome, created_at) values (?, ?, ?, ?, ?, ?, ?)");

  const classes: { id: string; students: { id: string; ability: number }[]; assignments: { id: string; quizId: string }[] }[] = [];
  sqlite.transaction(() => {
    const teacherCount = Math.ceil(classCount / 3);
    const teachers = Array.from({ length: teacherCount }, (_, i) => {
      const id = crypto.randomUUID();
      insertUser.run(id, `teacher${i + 1}`, `Teacher ${i + 1}`, passwordHash, "teacher", now, now);
      return id;
    });
    for (let c = 0; c < classCount; c += 1) {
      const id = crypto.randomUUID();
      insertClass.run(id, teachers[c % teacherCount]!, `Class ${c + 1}`, now, now);
      const assignments = quizRows.map((q, i) => {
        const assignmentId = crypto.randomUUID();
        insertAssignment.run(assignmentId, id, q.lessonId, q.quizId, now + (i - 2) * 7 * 86_400_000, now);
        return { id: assignmentId, quizId: q.quizId };
      });
      classes.push({ id, students: [], assignments });
    }
    for (let s = 0; s < studentCount; s += 1) {
      const id = crypto.randomUUID();
      insertUser.run(id, `student${s + 1}`, `Student ${s + 1}`, passwordHash, "student", now, now);
      const home = classes[s % classCount]!;
      insertMember.run(home.id, id, now);
      home.students.push({ id, ability: random() });
    }
  })();

  let responses = 0;
  let attempts = 0;
  const batch = sqlite.transaction((rows: (() => void)[]) => rows.forEach((run) => run()));
  // Round-robin over classes, students and assignments until the target is met.
  outer: for (let round = 0; ; round += 1) {
    const pending: (() => void)[] = [];
    for (const klass of classes) {
      const assignment = klass.assignments[round % klass.assignments.length]!;
      const questions = questionsByQuiz.get(assignment.quizId) ?? [];
      for (const student of klass.students) {
        if (responses >= responseTarget) break;
        if (random() < 0.1) continue;
        const attemptId = crypto.randomUUID();
        const submittedAt = now - Math.floor(random() * 60 * 86_400_000);
        const graded = questions.map((q) => ({ q, ...simulateResponse(q.data, q.key, student.ability, q.difficulty, random) }));
        const score = graded.reduce((sum, g) => sum + g.credit, 0);
        const layout = JSON.stringify({ questions: questions.map((q) => ({ questionId: q.questionId, versionId: q.versionId })) });
        pending.push(() => {
          insertAttempt.run(attemptId, assignment.quizId, student.id, assignment.id, layout, score, questions.length, submittedAt - 600_000, submittedAt, submittedAt);
          for (const g of graded) insertResponse.run(attemptId, g.q.questionId, g.q.versionId, JSON.stringify(g.answer), g.credit, g.outcome, submittedAt);
        });
        responses += questions.length;
        attempts += 1;
      }
      if (pending.length >= 2000) batch(pending.splice(0));
      if (responses >= responseTarget) {
        batch(pending.splice(0));
        break outer;
      }
    }
    batch(pending.splice(0));
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(JSON.stringify({ out: path.relative(process.cwd(), out), students: studentCount, classes: classCount, attempts, responses, seconds: Number(seconds), bytes: fs.statSync(out).size }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
