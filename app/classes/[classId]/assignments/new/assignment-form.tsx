"use client";

import { useActionState, useState } from "react";
import { idleState } from "@/lib/action-state";
import { FormMessage, SubmitButton, fieldErrors, submittedValue } from "@/app/ui/form";
import { createAssignmentAction } from "../../../actions";

interface LessonOption {
  id: string;
  title: string;
  quizId: string | null;
  origin: "curriculum" | "imported";
}

function Errors({ errors, id }: { errors: string[] | undefined; id: string }) {
  return errors ? (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  ) : null;
}

export function AssignmentForm({ classId, lessons, initialLessonId }: { classId: string; lessons: LessonOption[]; initialLessonId?: string }) {
  const [state, action] = useActionState(createAssignmentAction, idleState);
  const [lessonId, setLessonId] = useState(submittedValue(state, "lessonId") ?? initialLessonId ?? lessons[0]?.id ?? "");
  const lesson = lessons.find((l) => l.id === lessonId);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="classId" value={classId} />
      {/* The browser's offset lets the server store the due time the teacher meant. */}
      <input type="hidden" name="timezoneOffset" value={typeof window === "undefined" ? "0" : String(new Date().getTimezoneOffset())} suppressHydrationWarning />
      <div>
        <label htmlFor="lessonId" className="field-label">
          Lesson
        </label>
        <select id="lessonId" name="lessonId" className="field-input" value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
              {l.origin === "imported" ? " (your import)" : ""}
            </option>
          ))}
        </select>
        <Errors errors={fieldErrors(state, "lessonId")} id="lessonId-error" />
        {lesson ? (
          <p className="mt-1 text-sm">
            <a href={`/lessons/${lesson.id}/teacher-guide`} target="_blank" rel="noopener">
              Teacher&apos;s guide for this lesson<span className="sr-only"> (opens in a new tab)</span> ↗
            </a>
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend className="field-label">What to assign</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="includeLesson" defaultChecked className="size-4 accent-brand-700" /> Reading
          </label>
          <label className="flex items-center gap-2">
            <input key={lessonId} type="checkbox" name="includeQuiz" defaultChecked={Boolean(lesson?.quizId)} disabled={!lesson?.quizId} className="size-4 accent-brand-700" /> Quiz
            {!lesson?.quizId ? <span className="text-sm muted">(this lesson has no quiz)</span> : null}
          </label>
        </div>
        <Errors errors={fieldErrors(state, "includeQuiz")} id="include-error" />
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="dueAt" className="field-label">
            Due (optional)
          </label>
          <input id="dueAt" name="dueAt" type="datetime-local" className="field-input" defaultValue={submittedValue(state, "dueAt")} />
          <Errors errors={fieldErrors(state, "dueAt")} id="dueAt-error" />
        </div>
        <div>
          <label htmlFor="readingLevel" className="field-label">
            Reading level
          </label>
          <select id="readingLevel" name="readingLevel" className="field-input" defaultValue={submittedValue(state, "readingLevel") ?? ""}>
            <option value="">Each student&apos;s own level</option>
            <option value="1">Level 1 (grades 6–7)</option>
            <option value="2">Level 2 (grades 9–10)</option>
            <option value="3">Level 3 (grades 11–12)</option>
          </select>
          <Errors errors={fieldErrors(state, "readingLevel")} id="readingLevel-error" />
        </div>
        <div>
          <label htmlFor="quizMode" className="field-label">
            Quiz mode
          </label>
          <select id="quizMode" name="quizMode" className="field-input" defaultValue={submittedValue(state, "quizMode") ?? "test"}>
            <option value="test">Test: feedback after submitting</option>
            <option value="practice">Practice: check each answer, retry</option>
          </select>
        </div>
        <div>
          <label htmlFor="attemptLimit" className="field-label">
            Attempts allowed (optional)
          </label>
          <input id="attemptLimit" name="attemptLimit" type="number" min={1} max={20} inputMode="numeric" className="field-input" placeholder="No limit" defaultValue={submittedValue(state, "attemptLimit")} />
          <Errors errors={fieldErrors(state, "attemptLimit")} id="attemptLimit-error" />
        </div>
      </div>
      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}
