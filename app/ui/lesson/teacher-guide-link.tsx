"use client";

import Link from "next/link";
import { useViewer } from "../use-viewer";

/** The teacher's guide link, shown to teachers only: the lesson page itself is the same for every reader. */
export function TeacherGuideLink({ lessonId }: { lessonId: string }) {
  const viewer = useViewer();
  if (viewer?.user?.role !== "teacher") return null;
  return (
    <p className="mt-3 text-sm" data-no-print>
      <Link href={`/lessons/${lessonId}/teacher-guide`} className="font-semibold">
        Teacher&apos;s guide: class plan, answer key, discussion notes →
      </Link>
    </p>
  );
}
