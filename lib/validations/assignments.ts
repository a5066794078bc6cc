import { z } from "zod";
import { slugSchema } from "../content/schema";
import { classIdSchema } from "./classes";

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number({ message }).int(message).min(min, message).max(max, message).optional());

export const createAssignmentSchema = z
  .object({
    classId: classIdSchema,
    lessonId: slugSchema,
    includeLesson: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    includeQuiz: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    /** A local date-time from <input type="datetime-local"> plus the browser's offset in minutes. */
    dueAt: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a due date and time.").optional()),
    timezoneOffset: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().int().min(-900).max(900)),
    readingLevel: optionalInt(1, 3, "Choose a reading level from 1 to 3."),
    quizMode: z.enum(["practice", "test"], { message: "Choose practice or test mode." }),
    attemptLimit: optionalInt(1, 20, "Allow between 1 and 20 attempts, or leave it empty for no limit."),
  })
  .refine((v) => v.includeLesson || v.includeQuiz, { message: "Assign the lesson, the quiz, or both.", path: ["includeQuiz"] })
  .transform(({ dueAt, timezoneOffset, ...rest }) => ({
    ...rest,
    dueAt: dueAt ? new Date(Date.parse(`${dueAt}:00Z`) + timezoneOffset * 60_000) : null,
  }));

export const assignmentActionSchema = z.object({ classId: classIdSchema, assignmentId: z.uuid({ message: "That assignment id is not valid." }) });
