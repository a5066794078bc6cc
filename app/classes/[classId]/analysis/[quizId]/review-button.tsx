"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/action-state";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { assignQuestionReviewAction } from "../actions";

/** "Assign a review of this question" to the students who missed it. */
export function AssignReviewButton({ classId, quizId, questionId, students, questionNumber }: { classId: string; quizId: string; questionId: string; students: number; questionNumber: number }) {
  const [state, action] = useActionState(assignQuestionReviewAction, idleState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="questionId" value={questionId} />
      <SubmitButton className="btn-secondary" pendingLabel="Adding…">
        Assign a review to the {students} student{students === 1 ? "" : "s"} who missed it<span className="sr-only"> (question {questionNumber})</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
