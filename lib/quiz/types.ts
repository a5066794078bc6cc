/**
 * What a question looks like on each side of the key wall. `PublicQuestion`
 * may reach the browser before submission; `QuestionKey` never does.
 */
/**
 * Domain enums, below the schema: db/schema.ts and db/schema.pg.ts import these
 * for their enum columns, so there is one list of each.
 */
export const QUESTION_TYPES = ["single", "multiple", "true_false", "ordering", "matching", "short_answer", "numeric", "cloze"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Practice shows feedback per question; a test shows it only after submission. */
export const QUIZ_MODES = ["practice", "test"] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export interface Choice {
  id: string;
  text: string;
}

export type ClozeSegment = { text: string } | { blank: string };

export type PublicQuestionData =
  | { type: "single"; prompt: string; choices: Choice[] }
  | { type: "multiple"; prompt: string; choices: Choice[] }
  | { type: "true_false"; prompt: string }
  | { type: "ordering"; prompt: string; items: Choice[] }
  | { type: "matching"; prompt: string; left: Choice[]; right: Choice[] }
  | { type: "short_answer"; prompt: string; maxLength: number }
  | { type: "numeric"; prompt: string; unit?: string }
  | { type: "cloze"; prompt: string; segments: ClozeSegment[] };

export type AnswerKey =
  | { type: "single"; answer: string }
  | { type: "multiple"; answer: string[] }
  | { type: "true_false"; answer: boolean }
  | { type: "ordering"; answer: string[] }
  | { type: "matching"; answer: Record<string, string> }
  | { type: "short_answer"; answer: string[] }
  | { type: "numeric"; answer: number; tolerance: number }
  | { type: "cloze"; answer: Record<string, string[]> };

export interface QuestionKeyData {
  key: AnswerKey;
  explanation: string;
  /** Feedback for a specific choice (single/multiple) or for "true"/"false". */
  feedback: Record<string, string>;
}

/** A student's answer, by question type. */
export type Answer =
  | { type: "single"; choice: string }
  | { type: "multiple"; choices: string[] }
  | { type: "true_false"; value: boolean }
  | { type: "ordering"; order: string[] }
  | { type: "matching"; pairs: Record<string, string> }
  | { type: "short_answer"; text: string }
  | { type: "numeric"; value: number }
  | { type: "cloze"; blanks: Record<string, string> };

export type Outcome = "correct" | "partial" | "incorrect";

export interface GradeResult {
  /** Credit between 0 and 1. */
  credit: number;
  outcome: Outcome;
}

