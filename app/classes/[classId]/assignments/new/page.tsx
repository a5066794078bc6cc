import type { Metadata } from "next";
import { requirePageUser } from "@/lib/data/session";
import { listAssignableLessons, listClassAssignments } from "@/lib/data/assignments";
import { getClassForTeacher } from "@/lib/data/classes";
import { orNotFound } from "@/lib/pages";
import { ClassHeader } from "../../class-nav";
import { AssignmentForm } from "./assignment-form";

export const metadata: Metadata = { title: "Assign a lesson" };

export default async function NewAssignmentPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ lesson?: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}/assignments/new`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const [lessons, current] = await Promise.all([listAssignableLessons(), listClassAssignments(classId)]);
  const { lesson } = await searchParams;
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="overview" archived={found.archived} />
      <section aria-labelledby="new-heading" className="card max-w-2xl">
        <h2 id="new-heading" className="text-lg font-semibold">
          Assign a lesson
        </h2>
        <div className="mt-4">
          <AssignmentForm classId={classId} lessons={lessons} existing={current.map((a) => ({ lessonId: a.lessonId, dueAt: a.dueAt, timeZone: a.timeZone }))} initialLessonId={lessons.some((l) => l.id === lesson) ? lesson : undefined} />
        </div>
      </section>
    </div>
  );
}
