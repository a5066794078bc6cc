import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { gradeAnswer } from "@/lib/quiz/grade";
import { splitQuestion } from "@/lib/content/split";
import type { Answer, AnswerKey } from "@/lib/quiz/types";

/** Every answer the key accepts, written as a student would submit it. */
function acceptedAnswers(key: AnswerKey): Answer[] {
  switch (key.type) {
    case "single":
      return [{ type: "single", choice: key.answer }];
    case "multiple":
      return [{ type: "multiple", choices: key.answer }];
    case "true_false":
      return [{ type: "true_false", value: key.answer }];
    case "ordering":
      return [{ type: "ordering", order: key.answer }];
    case "matching":
      return [{ type: "matching", pairs: key.answer }];
    case "short_answer":
      return key.answer.map((text) => ({ type: "short_answer", text }));
    case "numeric":
      return [{ type: "numeric", value: key.answer }];
    case "cloze": {
      const longest = Math.max(...Object.values(key.answer).map((accepted) => accepted.length));
      return Array.from({ length: longest }, (_, i) => ({
        type: "cloze",
        blanks: Object.fromEntries(Object.entries(key.answer).map(([blank, accepted]) => [blank, accepted[Math.min(i, accepted.length - 1)]!])),
      }));
    }
  }
}

describe("the curriculum's answer keys", () => {
  const { content } = loadContent();
  const questions = content.quizzes.flatMap((quiz) => quiz.questions);

  it("has questions to check", () => {
    expect(questions.length).toBeGreaterThan(50);
  });

  it.each(questions.map((q) => [q.id, q] as const))("%s: every accepted answer scores full credit", (_id, question) => {
    const { keyData } = splitQuestion(question);
    for (const answer of acceptedAnswers(keyData.key)) expect(gradeAnswer(keyData.key, answer).credit).toBe(1);
  });
});
