"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { idleState } from "@/lib/action-state";
import { LocalTime } from "@/app/ui/local-time";
import { FormMessage, SubmitButton, fieldErrors, submittedValue } from "@/app/ui/form";
import { createAssignmentAction } from "../../../actions";

interface LessonOption {
  id: string;
  title: string;
  quizId: string | null;
  origin: "curriculum" | "imported";
  /** The reading levels the lesson is written at. */
  levels: number[];
}

const LEVEL_LABELS: Record<number, string> = { 1: "Level 1 (grades 6–7)", 2: "Level 2 (grades 9–10)", 3: "Level 3 (grades 11–12)" };

function Errors({ errors, id }: { errors: string[] | undefined; id: string }) {
  return errors ? (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  ) : null;
}

export interface ExistingAssignment {
  lessonId: string;
  dueAt: Date | null;
  timeZone: string | null;
}

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Fields are uncontrolled with defaultValue from the last submission. React
 * resets a form after its action runs; inputs go back to those defaults, but a
 * select goes back to its first option, so the effect below puts the
 * teacher's choices back (nothing is lost on an error).
 */
export function AssignmentForm({ classId, lessons, existing, initialLessonId }: { classId: string; lessons: LessonOption[]; existing: ExistingAssignment[]; initialLessonId?: string }) {
  const [state, action] = useActionState(createAssignmentAction, idleState);
  const [lessonId, setLessonId] = useState(submittedValue(state, "lessonId") ?? initialLessonId ?? lessons[0]?.id ?? "");
  const [quizMode, setQuizMode] = useState(submittedValue(state, "quizMode") ?? "test");
  const [includeQuiz, setIncludeQuiz] = useState(true);
  // The teacher's zone: due and start times are wall-clock times there, and dates are shown in it until a viewer's browser uses its own.
  const zone = useSyncExternalStore(noSubscription, browserZone, () => "");
  const lesson = lessons.find((l) => l.id === lessonId);
  const already = existing.filter((e) => e.lessonId === lessonId);
  const failed = state.status === "invalid" || state.status === "error";
  const checked = (name: string, fallback: boolean) => (failed ? submittedValue(state, name) === "on" : fallback);
  const quizChosen = Boolean(lesson?.quizId) && includeQuiz;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "invalid" && state.status !== "error") return;
    for (const select of formRef.current?.querySelectorAll("select, textarea") ?? []) {
      const field = select as HTMLSelectElement | HTMLTextAreaElement;
      const value = state.values?.[field.name];
      if (value !== undefined) field.value = value;
    }
  }, [state]);
  return (
    <form ref={formRef} action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="timeZone" value={zone} />
      <input type="hidden" name="timezoneOffset" value={typeof window === "undefined" ? "0" : String(new Date().getTimezoneOffset())} suppressHydrationWarning />
      <div>
        <label htmlFor="lessonId" className="field-label">
          Lesson
        </label>
        <select id="lessonId" name="lessonId" className="field-input" defaultValue={lessonId} onChange={(e) => setLessonId(e.target.value)} aria-describedby={already.length ? "duplicate-warning" : undefined}>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
              {l.origin === "imported" ? " (your import)" : ""}
              {existing.some((e) => e.lessonId === l.id) ? " (already assigned)" : ""}
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
        {already.length ? (
          <div id="duplicate-warning" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <p>
              This lesson is already assigned to this class
              {already.map((e, i) => (
                <span key={i}>
                  {i ? ";" : ""} {e.dueAt ? <>(due <LocalTime date={e.dueAt} zone={e.timeZone} />)</> : "(no due date)"}
                </span>
              ))}
              . Students would see it twice.
            </p>
            <label className="mt-2 flex items-center gap-2 font-medium">
              <input type="checkbox" name="allowDuplicate" defaultChecked={checked("allowDuplicate", false)} className="size-4 accent-brand-700" /> Assign it again anyway
            </label>
          </div>
        ) : null}
      </div>
      <fieldset>
        <legend className="field-label">What to assign</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="includeLesson" defaultChecked={checked("includeLesson", true)} className="size-4 accent-brand-700" /> Reading
          </label>
          <label className="flex items-center gap-2">
            <input
              key={lessonId}
              type="checkbox"
              name="includeQuiz"
              defaultChecked={Boolean(lesson?.quizId) && checked("includeQuiz", true)}
              onChange={(e) => setIncludeQuiz(e.target.checked)}
              disabled={!lesson?.quizId}
              className="size-4 accent-brand-700"
            />{" "}
            Quiz
            {!lesson?.quizId ? <span className="text-sm muted">(this lesson has no quiz)</span> : null}
          </label>
        </div>
        <Errors errors={fieldErrors(state, "includeQuiz")} id="include-error" />
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="startAt" className="field-label">
            Opens (optional)
          </label>
          <input id="startAt" name="startAt" type="datetime-local" className="field-input" defaultValue={submittedValue(state, "startAt")} aria-describedby="startAt-hint" />
          <p id="startAt-hint" className="field-hint">
            Students don&apos;t see it before then. Empty: at once.
          </p>
          <Errors errors={fieldErrors(state, "startAt")} id="startAt-error" />
        </div>
        <div>
          <label htmlFor="dueAt" className="field-label">
            Due (optional)
          </label>
          <input
            id="dueAt"
            name="dueAt"
            type="datetime-local"
            className="field-input"
            defaultValue={submittedValue(state, "dueAt")}
            aria-invalid={fieldErrors(state, "dueAt") ? true : undefined}
            aria-describedby={fieldErrors(state, "dueAt") ? "dueAt-error dueAt-hint" : "dueAt-hint"}
          />
          <p id="dueAt-hint" className="field-hint">
            {zone ? `Your time zone: ${zone}. Students see it in theirs.` : "In your time zone."}
          </p>
          <Errors errors={fieldErrors(state, "dueAt")} id="dueAt-error" />
        </div>
        <div>
          <label htmlFor="lateWork" className="field-label">
            After the due date
          </label>
          <select id="lateWork" name="lateWork" className="field-input" defaultValue={submittedValue(state, "lateWork") ?? "accept"}>
            <option value="accept">Accept late work (marked Late)</option>
            <option value="refuse">Don&apos;t accept late work</option>
          </select>
        </div>
        <div>
          {lesson && lesson.levels.length === 1 ? (
            // Nothing to choose: a one-level lesson is read at its level by everyone.
            <>
              <p className="field-label">Reading level</p>
              <p className="mt-2 text-sm" data-testid="one-level">
                {LEVEL_LABELS[lesson.levels[0]!] ?? `Level ${lesson.levels[0]}`} only: this lesson is written at one level.
                <input type="hidden" name="readingLevel" value="" />
              </p>
            </>
          ) : (
            <label htmlFor="readingLevel" className="field-label">
              Reading level
            </label>
          )}
          {lesson && lesson.levels.length === 1 ? null : (
            <select key={lessonId} id="readingLevel" name="readingLevel" className="field-input" defaultValue={lesson?.levels.includes(Number(submittedValue(state, "readingLevel"))) ? submittedValue(state, "readingLevel") : ""}>
              <option value="">Each student&apos;s own level</option>
              {(lesson?.levels ?? [1, 2, 3]).map((level) => (
                <option key={level} value={String(level)}>
                  {LEVEL_LABELS[level] ?? `Level ${level}`}
                </option>
              ))}
            </select>
          )}
          <Errors errors={fieldErrors(state, "readingLevel")} id="readingLevel-error" />
        </div>
        <div>
          <label htmlFor="quizMode" className="field-label">
            Quiz mode
          </label>
          <select id="quizMode" name="quizMode" className="field-input" defaultValue={quizMode} onChange={(e) => setQuizMode(e.target.value)}>
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
      {quizChosen && quizMode === "test" ? (
        <div role="note" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          {lesson?.origin === "curriculum" ? (
            <>
              <p className="font-semibold">This is a curriculum quiz, which anyone can practise.</p>
              <p className="mt-1">
                From the moment you assign it until each student submits, your students can&apos;t practise it, check answers, open review cards or earlier results
                for it while signed in: every start is the test, and the site refuses to grade it any other way. It can&apos;t stop someone practising it signed
                out on another device. For a test nobody can have seen, import your own article (Import) and assign its quiz: imported quizzes are never public.
              </p>
            </>
          ) : (
            <p>Your imported quiz is private: only your students can open it, and only as this test, with answers shown after they submit.</p>
          )}
        </div>
      ) : null}
      <div>
        <label htmlFor="instructions" className="field-label">
          Instructions for students (optional)
        </label>
        <textarea id="instructions" name="instructions" rows={3} maxLength={2000} className="field-input" defaultValue={submittedValue(state, "instructions")} placeholder="For example: Read level 2, then take the quiz in one sitting." />
        <Errors errors={fieldErrors(state, "instructions")} id="instructions-error" />
      </div>
      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}
