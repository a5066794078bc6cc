import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher, listUndoablePasswordResets } from "@/lib/data/classes";
import { orNotFound } from "@/lib/pages";
import { ClassHeader } from "../class-nav";
import { BulkAddForm, RemoveStudentButton, ResetPasswordButton, RosterActions, StudentDataControls } from "./roster-forms";

export const metadata: Metadata = { title: "Students" };

export default async function StudentsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}/students`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const undoable = new Map((await listUndoablePasswordResets(classId)).map((r) => [r.studentId, r.undoUntil]));
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="students" archived={found.archived} />
      <section aria-labelledby="roster-heading" className="card relative">
        <h2 id="roster-heading" className="text-lg font-semibold">
          Roster ({found.students.length})
        </h2>
        <RosterActions>
          {found.students.length === 0 ? (
            <p className="muted mt-2 text-sm">No students yet. Add them below or share the class code.</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-stone-200 dark:border-stone-700">
                    <th scope="col" className="py-2 pr-4">
                      Name
                    </th>
                    <th scope="col" className="hidden py-2 pr-4 sm:table-cell">
                      Username
                    </th>
                    <th scope="col" className="hidden py-2 pr-4 md:table-cell">
                      Password
                    </th>
                    <th scope="col" className="py-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {found.students.map((s) => (
                    <tr key={s.id} className="border-b border-stone-100 dark:border-stone-800">
                      <th scope="row" className="py-2 pr-4 align-top font-medium">
                        <Link href={`/classes/${classId}/students/${s.id}`}>{s.displayName}</Link>
                        <span className="block font-mono text-xs font-normal muted sm:hidden">{s.username}</span>
                      </th>
                      <td className="hidden py-2 pr-4 align-top font-mono sm:table-cell">{s.username}</td>
                      <td className="hidden py-2 pr-4 align-top md:table-cell">{s.mustChangePassword ? <span className="text-amber-800 dark:text-amber-200">One-time password not yet changed</span> : "Set by student"}</td>
                      <td className="py-2 align-top">
                        <div className="flex flex-col items-start gap-y-1 sm:flex-row sm:flex-wrap sm:gap-x-4">
                          <ResetPasswordButton classId={classId} studentId={s.id} name={s.displayName} undoUntil={undoable.get(s.id)} />
                          <RemoveStudentButton classId={classId} studentId={s.id} name={s.displayName} />
                          <StudentDataControls classId={classId} studentId={s.id} name={s.displayName} />
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </RosterActions>
      </section>
      {found.archived ? null : (
        <section aria-labelledby="add-heading" className="card">
          <h2 id="add-heading" className="text-lg font-semibold">
            Add students
          </h2>
          <div className="mt-3">
            <BulkAddForm classId={classId} className={found.name} />
          </div>
        </section>
      )}
    </div>
  );
}
