/**
 * `npm run demo [-- --db data/demo.db] [--force]`
 *
 * Seeds a demo school into its OWN database file (default data/demo.db, never
 * the main one unless you name it): a demo teacher, a class of 28 students
 * with realistic attempt history, reading progress and a self-learner. Then
 * start the app on it with `DATABASE_PATH=data/demo.db npm start`.
 *
 * Credentials (also in the README):
 *   teacher  demo.teacher   / civics demo teacher
 *   students demo.student01 … demo.student28 / civics demo student
 *   learner  demo.learner   / civics demo learner
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { asc, eq } from "drizzle-orm";
import { migrateDatabase } from "../db/migrate";
import { openDatabase, writeTransaction } from "../db/open";
import { assignments, attempts, classMembers, classes, lessonLevels, lessons, questions, questionVersions, quizzes, readingProgress, responses, reviewCards, users } from "../db/schema";
import { hashPassword } from "../lib/passwords/password";
import { zonedLocalToUtc } from "../lib/dates";
import { checkContent } from "../lib/content/check";
import { loadContent } from "../lib/content/load";
import { syncContent } from "../lib/data/content-sync";
import { seededRandom, simulateResponse } from "../lib/demo/simulate";
import { layoutEntry } from "../lib/quiz/layout";
import { scheduleAnswer, type CardState } from "../lib/review/schedule";
import { DEMO_JOIN_CODE } from "../lib/demo/join-code";

const FIRST_NAMES = ["Ada", "Bo", "Carmen", "Dev", "Elif", "Farah", "Gabe", "Hana", "Ines", "Jamal", "Kai", "Lena", "Malik", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Vera", "Wes", "Ximena", "Yusuf", "Zoe", "Ana", "Ben"];
const LAST_INITIALS = "ABCDEFGHIJKLMNOPRSTUVWYZABCD";
const DAY = 86_400_000;
/** The demo teacher teaches in Chicago: due times are 3 pm there. */
const DEMO_TIME_ZONE = "America/Chicago";

const { values } = parseArgs({ options: { db: { type: "string", default: "data/demo.db" }, force: { type: "boolean", default: false }, seed: { type: "string", default: "2017" } } });

async function main() {
  const file = path.resolve(values.db);
  if (fs.existsSync(file) && !values.force) {
    console.error(`${values.db} already exists. Use --force to replace it with a fresh demo database.`);
    process.exit(1);
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  const { content, problems } = loadContent();
  if (problems.length || checkContent(content).length) throw new Error("content/ has problems; run npm run content:check");
  await syncContent(db, content);
  const random = seededRandom(Number(values.seed));
  const now = Date.now();
  const [teacherHash, studentHash, learnerHash] = await Promise.all([hashPassword("civics demo teacher"), hashPassword("civics demo student"), hashPassword("civics demo learner")]);

  const quizRows = await db.select({ id: quizzes.id, lessonId: quizzes.lessonId, position: lessons.position }).from(quizzes).innerJoin(lessons, eq(lessons.id, quizzes.lessonId)).orderBy(asc(lessons.position));
  const questionRows = await db
    .select({ quizId: questions.quizId, questionId: questions.id, versionId: questionVersions.id, data: questionVersions.publicData, key: questionVersions.keyData, difficulty: questionVersions.difficulty })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(eq(questions.retired, false))
    .orderBy(asc(questions.position));
  const sections = new Map<string, string[]>();
  for (const level of await db.select().from(lessonLevels).where(eq(lessonLevels.level, 2))) {
    sections.set(level.lessonId, level.body.sections.map((s) => s.id));
  }

  await writeTransaction(db, async (tx) => {
    const [teacher] = await tx.insert(users).values({ role: "teacher", username: "demo.teacher", displayName: "Ms. Rivera", passwordHash: teacherHash }).returning({ id: users.id });
    const [learner] = await tx.insert(users).values({ role: "learner", username: "demo.learner", displayName: "Sam (self-learner)", passwordHash: learnerHash }).returning({ id: users.id });
    const [klass] = await tx.insert(classes).values({ teacherId: teacher!.id, name: "Civics · Period 2", joinCode: DEMO_JOIN_CODE }).returning({ id: classes.id });
    // Due dates: the first three lessons are past due, the last two upcoming.
    const assigned = [];
    for (const [index, quiz] of quizRows.entries()) {
      // Due at 3 pm in the teacher's zone (Chicago), a week apart.
      const dueDay = new Date(now + (index - 2.5) * 7 * DAY).toISOString().slice(0, 10);
      const dueAt = zonedLocalToUtc(`${dueDay}T15:00`, DEMO_TIME_ZONE);
      const quizMode = index === 1 ? ("practice" as const) : ("test" as const);
      const [row] = await tx
        .insert(assignments)
        .values({
          classId: klass!.id,
          lessonId: quiz.lessonId,
          quizId: quiz.id,
          includeLesson: true,
          dueAt,
          quizMode,
          attemptLimit: index === 0 ? 2 : null,
          timeZone: DEMO_TIME_ZONE,
          instructions: index === 3 ? "Read at your level first, then take the quiz in one sitting. It counts as a test." : "",
          createdAt: new Date(dueAt.getTime() - 10 * DAY),
        })
        .returning({ id: assignments.id });
      assigned.push({ id: row!.id, quizId: quiz.id, lessonId: quiz.lessonId, dueAt, quizMode });
    }
    for (let s = 0; s < 28; s += 1) {
      const ability = 0.15 + random() * 0.85;
      const diligence = random();
      const [student] = await tx
        .insert(users)
        .values({ role: "student", username: `demo.student${String(s + 1).padStart(2, "0")}`, displayName: `${FIRST_NAMES[s]} ${LAST_INITIALS[s]}.`, passwordHash: studentHash, createdById: teacher!.id })
        .returning({ id: users.id });
      await tx.insert(classMembers).values({ classId: klass!.id, studentId: student!.id });
      for (const assignment of assigned) {
        const past = assignment.dueAt.getTime() < now;
        const engaged = past ? diligence > 0.12 : diligence > 0.55;
        if (!engaged) continue;
        const lessonSections = sections.get(assignment.lessonId) ?? [];
        const readAll = random() < 0.8;
        const readAt = new Date(Math.min(now, assignment.dueAt.getTime() - random() * 5 * DAY));
        await tx.insert(readingProgress).values({ userId: student!.id, lessonId: assignment.lessonId, level: ability < 0.4 ? 1 : ability > 0.8 ? 3 : 2, sectionsRead: readAll ? lessonSections : lessonSections.slice(0, 2), lastAnchor: null, completedAt: readAll ? readAt : null, updatedAt: readAt });
        const tries = past && random() < 0.25 ? 2 : 1;
        for (let t = 0; t < tries; t += 1) {
          const late = past && random() < 0.12;
          const submittedAt = new Date(Math.min(now - DAY / 24, assignment.dueAt.getTime() + (late ? random() * 2 * DAY : -random() * 4 * DAY)));
          const quizQuestions = questionRows.filter((q) => q.quizId === assignment.quizId);
          const graded = quizQuestions.map((q) => ({ q, ...simulateResponse(q.data, q.key, Math.min(1, ability + t * 0.15), q.difficulty, random) }));
          const layout = { questions: quizQuestions.map((q) => layoutEntry(q.questionId, q.versionId, q.data, null, random)) };
          const [attempt] = await tx
            .insert(attempts)
            .values({
              quizId: assignment.quizId,
              userId: student!.id,
              assignmentId: assignment.id,
              mode: assignment.quizMode,
              status: "submitted",
              layout,
              draft: Object.fromEntries(graded.map((g) => [g.q.questionId, g.answer])),
              score: graded.reduce((sum, g) => sum + g.credit, 0),
              maxScore: quizQuestions.length,
              startedAt: new Date(submittedAt.getTime() - 20 * 60_000),
              submittedAt,
              updatedAt: submittedAt,
            })
            .returning({ id: attempts.id });
          for (const g of graded) {
            await tx.insert(responses).values({ attemptId: attempt!.id, questionId: g.q.questionId, questionVersionId: g.q.versionId, answer: g.answer, credit: g.credit, outcome: g.outcome, answeredAt: submittedAt });
          }
        }
      }
    }

    // The self-learner: three weeks of practice on six days, getting better, so /progress has a
    // trend to show; two lessons finished and one half read; review cards from every answer.
    const learnerDays = [20, 17, 13, 9, 5, 2];
    const cards = new Map<string, { credit: number; at: Date }[]>();
    for (const [index, daysAgo] of learnerDays.entries()) {
      const quiz = quizRows[index % 3]!;
      const at = new Date(now - daysAgo * DAY + (random() - 0.5) * 4 * 3_600_000);
      const quizQuestions = questionRows.filter((q) => q.quizId === quiz.id);
      const graded = quizQuestions.map((q) => ({ q, ...simulateResponse(q.data, q.key, 0.35 + index * 0.11, q.difficulty, random) }));
      const [attempt] = await tx
        .insert(attempts)
        .values({
          quizId: quiz.id,
          userId: learner!.id,
          mode: index % 2 ? "test" : "practice",
          status: "submitted",
          layout: { questions: quizQuestions.map((q) => layoutEntry(q.questionId, q.versionId, q.data, null, random)) },
          draft: Object.fromEntries(graded.map((g) => [g.q.questionId, g.answer])),
          score: graded.reduce((sum, g) => sum + g.credit, 0),
          maxScore: quizQuestions.length,
          startedAt: new Date(at.getTime() - 15 * 60_000),
          submittedAt: at,
          updatedAt: at,
        })
        .returning({ id: attempts.id });
      for (const g of graded) {
        await tx.insert(responses).values({ attemptId: attempt!.id, questionId: g.q.questionId, questionVersionId: g.q.versionId, answer: g.answer, credit: g.credit, outcome: g.outcome, answeredAt: at });
        cards.set(g.q.questionId, [...(cards.get(g.q.questionId) ?? []), { credit: g.credit, at }]);
      }
    }
    for (const [questionId, history] of cards) {
      let card: CardState | null = null;
      for (const { credit, at } of history) card = scheduleAnswer(card, credit, at).card;
      await tx.insert(reviewCards).values({ userId: learner!.id, questionId, ...card! });
    }
    for (const [index, quiz] of quizRows.slice(0, 3).entries()) {
      const lessonSections = sections.get(quiz.lessonId) ?? [];
      const finished = index < 2;
      const at = new Date(now - (learnerDays[index * 2]! + 0.1) * DAY);
      await tx.insert(readingProgress).values({ userId: learner!.id, lessonId: quiz.lessonId, level: 2, sectionsRead: finished ? lessonSections : lessonSections.slice(0, 2), lastAnchor: null, completedAt: finished ? at : null, updatedAt: at });
    }
  });
  const attemptCount = await db.$count(attempts, eq(attempts.status, "submitted"));
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  console.log(`Demo database ready at ${path.relative(process.cwd(), file)}: 28 students, ${attemptCount} submitted attempts.
Start it with:  DATABASE_PATH=${path.relative(process.cwd(), file)} npm start
Sign in as:     demo.teacher / civics demo teacher   (class "Civics · Period 2", code ${DEMO_JOIN_CODE})
                demo.student01 … demo.student28 / civics demo student
                demo.learner / civics demo learner`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
