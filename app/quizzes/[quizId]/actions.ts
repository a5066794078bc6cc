"use server";

import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions";
import { startOrResumeAttempt } from "@/lib/data/attempts";
import { startAttemptSchema } from "@/lib/validations/attempts";

/** Starts (or resumes) an attempt and opens it. Limits and due dates are checked in the DAL. */
export const startAttemptAction = authedAction(startAttemptSchema, async (input) => {
  const { attemptId } = await startOrResumeAttempt(input);
  redirect(`/quizzes/${encodeURIComponent(input.quizId)}/attempts/${attemptId}`);
});
