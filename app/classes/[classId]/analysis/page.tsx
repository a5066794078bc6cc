import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { listClassQuizzes } from "@/lib/data/dashboard";
import { orNotFound } from "@/lib/pages";
import { ClassHeader } from "../class-nav";

export const metadata: Metadata = { title: "Item analysis" };

export default async function AnalysisIndexPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}/analysis`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const assigned = await listClassQuizzes(classId);
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="analysis" archived={found.archived} />
      <p className="muted max-w-2xl">
        See which questions and which wrong answers tripped the class up, each with the paragraph that holds the evidence. Only each student&apos;s first submitted attempt counts.
      </p>
      {assigned.length === 0 ? (
        <p className="muted">Assign a quiz to this class to see its analysis.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {assigned.map((q) => (
            <li key={q.quizId} className="card">
              <h2 className="font-semibold">
                <Link href={`/classes/${classId}/analysis/${q.quizId}`}>{q.title}</Link>
              </h2>
              <p className="mt-1 text-sm muted">{q.lessonTitle}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
