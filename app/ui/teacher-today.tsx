import Link from "next/link";
import { formatPercent } from "@/app/ui/status-badge";
import type { AssignmentPulse, ClassToday, NeedReason } from "@/lib/data/teacher-home";

function shortDate(date: Date): string {
  return date.toLocaleString("en-US", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}

function list(titles: string[]): string {
  return titles.length <= 2 ? titles.join(" and ") : `${titles.slice(0, 2).join(", ")} and ${titles.length - 2} more`;
}

/** One reason in plain words, with a word that says what kind it is (never colour alone). */
function reasonText(reason: NeedReason): { tag: string; text: string; tone: string } {
  switch (reason.kind) {
    case "missing":
      return { tag: "Missing", text: list(reason.assignments), tone: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" };
    case "incomplete":
      return { tag: "Unfinished", text: `${list(reason.assignments)} (past due)`, tone: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200" };
    case "low_score":
      return { tag: "Low score", text: `${formatPercent(reason.score)} on ${reason.assignment}`, tone: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200" };
    case "falling":
      return { tag: "Falling", text: `scores down from ${formatPercent(reason.from)} to ${formatPercent(reason.to)}`, tone: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200" };
    case "not_started_due_soon":
      return { tag: "Not started", text: `${reason.assignment}, due ${shortDate(reason.dueAt)}`, tone: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" };
  }
}

const STATE_LABEL: Record<AssignmentPulse["state"], string> = { overdue: "Past due", due_soon: "Due soon", open: "Open" };

function Pulse({ pulse }: { pulse: AssignmentPulse }) {
  const share = pulse.students ? pulse.submitted / pulse.students : 0;
  const verb = pulse.hasQuiz ? "submitted" : "finished reading";
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span className="font-medium">{pulse.title}</span>
        <span className="text-sm muted">
          {STATE_LABEL[pulse.state]}
          {pulse.dueAt ? ` · ${pulse.state === "overdue" ? "was due" : "due"} ${shortDate(pulse.dueAt)}` : " · no due date"}
        </span>
      </div>
      <div className="mt-1.5 flex items-center gap-3 text-sm">
        <span aria-hidden="true" className="h-2 w-28 shrink-0 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700">
          <span className="block h-full rounded-full bg-brand-700 dark:bg-brand-300" style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
        <span data-testid="pulse-count" className="tabular-nums">
          <strong>
            {pulse.submitted}/{pulse.students}
          </strong>{" "}
          {verb}
        </span>
        {pulse.averageScore !== null ? <span className="muted tabular-nums">· average {formatPercent(pulse.averageScore)}</span> : null}
      </div>
    </li>
  );
}

/** The teacher's home: per class, who needs attention and why, and how the current work is coming in. */
export function TeacherToday({ classes }: { classes: ClassToday[] }) {
  const needing = classes.reduce((sum, c) => sum + c.needsTotal, 0);
  return (
    <section aria-labelledby="today-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="today-heading" className="page-title">
            Today
          </h1>
          <p className="muted mt-1">
            {classes.length === 0
              ? "Create a class to see here who needs you each day."
              : needing === 0
                ? "No student needs attention right now: no missing work, low or falling scores."
                : `${needing} student${needing === 1 ? "" : "s"} need${needing === 1 ? "s" : ""} you across ${classes.length} class${classes.length === 1 ? "" : "es"}.`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/classes" className="btn-secondary">
            {classes.length === 0 ? "Create a class" : "All classes"}
          </Link>
          <Link href="/import" className="btn-secondary">
            Import an article
          </Link>
        </div>
      </div>
      <div className={`grid gap-4 ${classes.length > 1 ? "lg:grid-cols-2" : ""}`}>
        {classes.map((c) => (
          <article key={c.id} aria-labelledby={`today-class-${c.id}`} className={`card grid gap-x-8 gap-y-4 ${classes.length === 1 ? "md:grid-cols-2" : ""}`} data-testid="today-class">
            <header className="flex flex-wrap items-baseline justify-between gap-2 md:col-span-full">
              <h2 id={`today-class-${c.id}`} className="text-lg font-semibold">
                <Link href={`/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <span className="text-sm muted">
                {c.studentCount} student{c.studentCount === 1 ? "" : "s"}
              </span>
            </header>
            <div>
              <h3 className="text-sm font-semibold uppercase tracking-wide muted">Needs you</h3>
              {c.studentCount === 0 ? (
                <p className="mt-2 text-sm">
                  No students yet. <Link href={`/classes/${c.id}/students`}>Add students or share the class code</Link>.
                </p>
              ) : c.needs.length === 0 ? (
                <p className="mt-2 text-sm">Everyone is on track.</p>
              ) : (
                <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800" data-testid="needs-list">
                  {c.needs.map((need) => (
                    <li key={need.studentId} className="py-2">
                      <Link href={`/classes/${c.id}/students/${need.studentId}`} className="font-medium">
                        {need.displayName}
                      </Link>
                      <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
                        {need.reasons.map((reason, index) => {
                          const r = reasonText(reason);
                          return (
                            <li key={index} className={`rounded-md px-2 py-0.5 ${r.tone}`}>
                              <span className="font-semibold">{r.tag}:</span> {r.text}
                            </li>
                          );
                        })}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
              {c.needsTotal > c.needs.length ? (
                <p className="mt-2 text-sm">
                  <Link href={`/classes/${c.id}`}>
                    {c.needsTotal - c.needs.length} more in the class grid<span aria-hidden="true"> →</span>
                  </Link>
                </p>
              ) : null}
            </div>
            <div>
              <h3 className="text-sm font-semibold uppercase tracking-wide muted">Current work</h3>
              {c.assignments.length === 0 ? (
                <p className="mt-2 text-sm">
                  Nothing due. <Link href={`/classes/${c.id}/assignments/new`}>Assign a lesson</Link>.
                </p>
              ) : (
                <ul className="divide-y divide-stone-200 dark:divide-stone-800">
                  {c.assignments.map((pulse) => (
                    <Pulse key={pulse.id} pulse={pulse} />
                  ))}
                </ul>
              )}
            </div>
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm md:col-span-full">
              <Link href={`/classes/${c.id}`}>Class grid</Link>
              <Link href={`/classes/${c.id}/analysis`}>Question analysis</Link>
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
