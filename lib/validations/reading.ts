/**
 * Request shapes for the reading experience: progress saves, the remembered
 * reading level and "Check your understanding" answers. Fields arrive as
 * FormData strings (lib/actions.ts formDataToObject).
 */
import { z } from "zod";
import { slugSchema } from "../content/schema";

const levelField = z.coerce
  .number({ message: "Choose a reading level." })
  .int("Choose a reading level.")
  .min(1, "Reading levels go from 1 to 3.")
  .max(3, "Reading levels go from 1 to 3.");

const idList = z.preprocess(
  (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
  z.array(slugSchema).max(50, "Too many sections at once."),
);

export const saveReadingProgressSchema = z.object({
  lessonId: slugSchema,
  level: levelField,
  /** Sections finished since the last save; merged with those already saved. */
  sectionIds: idList,
  /** The paragraph in view, for "continue where you left off". */
  lastAnchor: z.preprocess((value) => (value === "" ? undefined : value), slugSchema.optional()),
});
export type SaveReadingProgressInput = z.infer<typeof saveReadingProgressSchema>;

export const setReadingLevelSchema = z.object({ level: levelField });

export const answerCheckSchema = z.object({
  lessonId: slugSchema,
  checkId: slugSchema,
  choice: z.coerce.number({ message: "Pick an answer first." }).int("Pick an answer first.").min(0, "Pick an answer first.").max(9, "Pick an answer first."),
});
export type AnswerCheckInput = z.infer<typeof answerCheckSchema>;
