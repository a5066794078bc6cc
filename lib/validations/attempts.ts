/**
 * Request bodies for taking quizzes. Shapes only: whether the ids belong to the
 * question is checked against the attempt's layout in lib/quiz/validate.ts.
 */
import { z } from "zod";
import { QUIZ_MODES } from "../quiz/types";

/** Larger bodies are refused before parsing. Real submissions of a 60-question quiz stay under 20 KB. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_ID_LENGTH = 64;
export const MAX_TEXT_LENGTH = 500;
export const MAX_QUESTIONS = 200;

const itemId = z.string().min(1).max(MAX_ID_LENGTH);
const shortText = z.string().max(MAX_TEXT_LENGTH, `Answers can be at most ${MAX_TEXT_LENGTH} characters.`);

export const answerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), choice: itemId }).strict(),
  z.object({ type: z.literal("multiple"), choices: z.array(itemId).max(20) }).strict(),
  z.object({ type: z.literal("true_false"), value: z.boolean() }).strict(),
  z.object({ type: z.literal("ordering"), order: z.array(itemId).max(20) }).strict(),
  z.object({ type: z.literal("matching"), pairs: z.record(itemId, itemId) }).strict(),
  z.object({ type: z.literal("short_answer"), text: shortText }).strict(),
  z.object({ type: z.literal("numeric"), value: z.number({ error: "Enter a number." }) }).strict(),
  z.object({ type: z.literal("cloze"), blanks: z.record(itemId, shortText) }).strict(),
]);

const questionId = z.string().min(1).max(MAX_ID_LENGTH);

/** Answers keyed by question id; `null` clears an answer. */
export const answersSchema = z
  .record(questionId, answerSchema.nullable())
  .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, `At most ${MAX_QUESTIONS} answers.`);

/** PUT /api/attempts/:id/draft: the autosaved answers of an open attempt (not an import draft; see lib/validations/import.ts). */
export const autosaveAnswersSchema = z.object({ answers: answersSchema }).strict();
export const checkQuestionSchema = z.object({ questionId, answer: answerSchema }).strict();
export const submitAttemptSchema = z.object({ answers: answersSchema.optional() }).strict();

export const startAttemptSchema = z
  .object({
    quizId: z.string().min(1).max(MAX_ID_LENGTH),
    mode: z.enum(QUIZ_MODES).default("test"),
    assignmentId: z.string().min(1).max(MAX_ID_LENGTH).optional(),
  })
  .strict();

/** A guest's whole quiz: the version of each question they saw, and their answer. */
export const guestSubmissionSchema = z
  .object({
    answers: z
      .array(z.object({ questionId, versionId: z.number().int().positive(), answer: answerSchema.nullable() }).strict())
      .min(1, "Answer at least one question.")
      .max(MAX_QUESTIONS),
  })
  .strict();

export type AnswersInput = z.infer<typeof answersSchema>;
export type GuestSubmission = z.infer<typeof guestSubmissionSchema>;
