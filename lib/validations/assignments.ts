import { z } from "zod";
import { slugSchema } from "../content/schema";
import { isValidTimeZone, zonedLocalToUtc } from "../dates";
import { classIdSchema } from "./classes";

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number({ message }).int(message).min(min, message).max(max, message).optional());

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
/** A local date-time from <input type="datetime-local">. */
const localDateTime = (message: string) => z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message).optional());

export const MAX_INSTRUCTIONS = 2000;

export const createAssignmentSchema = z
  .object({
    classId: classIdSchema,
    lessonId: slugSchema,
    includeLesson: checkbox,
    includeQuiz: checkbox,
    dueAt: localDateTime("Pick a due date and time."),
    startAt: localDateTime("Pick a start date and time."),
    /** The browser's IANA zone (Intl); the local times above are wall-clock times there. */
    timeZone: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(64).refine(isValidTimeZone, "Your browser sent a time zone we don't know. Reload the page and try again.").optional()),
    /** Fallback when the zone is missing: the browser's offset in minutes now. */
    timezoneOffset: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().int().min(-900).max(900)),
    readingLevel: optionalInt(1, 3, "Choose a reading level from 1 to 3."),
    quizMode: z.enum(["practice", "test"], { message: "Choose practice or test mode." }),
    attemptLimit: optionalInt(1, 20, "Allow between 1 and 20 attempts, or leave it empty for no limit."),
    instructions: z.preprocess((v) => v ?? "", z.string().max(MAX_INSTRUCTIONS, `Keep instructions under ${MAX_INSTRUCTIONS} characters.`)),
    lateWork: z.enum(["accept", "refuse"], { message: "Choose whether late work is accepted." }).default("accept"),
    allowDuplicate: checkbox,
  })
  .refine((v) => v.includeLesson || v.includeQuiz, { message: "Assign the lesson, the quiz, or both.", path: ["includeQuiz"] })
  .transform(({ dueAt, startAt, timeZone, timezoneOffset, lateWork, ...rest }, ctx) => {
    const toInstant = (local: string) => (timeZone ? zonedLocalToUtc(local, timeZone) : new Date(Date.parse(`${local}:00Z`) + timezoneOffset * 60_000));
    const due = dueAt ? toInstant(dueAt) : null;
    const start = startAt ? toInstant(startAt) : null;
    if (due && due.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "This due date has already passed. Pick a time in the future." });
    if (due && start && start.getTime() >= due.getTime()) ctx.addIssue({ code: "custom", path: ["startAt"], message: "The start must come before the due date." });
    return { ...rest, dueAt: due, startAt: start, timeZone: timeZone ?? null, lateAllowed: lateWork === "accept" };
  });

export const assignmentActionSchema = z.object({ classId: classIdSchema, assignmentId: z.uuid({ message: "That assignment id is not valid." }) });
