import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/pages";
import { getClassForTeacher } from "@/lib/data/classes";
import { getClassGrid } from "@/lib/data/dashboard";
import { getClassMastery } from "@/lib/data/mastery";
import { BarChart } from "@/app/ui/bar-chart";
import { deleteAssignmentAction } from "../actions";
import { ClassMastery } from "./class-mastery";
import { ClassHeader } from "./class-nav";
import { JoinCodeCard } from "./join-code-card";
import { ProgressGrid } from "./progress-grid";

export const metadata: Metadata = { title: "Class progress" };

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ assigned?: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const [grid, mastery] = await Promise.all([getClassGrid(classId), getClassMastery(classId)]);
  const justAssigned = (await searchParams).assigned === "1";
  const bars = grid.assignments
    .filter((a) => a.quizId)
    .map((a) => {
      const scores = grid.rows.map((r) => r.cells[a.id]?.bestScore).filter((s): s is number => s !== null && s !== undefined);
      return {
        label: a.lessonTitle,
        value: scores.length ? scores.reduce((x, y) => x + y, 0) / scores.length : null,
        detail: `${scores.length} of ${grid.rows.length} students submitted`,
      };
    });

  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="overview" archived={found.archived} />
      {justAssigned ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          Assignment created. Students see it on their assignments page.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="assignments-heading" className="card">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="assignments-heading" className="text-lg font-semibold">
              Assignments
            </h2>
            {found.archived ? null : (
              <Link href={`/classes/${classId}/assignments/new`} className="btn-primary">
                Assign a lesson
              </Link>
            )}
          </div>
          {grid.assignments.length === 0 ? (
            <p className="muted mt-3 text-sm">Nothing assigned yet.</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
              {grid.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium">{a.lessonTitle}</p>
                    <p className="text-sm muted">
                      {[a.includeLesson ? "Reading" : null, a.quizId ? `Quiz (${a.quizMode === "test" ? "test" : "practice"} mode${a.attemptLimit ? `, ${a.attemptLimit} attempt${a.attemptLimit === 1 ? "" : "s"}` : ""})` : null, a.readingLevel ? `Level ${a.readingLevel}` : null, a.dueAt ? `Due ${a.dueAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}` : "No due date"]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  <form action={deleteAssignmentAction} data-no-print>
                    <input type="hidden" name="classId" value={classId} />
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <button type="submit" className="text-sm text-red-700 hover:underline dark:text-red-300">
                      Remove<span className="sr-only"> assignment {a.lessonTitle}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
        <JoinCodeCard classId={classId} joinCode={found.joinCode} archived={found.archived} />
      </div>
      {bars.length > 0 ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="card">
            <BarChart title="Class average of best quiz scores, by assignment" bars={bars} valueLabel="Class average" />
          </section>
          <section className="card">
            <ClassMastery topics={mastery} />
          </section>
        </div>
      ) : null}
      <section aria-labelledby="grid-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="grid-heading" className="text-lg font-semibold">
            Student progress
          </h2>
          <div className="flex flex-wrap gap-2 text-sm" data-no-print>
            <a href={`/classes/${classId}/export/gradebook`} className="btn-secondary">
              Download gradebook (CSV)
            </a>
            <a href={`/classes/${classId}/export/responses`} className="btn-secondary">
              Download all responses (CSV)
            </a>
          </div>
        </div>
        <ProgressGrid classId={classId} grid={grid} />
      </section>
    </div>
  );
}

