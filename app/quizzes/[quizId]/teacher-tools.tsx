import Link from "next/link";
import { CAVEATS, UNSUPPORTED, type ExportFormat } from "@/lib/interop/types";
import type { QuizTeacherTools } from "@/lib/data/quiz-export";
import { assignmentMessage, classroomShareUrl, quizUrl } from "@/lib/interop/share";
import type { QuestionType } from "@/lib/quiz/types";
import { CopyField } from "./copy-field";

const FORMATS: { format: string; kind: ExportFormat; label: string; file: string; forWhom: string }[] = [
  { format: "imscc", kind: "qti", label: "Common Cartridge (.imscc)", file: "QTI 1.2 in Common Cartridge 1.1", forWhom: "Canvas, Schoology, Blackboard, Moodle (import a course package)" },
  { format: "moodle", kind: "moodle", label: "Moodle XML (.xml)", file: "Moodle XML", forWhom: "Moodle question bank: every question type" },
  { format: "gift", kind: "gift", label: "GIFT (.txt)", file: "GIFT", forWhom: "Moodle question bank, plain text you can edit" },
];

const TYPE_NAMES: Record<QuestionType, string> = {
  single: "multiple choice",
  multiple: "choose-all",
  true_false: "true/false",
  ordering: "ordering",
  matching: "matching",
  short_answer: "short answer",
  numeric: "numeric",
  cloze: "fill-in-the-blank",
};

function notesFor(kind: ExportFormat, typeCounts: QuizTeacherTools["typeCounts"]): { text: string; leftOut: boolean }[] {
  const present = (Object.keys(typeCounts) as QuestionType[]).filter((t) => (typeCounts[t] ?? 0) > 0);
  const notes = present.flatMap((type) => {
    const out = UNSUPPORTED[kind][type];
    if (out) return [{ text: `${typeCounts[type]} ${TYPE_NAMES[type]} question${typeCounts[type] === 1 ? "" : "s"} left out: ${out}`, leftOut: true }];
    const caveat = CAVEATS[kind][type];
    return caveat ? [{ text: `${TYPE_NAMES[type][0]!.toUpperCase()}${TYPE_NAMES[type].slice(1)}: ${caveat}`, leftOut: false }] : [];
  });
  return notes;
}

export function QuizTeacherToolsPanel({ quizId, quizTitle, origin, tools }: { quizId: string; quizTitle: string; origin: string; tools: QuizTeacherTools }) {
  const base = `/quizzes/${encodeURIComponent(quizId)}`;
  const publicLink = quizUrl(origin, quizId);
  return (
    <section aria-labelledby="teacher-tools-heading" className="card space-y-6" data-no-print>
      <div>
        <h2 id="teacher-tools-heading" className="text-lg font-semibold">
          Use this quiz in your LMS, on paper or in Google Classroom
        </h2>
        <p className="muted mt-1 text-sm">Only teachers see this. Downloads include the answer key, so keep them out of student hands.</p>
      </div>

      <div>
        <h3 className="font-semibold">Download for your LMS</h3>
        <ul className="mt-3 space-y-4">
          {FORMATS.map(({ format, kind, label, file, forWhom }) => {
            const notes = notesFor(kind, tools.typeCounts);
            return (
              <li key={format} className="rounded-md border border-stone-200 p-3 dark:border-stone-700">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div>
                    <p className="font-medium">{file}</p>
                    <p className="muted text-sm">{forWhom}</p>
                  </div>
                  <a className="btn-secondary" href={`${base}/export/${format}`} download>
                    {label}
                  </a>
                </div>
                {notes.length ? (
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                    {notes.map((note) => (
                      <li key={note.text} className={note.leftOut ? "text-amber-900 dark:text-amber-200" : "muted"}>
                        {note.leftOut ? <strong className="font-semibold">Not included. </strong> : null}
                        {note.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted mt-2 text-sm">Every question in this quiz carries over, with points and feedback.</p>
                )}
              </li>
            );
          })}
        </ul>
        <p className="muted mt-2 text-sm">Each question is worth 1 point; explanations and per-choice feedback travel with it.</p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium">Where to import each file</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>
              <strong>Canvas:</strong> Course → Settings → Import Course Content → &ldquo;Common Cartridge 1.x Package&rdquo;, then choose the .imscc file. The quiz appears under Quizzes.
            </li>
            <li>
              <strong>Schoology / Blackboard:</strong> import the .imscc file as a Common Cartridge course package.
            </li>
            <li>
              <strong>Moodle:</strong> Question bank → Import → &ldquo;Moodle XML format&rdquo; (or &ldquo;GIFT format&rdquo;), then add the questions to a quiz.
            </li>
          </ul>
        </details>
      </div>

      <div>
        <h3 className="font-semibold">Print</h3>
        <div className="mt-2 flex flex-wrap gap-2">
          <Link className="btn-secondary" href={`${base}/print`}>
            Student copy
          </Link>
          <Link className="btn-secondary" href={`${base}/print/key`}>
            Answer key (teacher only)
          </Link>
        </div>
      </div>

      <div>
        <h3 className="font-semibold">Share</h3>
        <p className="muted mt-1 text-sm">A plain link to Google Classroom&apos;s share page: no Google script is loaded here and nothing is tracked.</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <a className="btn-secondary" href={classroomShareUrl(publicLink, quizTitle)} target="_blank" rel="noopener noreferrer">
            Share to Google Classroom<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </div>
        {tools.classes.length ? (
          <ul className="mt-4 space-y-4">
            {tools.classes.map((c) => {
              const message = assignmentMessage({ origin, quizId, quizTitle, className: c.name, joinCode: c.joinCode, assignmentId: c.assignmentId });
              return (
                <li key={c.id}>
                  <CopyField
                    label={`Assignment link for ${c.name}${c.assignmentId ? "" : " (not assigned there yet: the link opens the quiz for practice)"}`}
                    value={message}
                    classroomHref={classroomShareUrl(quizUrl(origin, quizId, c.assignmentId), quizTitle, c.joinCode ? `Class code: ${c.joinCode}` : undefined)}
                  />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted mt-3 text-sm">
            <Link href="/classes">Create a class</Link> to get an assignment link with its class code for any LMS.
          </p>
        )}
      </div>
    </section>
  );
}
