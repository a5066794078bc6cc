/**
 * One graded question as every results view shows it (a student's results,
 * a guest's, a teacher reading a student's attempt): the answer and the key in
 * words, the credit, the explanation and feedback. Callers add where the
 * evidence is, which differs by who is looking.
 */
import { describeAnswer, describeKey } from "./describe";
import { feedbackFor } from "./grade";
import type { Answer, Outcome, PublicQuestionData, QuestionKeyData, QuestionType } from "./types";

export interface GradedQuestion {
  questionId: string;
  number: number;
  type: QuestionType;
  prompt: string;
  answer: Answer | null;
  answerLines: string[];
  correctLines: string[];
  credit: number;
  outcome: Outcome;
  explanation: string;
  feedback: string[];
}

/** `data` is the question as the student saw it (after the attempt's layout); `graded` is the stored or fresh grade. */
export function gradedQuestion(
  question: { questionId: string; number: number; type: QuestionType },
  data: PublicQuestionData,
  keyData: QuestionKeyData,
  answer: Answer | null,
  graded: { credit: number; outcome: Outcome },
): GradedQuestion {
  return {
    ...question,
    prompt: data.prompt,
    answer,
    answerLines: describeAnswer(data, answer),
    correctLines: describeKey(data, keyData.key),
    credit: graded.credit,
    outcome: graded.outcome,
    explanation: keyData.explanation,
    feedback: feedbackFor(keyData, answer),
  };
}

/** How many answers of each outcome. */
export function countOutcomes(results: readonly { outcome: Outcome }[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { correct: 0, partial: 0, incorrect: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}
