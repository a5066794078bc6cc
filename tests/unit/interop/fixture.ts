/** Export fixtures: every curriculum quiz, split exactly as the database stores it. */
import { splitQuestion } from "@/lib/content/split";
import type { ExportQuiz } from "@/lib/interop/types";
import { realContent } from "../../helpers/db";

export function curriculumExportQuizzes(): ExportQuiz[] {
  const content = realContent();
  return content.quizzes.map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    description: quiz.description,
    lessonTitle: quiz.lesson,
    questions: quiz.questions.map((question) => {
      const { publicData, keyData } = splitQuestion(question);
      return { id: question.id, type: question.type, data: publicData, key: keyData, points: 1 };
    }),
  }));
}

/** A quiz with the shapes the curriculum lacks: a one-blank fill-in, a numeric tolerance, quotes and ampersands. */
export function edgeCaseExportQuiz(): ExportQuiz {
  return {
    id: "edge-cases",
    title: "Edge cases & \"quotes\"",
    description: "Written for the export tests.",
    lessonTitle: "Tests",
    questions: [
      {
        id: "e1",
        type: "cloze",
        points: 1,
        data: { type: "cloze", prompt: "Fill in the blank.", segments: [{ text: "The Security Council has " }, { blank: "b1" }, { text: " permanent members & ten elected ones." }] },
        key: { key: { type: "cloze", answer: { b1: ["five", "5"] } }, explanation: "China, France, Russia, the UK and the US.", feedback: {} },
      },
      {
        id: "e2",
        type: "numeric",
        points: 1,
        data: { type: "numeric", prompt: "Roughly what share of the vote did it get?", unit: "percent" },
        key: { key: { type: "numeric", answer: 52.5, tolerance: 2.5 }, explanation: "About half <not> tags.", feedback: {} },
      },
      {
        id: "e3",
        type: "true_false",
        points: 1,
        data: { type: "true_false", prompt: "The vote was unanimous." },
        key: { key: { type: "true_false", answer: true }, explanation: "All fifteen voted yes.", feedback: { true: "Right: 15-0.", false: "Check the count in paragraph 2." } },
      },
    ],
  };
}
