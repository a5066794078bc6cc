import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { listMyAssignments, type StudentAssignment } from "@/lib/data/assignments";
import { LocalTime } from "@/app/ui/local-time";
import { listStudentClasses } from "@/lib/data/classes";
import { StatusBadge, formatPercent } from "@/app/ui/status-badge";

export const metadata: Metadata = { title: "My assignments" };

export default async function MyAssignmentsPage({ searchParams }: { searchParams: Promise<{ joined?: string }> }) {
  await requirePageUser("/assignments", ["student"]);
  const [work, myClasses] = await Promise.all([listMyAssignments(), listStudentClasses()]);
  const joined = (await searchParams).joined === "1";
  const open = work.filter((a) => a.status !== "done" && a.status !== "late");
  const finished = work.filter((a) => a.status === "done" || a.status === "late");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="page-title">My assignments</h1>
        <p className="muted mt-2">{myClasses.length ? `Classes: ${myClasses.map((c) => c.name).join(", ")}` : "You're not in a class yet."}</p>
      </div>
      {joined ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          You joined the class. Your assignments appear here.
        </p>
      ) : null}
      <AssignmentList title="To do" items={open} empty="Nothing to do right now." />
      {finished.length ? <AssignmentList title="Done" items={finished} empty="" /> : null}
      <p className="text-sm">
        <Link href="/join">Join another class</Link>
      </p>
    </div>
  );
}

/** Rendered per request (dynamic page), so "now" is the request's time. */
function pastDue(a: StudentAssignment): boolean {
  return a.dueAt !== null && a.dueAt.getTime() < Date.now() && a.status !== "done" && a.status !== "late";
}

function AssignmentList({ title, items, empty }: { title: string; items: Awaited<ReturnType<typeof listMyAssignments>>; empty: string }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((a) => (
            <li key={a.id} className="card space-y-2">
              <div className="flex items-start justify-between gap-3">
                <h3 className="font-semibold">{a.lessonTitle}</h3>
                <StatusBadge status={a.status} />
              </div>
              <p className="text-sm muted">
                {a.className}
                {a.quizId ? ` · ${a.quizMode === "test" ? "test" : "practice"}` : ""}
                {a.dueAt ? (
                  <>
                    {" · due "}
                    <LocalTime date={a.dueAt} zone={a.timeZone} />
                  </>
                ) : null}
                {a.bestScore !== null ? ` · best score ${formatPercent(a.bestScore)}` : ""}
              </p>
              {a.instructions ? <p className="whitespace-pre-line text-sm">{a.instructions}</p> : null}
              {pastDue(a) ? (
                <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
                  {a.lateAllowed ? "Past due: you can still hand it in; it will be marked Late." : "Past due, and your teacher isn't accepting late work. Ask your teacher if you need more time."}
                </p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                {a.includeLesson ? (
                  <Link href={`/lessons/${a.lessonId}${a.readingLevel ? `?level=${a.readingLevel}` : ""}`} className="btn-secondary">
                    {a.lessonCompleted ? "Read again" : "Read"}
                  </Link>
                ) : null}
                {a.quizId && a.openAttemptId && a.status !== "incomplete" && a.status !== "missing" ? (
                  <Link href={`/quizzes/${a.quizId}/attempts/${a.openAttemptId}`} className="btn-primary" data-testid="resume-quiz">
                    Resume the quiz
                  </Link>
                ) : a.quizId && (!pastDue(a) || a.lateAllowed) ? (
                  <Link href={`/quizzes/${a.quizId}?assignment=${a.id}`} className="btn-primary">
                    {a.openAttemptId ? "Resume the quiz" : a.attemptsUsed ? "Quiz again" : "Take the quiz"}
                    {a.attemptLimit ? ` (${a.attemptsUsed}/${a.attemptLimit})` : ""}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
