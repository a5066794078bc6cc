import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { AUDIT_PAGE_SIZE, auditEntryLabel, listClassAuditLog } from "@/lib/data/audit";
import { getClassForTeacher } from "@/lib/data/classes";
import { orNotFound } from "@/lib/pages";
import { ClassHeader } from "../class-nav";

export const metadata: Metadata = { title: "Class activity" };

function detailText(detail: Record<string, string | number | boolean | null> | null): string | null {
  if (!detail) return null;
  const parts = Object.entries(detail)
    // "undone" is already in the label (auditEntryLabel).
    .filter(([key, value]) => value !== null && value !== "" && key !== "undone")
    .map(([key, value]) => (key === "title" ? String(value) : `${key}: ${String(value)}`));
  return parts.length ? parts.join(", ") : null;
}

/** The class's audit log: who changed the roster, passwords, codes and assignments, and when (lib/data/audit.ts). */
export default async function ClassActivityPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}/activity`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const beforeParam = (await searchParams).before;
  const before = typeof beforeParam === "string" && /^\d{1,15}$/.test(beforeParam) ? Number(beforeParam) : undefined;
  const entries = await listClassAuditLog(classId, { before });
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="activity" archived={found.archived} />
      <section aria-labelledby="activity-heading" className="card">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Activity
        </h2>
        <p className="muted mt-2 text-sm">
          Every change to this class&apos;s roster, students&apos; passwords, archive state and class code, newest first. Entries can&apos;t be edited or removed; a deleted student&apos;s name is taken out of the log with their account. The log is part of your data download on your account page.
        </p>
        {entries.length === 0 ? (
          <p className="mt-4 text-sm">{before ? "No earlier activity." : "Nothing has changed yet."}</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Activity in {found.name}, newest first</caption>
              <thead>
                <tr className="border-b border-stone-200 dark:border-stone-700">
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    When (UTC)
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Who
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    What
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Student
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const detail = detailText(entry.detail);
                  return (
                    <tr key={entry.id} className="border-b border-stone-100 align-top dark:border-stone-800">
                      <td className="whitespace-nowrap py-2 pr-4">
                        <time dateTime={entry.at.toISOString()}>{entry.at.toISOString().slice(0, 16).replace("T", " ")}</time>
                      </td>
                      <td className="py-2 pr-4">{entry.actorName ?? <span className="muted">A deleted account</span>}</td>
                      <td className="py-2 pr-4">
                        {auditEntryLabel(entry)}
                        {detail ? <span className="muted block text-xs">{detail}</span> : null}
                      </td>
                      <td className="py-2 pr-4">{entry.targetName ?? (entry.action.startsWith("roster.") || entry.action === "password.reset" ? <span className="muted">Deleted account</span> : "—")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {entries.length === AUDIT_PAGE_SIZE ? (
          <p className="mt-4">
            <Link href={`/classes/${classId}/activity?before=${entries.at(-1)!.id}`}>Earlier activity</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
