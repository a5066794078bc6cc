"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions";
import { assignQuestionReview } from "@/lib/data/item-analysis";
import { classIdSchema } from "@/lib/validations/classes";

const contentId = z.string().trim().min(1).max(200);

export const assignQuestionReviewAction = authedAction(
  z.object({ classId: classIdSchema, quizId: contentId, questionId: contentId }),
  async ({ classId, quizId, questionId }) => {
    const { students } = await assignQuestionReview(classId, quizId, questionId);
    revalidatePath(`/classes/${classId}/analysis/${quizId}`);
    return { status: "ok", message: `Added to review for ${students} student${students === 1 ? "" : "s"}: it is due now on their Review page.` };
  },
  { roles: ["teacher"] },
);
