/**
 * Grade exports for a class's own teacher: a gradebook CSV that Canvas's
 * gradebook import accepts (Student, SIS Login ID, Section, one column per
 * quiz assignment) and every response of every attempt.
 */
import "server-only";
import { stringify } from "csv-stringify/sync";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { attempts, questionVersions, responses, users } from "../../db/tables";
import { requireUser } from "./session";
import { describeAnswer } from "../quiz/describe";
import { getOwnedClassOrThrow } from "./class-access";
import { getClassGrid } from "./dashboard";

/** Spreadsheet apps run cells starting with these as formulas (CSV injection). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function assignmentColumn(title: string, dueAt: Date | null): string {
  return dueAt ? `${title} (due ${dueAt.toISOString().slice(0, 10)})` : title;
}

export async function buildGradebookCsv(classId: string): Promise<{ filename: string; csv: string }> {
  const grid = await getClassGrid(classId);
  const teacher = await requireUser(["teacher"]);
  const owned = await getOwnedClassOrThrow(getDb(), teacher.id, classId);
  const quizAssignments = grid.assignments.filter((a) => a.quizId);
  const header = ["Student", "SIS Login ID", "Section", ...quizAssignments.map((a) => assignmentColumn(a.quizTitle ?? a.lessonTitle, a.dueAt))];
  const rows = grid.rows.map((row) => [
    safeCell(row.displayName),
    safeCell(row.username),
    safeCell(owned.name),
    ...quizAssignments.map((a) => {
      const best = row.cells[a.id]?.bestScore;
      return best === null || best === undefined ? "" : (Math.round(best * 1000) / 10).toString();
    }),
  ]);
  // Canvas reads a "Points Possible" row right under the header.
  const pointsPossible = ["Points Possible", "", "", ...quizAssignments.map(() => "100")];
  return { filename: `${slugForFile(owned.name)}-gradebook.csv`, csv: stringify([header, pointsPossible, ...rows]) };
}

export async function buildResponsesCsv(classId: string): Promise<{ filename: string; csv: string }> {
  const grid = await getClassGrid(classId);
  const teacher = await requireUser(["teacher"]);
  const owned = await getOwnedClassOrThrow(getDb(), teacher.id, classId);
  const assignmentIds = grid.assignments.map((a) => a.id);
  const studentIds = grid.rows.map((r) => r.studentId);
  const header = ["Student", "SIS Login ID", "Assignment", "Attempt", "Mode", "Submitted at", "Question", "Question version", "Question type", "Prompt", "Answer", "Credit", "Outcome"];
  if (assignmentIds.length === 0 || studentIds.length === 0) return { filename: `${slugForFile(owned.name)}-responses.csv`, csv: stringify([header]) };
  const rows = await getDb()
    .select({
      displayName: users.displayName,
      username: users.username,
      assignmentId: attempts.assignmentId,
      attemptId: attempts.id,
      mode: attempts.mode,
      submittedAt: attempts.submittedAt,
      questionId: responses.questionId,
      version: questionVersions.version,
      type: questionVersions.type,
      publicData: questionVersions.publicData,
      answer: responses.answer,
      credit: responses.credit,
      outcome: responses.outcome,
    })
    .from(responses)
    .innerJoin(attempts, eq(attempts.id, responses.attemptId))
    .innerJoin(users, eq(users.id, attempts.userId))
    .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
    .where(and(inArray(attempts.assignmentId, assignmentIds), inArray(attempts.userId, studentIds), eq(attempts.status, "submitted")))
    .orderBy(asc(users.displayName), asc(attempts.submittedAt), asc(responses.questionId));
  const titles = new Map(grid.assignments.map((a) => [a.id, a.quizTitle ?? a.lessonTitle]));
  const attemptNumbers = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (attemptNumbers.has(row.attemptId)) continue;
    const key = `${row.username}|${row.assignmentId}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    attemptNumbers.set(row.attemptId, n);
  }
  const body = rows.map((row) => [
    safeCell(row.displayName),
    safeCell(row.username),
    safeCell(titles.get(row.assignmentId ?? "") ?? ""),
    String(attemptNumbers.get(row.attemptId) ?? 1),
    row.mode,
    row.submittedAt?.toISOString() ?? "",
    row.questionId,
    String(row.version),
    row.type,
    safeCell(row.publicData.prompt),
    // The answer as the student saw it (option text, "1. … 2. …" for orderings), not the stored ids.
    safeCell(describeAnswer(row.publicData, row.answer ?? null).join("; ")),
    String(row.credit),
    row.outcome,
  ]);
  return { filename: `${slugForFile(owned.name)}-responses.csv`, csv: stringify([header, ...body]) };
}

function slugForFile(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class";
}
