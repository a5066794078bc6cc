/** Request bodies for spaced review and guest-history merges. Shapes and size caps only. */
import { z } from "zod";
import { answerSchema, MAX_ID_LENGTH, MAX_QUESTIONS } from "./attempts";

const id = z.string().min(1).max(MAX_ID_LENGTH);

export const reviewSubmissionSchema = z
  .object({
    questionId: id,
    versionId: z.number().int().positive(),
    dueToken: z.number().int().nonnegative(),
    answer: answerSchema,
  })
  .strict();
export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;

/** Browser histories are capped at 100 attempts (app/quizzes/ui/guest-history.ts); readings at one entry per lesson. */
export const MAX_GUEST_ATTEMPTS = 100;
export const MAX_GUEST_LESSONS = 500;
export const MAX_MERGE_BODY_BYTES = 1024 * 1024;

const isoDate = z.string().max(40);

/**
 * What the browser sends to merge a guest history. Only the answers are
 * trusted enough to re-grade: credits and scores the browser kept are ignored.
 */
export const guestMergeSchema = z.object({
  mergeKey: z.uuid(),
  attempts: z
    .array(
      z.object({
        quizId: id,
        startedAt: isoDate,
        submittedAt: isoDate,
        responses: z.array(z.object({ questionId: id, versionId: z.number().int().positive(), answer: answerSchema.nullable() })).max(MAX_QUESTIONS),
      }),
    )
    .max(MAX_GUEST_ATTEMPTS),
  reading: z
    .record(
      id,
      z.object({
        level: z.number().int().min(1).max(3),
        sectionsRead: z.array(id).max(200),
        lastAnchor: id.nullable(),
        completedAt: z.number().nullable(),
      }),
    )
    .refine((reading) => Object.keys(reading).length <= MAX_GUEST_LESSONS, `At most ${MAX_GUEST_LESSONS} lessons.`),
});
export type GuestMergeInput = z.infer<typeof guestMergeSchema>;
