import type { Metadata } from "next";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { orNotFound } from "@/lib/pages";
import { archiveClassAction, unarchiveClassAction } from "../../actions";
import { ClassHeader } from "../class-nav";
import { RenameClassForm } from "./rename-form";

export const metadata: Metadata = { title: "Class settings" };

export default async function ClassSettingsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}/settings`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="settings" archived={found.archived} />
      <section aria-labelledby="rename-heading" className="card max-w-xl">
        <h2 id="rename-heading" className="text-lg font-semibold">
          Name
        </h2>
        <div className="mt-3">
          <RenameClassForm classId={classId} name={found.name} />
        </div>
      </section>
      <section aria-labelledby="archive-heading" className="card max-w-xl">
        <h2 id="archive-heading" className="text-lg font-semibold">
          {found.archived ? "Unarchive" : "Archive"}
        </h2>
        <p className="muted mt-2 text-sm">
          {found.archived
            ? "Bring the class back to your active list. Joining stays off until you make a new code."
            : "Archiving hides the class from your active list and turns joining off. Students' work and grades are kept."}
        </p>
        <form action={found.archived ? unarchiveClassAction : archiveClassAction} className="mt-3">
          <input type="hidden" name="classId" value={classId} />
          <button type="submit" className="btn-secondary">
            {found.archived ? "Unarchive class" : "Archive class"}
          </button>
        </form>
      </section>
    </div>
  );
}
