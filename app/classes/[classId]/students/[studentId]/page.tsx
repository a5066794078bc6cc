import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { getStudentDetailForTeacher } from "@/lib/data/dashboard";
import { getStudentMasteryForTeacher } from "@/lib/data/mastery";
import { orNotFound } from "@/lib/pages";
import { BarChart } from "@/app/ui/bar-chart";
import { StatusBadge, formatPercent } from "@/app/ui/status-badge";
import { LocalTime } from "@/app/ui/local-time";
import { ClassHeader } from "../../class-nav";

export const metadata: Metadata = { title: "Student progress" };

export default async function StudentDetailPage({ params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const { classId, studentId } = await params;
  await requirePageUser(`/classes/${classId}/students/${studentId}`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const [detail, mastery] = await Promise.all([orNotFound(getStudentDetailForTeacher(classId, studentId)), orNotFound(getStudentMasteryForTeacher(classId, studentId))]);
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="students" archived={found.archived} />
      <div>
        <h2 className="text-xl font-semibold">{detail.student.displayName}</h2>
        <p className="muted text-sm">
          <span className="font-mono">{detail.student.username}</span> · average {detail.student.average === null ? "(no scores yet)" : formatPercent(detail.student.average)} (best score per quiz; past-due quizzes not submitted count as 0)
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="work-heading" className="card">
          <h3 id="work-heading" className="font-semibold">
            Assignments
          </h3>
          {detail.assignments.length === 0 ? (
            <p className="muted mt-2 text-sm">No assignments yet.</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
              {detail.assignments.map((a) => {
                const cell = detail.cells[a.id]!;
                return (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="text-sm">{a.lessonTitle}</span>
                    <span className="flex items-center gap-2 text-sm">
                      <StatusBadge status={cell.status} />
                      <span className="tabular-nums">{formatPercent(cell.bestScore)}</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="mastery-heading" className="card">
          <h3 id="mastery-heading" className="sr-only">
            Mastery by topic
          </h3>
          <BarChart
            title="Mastery by topic (recent answers)"
            valueLabel="Average credit"
            bars={mastery.topics.map((t) => ({ label: t.label, value: t.count ? t.average : null, detail: `${t.level}, ${t.count} answer${t.count === 1 ? "" : "s"}` }))}
          />
        </section>
      </div>
      <section aria-labelledby="attempts-heading" className="space-y-3">
        <h3 id="attempts-heading" className="text-lg font-semibold">
          Submitted quizzes
        </h3>
        {detail.attempts.length === 0 ? (
          <p className="muted text-sm">No quizzes submitted yet.</p>
        ) : (
          <ul className="space-y-3">
            {detail.attempts.map((attempt) => (
              <li key={attempt.attemptId} className="card">
                <p className="font-medium">
                  {attempt.quizTitle} · <span className="tabular-nums">{formatPercent(attempt.score)}</span>
                </p>
                <p className="text-sm muted">{attempt.submittedAt ? <LocalTime date={attempt.submittedAt} /> : null}</p>
                {attempt.missed.length ? (
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer">
                      {attempt.missed.length} question{attempt.missed.length === 1 ? "" : "s"} missed or partly right
                    </summary>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {attempt.missed.map((m) => (
                        <li key={m.questionId}>
                          {m.prompt} <span className="muted">({m.outcome === "partial" ? "partly right" : "wrong"}, evidence {m.evidence})</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <p className="mt-2 text-sm">Everything right.</p>
                )}
                <p className="mt-2 text-sm">
                  <Link href={`/classes/${classId}/students/${studentId}/attempts/${attempt.attemptId}`}>
                    See every answer beside the key<span className="sr-only"> ({attempt.quizTitle}, {attempt.submittedAt?.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })})</span>
                    <span aria-hidden="true"> →</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link href={`/classes/${classId}/students`}>← Back to the roster</Link>
      </p>
    </div>
  );
}
