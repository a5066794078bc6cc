/**
 * The teacher-only ways a quiz's answer key leaves Civics Lab: LMS exports
 * (Common Cartridge/QTI, Moodle XML, GIFT) and the printed answer key. Both
 * read `question_versions.key_data`, so both start with requireUser(["teacher"])
 * and only see quizzes the teacher may assign: the curriculum and the teacher's
 * own imported quizzes. Any other quiz is `not_found`, like everywhere else.
 */
import "server-only";
import { and, asc, desc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { assignments, classes, lessonLevels, lessons, questions, questionVersions, quizzes } from "../../db/tables";
import { getSessionUser, requireUser } from "./session";
import { AppError } from "../errors";
import { writeGift } from "../interop/gift";
import { writeMoodleXml } from "../interop/moodle-xml";
import { writeCommonCartridge } from "../interop/qti12";
import type { ExportFormat, ExportQuiz, WrittenExport } from "../interop/types";
import { evidenceSentence } from "../interop/answer-key";
import { describeKey } from "../quiz/describe";
import type { QuestionType } from "../quiz/types";
import { nearestLevel } from "../reading/levels";
import { DEFAULT_READING_LEVEL } from "./quizzes";

export interface TeacherQuiz extends ExportQuiz {
  lessonId: string;
  questions: (ExportQuiz["questions"][number] & { evidenceAnchor: string })[];
}

/** Quizzes a teacher may assign, and so export and print with keys: the curriculum's and their own. */
function assignableQuiz(quizId: string, teacherId: string) {
  return and(
    eq(quizzes.id, quizId),
    eq(quizzes.retired, false),
    eq(lessons.retired, false),
    or(isNull(quizzes.ownerId), eq(quizzes.ownerId, teacherId)),
    or(isNull(lessons.ownerId), eq(lessons.ownerId, teacherId)),
  );
}

/** A quiz with its answer key, for a teacher who may assign it; else `not_found`. */
export async function getQuizWithKeyForTeacher(quizId: string): Promise<TeacherQuiz> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  const [quiz] = await db
    .select({ id: quizzes.id, title: quizzes.title, description: quizzes.description, lessonId: quizzes.lessonId, lessonTitle: lessons.title })
    .from(quizzes)
    .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .where(assignableQuiz(quizId, teacher.id));
  if (!quiz) throw new AppError("not_found", "We couldn't find that quiz.");
  const rows = await db
    .select({ id: questions.id, type: questionVersions.type, publicData: questionVersions.publicData, keyData: questionVersions.keyData, evidence: questionVersions.evidence })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)))
    .orderBy(asc(questions.position));
  return {
    ...quiz,
    questions: rows.map((row) => ({ id: row.id, type: row.type, data: row.publicData, key: row.keyData, points: 1, evidenceAnchor: row.evidence })),
  };
}

export const EXPORT_FORMATS: Record<string, ExportFormat> = { imscc: "qti", moodle: "moodle", gift: "gift" };

/** The download for one format (`imscc`, `moodle` or `gift`). */
export async function buildQuizExport(quizId: string, format: string, now: Date = new Date()): Promise<WrittenExport> {
  const kind = EXPORT_FORMATS[format];
  if (!kind) throw new AppError("not_found", "Unknown export format.");
  const quiz = await getQuizWithKeyForTeacher(quizId);
  if (kind === "qti") return writeCommonCartridge(quiz, now);
  if (kind === "moodle") return writeMoodleXml(quiz);
  return writeGift(quiz);
}

export interface PrintedKeyItem {
  number: number;
  id: string;
  prompt: string;
  answer: string[];
  explanation: string;
  evidence: { anchor: string; paragraph: number | null; sentence: string | null };
}

/** The answer key as a teacher prints it: each answer in words, why, and the sentence that proves it. */
export async function getPrintableAnswerKey(quizId: string): Promise<{ quiz: TeacherQuiz; items: PrintedKeyItem[] }> {
  const quiz = await getQuizWithKeyForTeacher(quizId);
  const db = getDb();
  const levels = await db.select({ level: lessonLevels.level }).from(lessonLevels).where(eq(lessonLevels.lessonId, quiz.lessonId));
  const level = levels.length ? nearestLevel(levels.map((l) => l.level), DEFAULT_READING_LEVEL) : null;
  const [row] = level === null ? [] : await db.select({ body: lessonLevels.body }).from(lessonLevels).where(and(eq(lessonLevels.lessonId, quiz.lessonId), eq(lessonLevels.level, level)));
  const paragraphs = new Map<string, string>();
  for (const section of row?.body.sections ?? []) for (const p of section.paragraphs) paragraphs.set(p.anchor, p.plain);
  const items = quiz.questions.map((question, index) => {
    const anchor = question.evidenceAnchor;
    const answer = describeKey(question.data, question.key.key);
    const paragraph = paragraphs.get(anchor);
    return {
      number: index + 1,
      id: question.id,
      prompt: question.data.prompt,
      answer,
      explanation: question.key.explanation,
      evidence: { anchor, paragraph: /^p(\d+)$/.test(anchor) ? Number(anchor.slice(1)) : null, sentence: paragraph ? evidenceSentence(paragraph, [question.data.prompt, ...answer, question.key.explanation]) : null },
    };
  });
  return { quiz, items };
}

export interface QuizTeacherTools {
  /** How many questions of each type the quiz has (what each export leaves out depends on it). */
  typeCounts: Partial<Record<QuestionType, number>>;
  /** The teacher's open classes, each with its code and this quiz's latest assignment there, if any. */
  classes: { id: string; name: string; joinCode: string | null; assignmentId: string | null }[];
}

/** Export, print and share tools for the quiz page: null unless the viewer is a teacher who may assign the quiz. No keys. */
export async function getQuizTeacherTools(quizId: string): Promise<QuizTeacherTools | null> {
  const user = await getSessionUser();
  if (user?.role !== "teacher") return null;
  const db = getDb();
  const [quiz] = await db.select({ id: quizzes.id }).from(quizzes).innerJoin(lessons, eq(lessons.id, quizzes.lessonId)).where(assignableQuiz(quizId, user.id));
  if (!quiz) return null;
  const types = await db
    .select({ type: questionVersions.type })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.quizId, quizId), eq(questions.retired, false)));
  const typeCounts: Partial<Record<QuestionType, number>> = {};
  for (const { type } of types) typeCounts[type] = (typeCounts[type] ?? 0) + 1;
  const rows = await db
    .select({ id: classes.id, name: classes.name, joinCode: classes.joinCode, assignmentId: assignments.id })
    .from(classes)
    .leftJoin(assignments, and(eq(assignments.classId, classes.id), eq(assignments.quizId, quizId)))
    .where(and(eq(classes.teacherId, user.id), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name), desc(assignments.createdAt));
  const byClass = new Map<string, QuizTeacherTools["classes"][number]>();
  for (const row of rows) if (!byClass.has(row.id)) byClass.set(row.id, row);
  return { typeCounts, classes: [...byClass.values()] };
}
