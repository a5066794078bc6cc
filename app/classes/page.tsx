import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { listTeacherClasses } from "@/lib/data/classes";
import { CreateClassForm } from "./create-class-form";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  await requirePageUser("/classes", ["teacher"]);
  const showArchived = (await searchParams).archived === "1";
  const all = await listTeacherClasses();
  const shown = all.filter((c) => c.archived === showArchived);
  const archivedCount = all.filter((c) => c.archived).length;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">{showArchived ? "Archived classes" : "Your classes"}</h1>
          <p className="muted mt-2">Create a class, share its code with students, assign lessons and follow their progress.</p>
        </div>
        {archivedCount > 0 || showArchived ? (
          <Link href={showArchived ? "/classes" : "/classes?archived=1"} className="text-sm">
            {showArchived ? "Back to active classes" : `Archived classes (${archivedCount})`}
          </Link>
        ) : null}
      </div>
      {showArchived ? null : (
        <section aria-labelledby="create-heading" className="card">
          <h2 id="create-heading" className="sr-only">
            Create a class
          </h2>
          <CreateClassForm />
        </section>
      )}
      {shown.length === 0 ? (
        <p className="muted">{showArchived ? "No archived classes." : "No classes yet. Create your first one above."}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((c) => (
            <li key={c.id} className="card flex flex-col gap-3">
              <h2 className="text-lg font-semibold">
                <Link href={`/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="muted">Students</dt>
                <dd>{c.studentCount}</dd>
                <dt className="muted">Assignments</dt>
                <dd>{c.assignmentCount}</dd>
                <dt className="muted">Class code</dt>
                <dd className="font-mono">{c.joinCode ?? (c.archived ? "archived" : "joining off")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
