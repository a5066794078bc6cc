/**
 * A lesson's teacher's guide: the authored parts from teacher-guide.yaml plus
 * an answer key generated from the quiz's current versions (answers,
 * explanations, every evidence paragraph, wrong-answer feedback). Teachers
 * only: anyone else, signed in or not, gets not_found, exactly as if the page
 * did not exist, because the guide carries the answer key.
 */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { lessons, questions, questionVersions } from "../../db/tables";
import { getSessionUser } from "./session";
import { teacherGuideSchema, type TeacherGuide } from "../content/schema";
import { AppError } from "../errors";
import { describeKey } from "../quiz/describe";
import type { PublicQuestionData, QuestionKeyData, QuestionType } from "../quiz/types";
import { getLessonForReading, visibleLessonCondition, type ReadingLesson } from "./lessons";
import { evidenceLinks, type EvidenceLink } from "./quizzes";

/** The level the guide's evidence links and paragraph numbers refer to: every lesson has level 2. */
export const GUIDE_LEVEL = 2;

export interface AnswerKeyItem {
  number: number;
  questionId: string;
  type: QuestionType;
  prompt: string;
  /** The right answer, as a student would read it. */
  answerLines: string[];
  explanation: string;
  evidence: EvidenceLink[];
  /** What the quiz tells a student who picks each wrong answer. */
  wrongAnswerFeedback: { answer: string; feedback: string }[];
  skills: string[];
  difficulty: number;
}

export interface GuideMisconception {
  misconception: string;
  correction: string;
  /** The quiz questions whose wrong-answer feedback catches it. */
  questions: { number: number; questionId: string; prompt: string; feedback: { answer: string; feedback: string }[] }[];
}

export interface TeacherGuideView {
  lesson: Pick<ReadingLesson, "id" | "title" | "summary" | "topicTitle" | "asOf" | "quizId" | "objectives" | "takeaways" | "discussion" | "vocabulary" | "levels" | "sources" | "origin">;
  /** Section ids → headings, for the reading plan. */
  sectionHeadings: Record<string, string>;
  /** The authored parts; null for a lesson without a teacher-guide.yaml (an imported lesson). */
  guide: TeacherGuide | null;
  answerKey: AnswerKeyItem[];
  misconceptions: GuideMisconception[];
}

const TEACHER_ROLES: readonly string[] = ["teacher"];

export async function getTeacherGuide(slug: string): Promise<TeacherGuideView> {
  const user = await getSessionUser();
  // Not "forbidden": a student must not learn that a guide (with its answer key) exists.
  if (!user || !TEACHER_ROLES.includes(user.role)) throw new AppError("not_found");
  const lesson = await getLessonForReading(slug, GUIDE_LEVEL);
  if (!lesson) throw new AppError("not_found");
  const db = getDb();
  const [row] = await db
    .select({ teacherGuide: lessons.teacherGuide })
    .from(lessons)
    .where(and(eq(lessons.id, lesson.id), visibleLessonCondition(user)));
  if (!row) throw new AppError("not_found");
  const parsedGuide = row.teacherGuide ? teacherGuideSchema.safeParse(row.teacherGuide) : null;
  if (parsedGuide && !parsedGuide.success) {
    throw new AppError("database", undefined, { cause: new Error(`lessons.teacher_guide of ${lesson.id} is invalid: ${parsedGuide.error.message}`) });
  }
  const guide = parsedGuide?.data ?? null;

  const rows = lesson.quizId
    ? await db
        .select({
          questionId: questions.id,
          type: questionVersions.type,
          data: questionVersions.publicData,
          keyData: questionVersions.keyData,
          evidence: questionVersions.evidence,
          evidenceAnchors: questionVersions.evidenceAnchors,
          skills: questionVersions.skills,
          difficulty: questionVersions.difficulty,
        })
        .from(questions)
        .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
        .where(and(eq(questions.quizId, lesson.quizId), eq(questions.retired, false)))
        .orderBy(asc(questions.position))
    : [];

  const answerKey: AnswerKeyItem[] = rows.map((row, index) => {
    const data = row.data;
    const keyData = row.keyData;
    return {
      number: index + 1,
      questionId: row.questionId,
      type: row.type,
      prompt: data.prompt,
      answerLines: describeKey(data, keyData.key),
      explanation: keyData.explanation,
      evidence: evidenceLinks(lesson.id, GUIDE_LEVEL, row),
      wrongAnswerFeedback: wrongAnswerFeedback(data, keyData),
      skills: row.skills,
      difficulty: row.difficulty,
    };
  });
  const byId = new Map(answerKey.map((item) => [item.questionId, item]));
  const misconceptions: GuideMisconception[] = (guide?.misconceptions ?? []).map((item) => ({
    misconception: item.misconception,
    correction: item.correction,
    questions: item.questions.flatMap((id) => {
      const found = byId.get(id);
      return found ? [{ number: found.number, questionId: id, prompt: found.prompt, feedback: found.wrongAnswerFeedback }] : [];
    }),
  }));

  const sectionHeadings = Object.fromEntries(lesson.body.sections.map((section) => [section.id, section.heading]));
  const { id, title, summary, topicTitle, asOf, quizId, objectives, takeaways, discussion, vocabulary, levels, sources, origin } = lesson;
  return {
    lesson: { id, title, summary, topicTitle, asOf, quizId, objectives, takeaways, discussion, vocabulary, levels, sources, origin },
    sectionHeadings,
    guide,
    answerKey,
    misconceptions,
  };
}

/** The feedback a student sees for each wrong choice (single, multiple) or the wrong side of a true/false. */
function wrongAnswerFeedback(data: PublicQuestionData, keyData: QuestionKeyData): { answer: string; feedback: string }[] {
  const key = keyData.key;
  if (data.type === "true_false" && key.type === "true_false") {
    const wrong = key.answer ? "false" : "true";
    const feedback = keyData.feedback[wrong];
    return feedback ? [{ answer: wrong === "true" ? "True" : "False", feedback }] : [];
  }
  if ((data.type === "single" || data.type === "multiple") && (key.type === "single" || key.type === "multiple")) {
    const right = new Set(key.type === "single" ? [key.answer] : key.answer);
    return data.choices.flatMap((choice) => {
      const feedback = keyData.feedback[choice.id];
      return !right.has(choice.id) && feedback ? [{ answer: choice.text, feedback }] : [];
    });
  }
  return [];
}
