/** Answers built from a question's key, for tests that need right or wrong answers on purpose. */
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/open";
import { questions, questionVersions } from "@/db/tables";
import type { Answer, AnswerKey, PublicQuestionData } from "@/lib/quiz/types";

export function perfectAnswer(key: AnswerKey): Answer {
  switch (key.type) {
    case "single":
      return { type: "single", choice: key.answer };
    case "multiple":
      return { type: "multiple", choices: key.answer };
    case "true_false":
      return { type: "true_false", value: key.answer };
    case "ordering":
      return { type: "ordering", order: key.answer };
    case "matching":
      return { type: "matching", pairs: key.answer };
    case "short_answer":
      return { type: "short_answer", text: key.answer[0]! };
    case "numeric":
      return { type: "numeric", value: key.answer };
    case "cloze":
      return { type: "cloze", blanks: Object.fromEntries(Object.entries(key.answer).map(([blank, accepted]) => [blank, accepted[0]!])) };
  }
}

/** A valid answer that earns no credit, for the question types where one is easy to build. */
export function wrongAnswer(key: AnswerKey, data: PublicQuestionData): Answer | null {
  if (key.type === "single" && data.type === "single") {
    const other = data.choices.find((choice) => choice.id !== key.answer);
    return other ? { type: "single", choice: other.id } : null;
  }
  if (key.type === "true_false") return { type: "true_false", value: !key.answer };
  if (key.type === "short_answer") return { type: "short_answer", text: "zzzz not it" };
  return null;
}

export interface KeyedQuestion {
  questionId: string;
  versionId: number;
  data: PublicQuestionData;
  key: AnswerKey;
}

/** The current version of each live question of a quiz, with its key, in quiz order. */
export async function keyedQuestions(db: Database, quizId: string): Promise<KeyedQuestion[]> {
  const live = await db.select().from(questions).where(eq(questions.quizId, quizId)).orderBy(questions.position);
  const ids = live.filter((q) => !q.retired && q.currentVersionId !== null).map((q) => q.currentVersionId!);
  const versions = await db.select().from(questionVersions).where(inArray(questionVersions.id, ids));
  const byId = new Map(versions.map((v) => [v.id, v]));
  return ids.map((id) => {
    const v = byId.get(id)!;
    return { questionId: v.questionId, versionId: v.id, data: v.publicData, key: (v.keyData).key };
  });
}
