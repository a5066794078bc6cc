import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { orNotFound } from "@/lib/pages";
import { getClassForTeacher } from "@/lib/data/classes";
import { getClassGrid } from "@/lib/data/dashboard";
import { getClassMastery } from "@/lib/data/mastery";
import { BarChart } from "@/app/ui/bar-chart";
import { listRecentlyRemovedAssignments } from "@/lib/data/assignments";
import { LocalTime } from "@/app/ui/local-time";
import { RemoveAssignmentButton, UndoRemoval } from "./assignment-controls";
import { ClassMastery } from "./class-mastery";
import { ClassHeader } from "./class-nav";
import { JoinCodeCard } from "./join-code-card";
import { ProgressGrid } from "./progress-grid";

export const metadata: Metadata = { title: "Class progress" };

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ assigned?: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const [grid, mastery, removed] = await Promise.all([getClassGrid(classId), getClassMastery(classId), listRecentlyRemovedAssignments(classId)]);
  const justAssigned = (await searchParams).assigned === "1";
  const bars = grid.assignments
    .filter((a) => a.quizId)
    .map((a) => {
      const summary = grid.summaries[a.id]!;
      return { label: a.lessonTitle, value: summary.average, detail: `${summary.submitted} of ${summary.total} students submitted` };
    });
  const repeats = new Map<string, number>();

  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="overview" archived={found.archived} />
      {justAssigned ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          Assignment created. Students see it on their assignments page{grid.assignments.some((a) => a.startAt && a.startAt > new Date()) ? " once it opens" : ""}.
        </p>
      ) : null}
      {removed.map((r) => (
        <UndoRemoval key={r.id} classId={classId} assignmentId={r.id} title={r.lessonTitle} undoUntil={r.undoUntil} />
      ))}
      <section aria-labelledby="grid-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="grid-heading" className="text-lg font-semibold">
            Student progress
          </h2>
          <div className="flex flex-wrap gap-2 text-sm" data-no-print>
            {found.archived ? null : (
              <Link href={`/classes/${classId}/assignments/new`} className="btn-primary">
                Assign a lesson
              </Link>
            )}
            <a href={`/classes/${classId}/export/gradebook`} className="btn-secondary">
              Gradebook (CSV)
            </a>
            <a href={`/classes/${classId}/export/responses`} className="btn-secondary">
              All responses (CSV)
            </a>
          </div>
        </div>
        <ProgressGrid classId={classId} grid={grid} />
      </section>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="assignments-heading" className="card">
          <h2 id="assignments-heading" className="text-lg font-semibold">
            Assignments
          </h2>
          {grid.assignments.length === 0 ? (
            <p className="muted mt-3 text-sm">Nothing assigned yet.</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
              {grid.assignments.map((a) => {
                const n = (repeats.get(a.lessonId) ?? 0) + 1;
                repeats.set(a.lessonId, n);
                const twice = grid.assignments.filter((b) => b.lessonId === a.lessonId).length > 1;
                const summary = grid.summaries[a.id]!;
                return (
                  <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium">
                        {a.lessonTitle}
                        {twice ? <span className="muted"> (#{n})</span> : null}
                      </p>
                      <p className="text-sm muted">
                        {[a.includeLesson ? "Reading" : null, a.quizId ? `Quiz (${a.quizMode === "test" ? "test" : "practice"} mode${a.attemptLimit ? `, ${a.attemptLimit} attempt${a.attemptLimit === 1 ? "" : "s"}` : ""})` : null, a.readingLevel ? `Level ${a.readingLevel}` : null]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                      <p className="text-sm muted">
                        {a.startAt ? (
                          <>
                            Opens <LocalTime date={a.startAt} zone={a.timeZone} /> ·{" "}
                          </>
                        ) : null}
                        {a.dueAt ? (
                          <>
                            Due <LocalTime date={a.dueAt} zone={a.timeZone} /> · {a.lateAllowed ? "late work accepted (marked Late)" : "no late work"}
                          </>
                        ) : (
                          "No due date"
                        )}{" "}
                        · {summary.submitted}/{summary.total} {a.quizId ? "submitted" : "done"}
                      </p>
                      {a.instructions ? <p className="mt-1 line-clamp-2 text-sm">“{a.instructions}”</p> : null}
                    </div>
                    <RemoveAssignmentButton classId={classId} assignmentId={a.id} title={a.lessonTitle} />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <JoinCodeCard classId={classId} joinCode={found.joinCode} archived={found.archived} />
      </div>
      {bars.length > 0 ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="card">
            <BarChart title="Class average of best quiz scores (of those who submitted), by assignment" bars={bars} valueLabel="Class average" />
          </section>
          <section className="card">
            <ClassMastery topics={mastery} />
          </section>
        </div>
      ) : null}
    </div>
  );
}
