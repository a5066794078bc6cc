import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { orNotFound } from "@/lib/pages";
import { requestOrigin } from "@/lib/security/origin";

export const metadata: Metadata = { title: "Class code" };

/**
 * The class code, large enough to read from the back of a classroom, with the
 * join address: for the projector on the first day. Teacher-only.
 */
export default async function JoinCodeProjectorPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  await requirePageUser(`/classes/${classId}/join-code`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const origin = requestOrigin(await headers()) ?? "";
  const joinPath = found.joinCode ? `/join?code=${found.joinCode}` : "/join";
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center gap-8 text-center">
      <p className="text-2xl font-semibold sm:text-3xl">{found.name}</p>
      {found.joinCode ? (
        <>
          <div>
            <p className="text-xl sm:text-2xl">
              Go to <strong className="break-all font-mono">{origin}/join</strong> and enter
            </p>
            <p
              className="mt-4 font-mono text-[18vw] font-bold leading-none tracking-[0.12em] sm:text-[12vw] lg:text-[10rem]"
              aria-label={`Class code ${found.joinCode.split("").join(" ")}`}
            >
              {found.joinCode}
            </p>
          </div>
          <p className="text-lg">
            Or open <span className="break-all font-mono">{`${origin}${joinPath}`}</span>
          </p>
          <p className="muted max-w-xl text-base">Small letters, spaces and dashes are fine. Codes never use O, 0, I, 1 or L.</p>
        </>
      ) : (
        <p className="text-2xl">{found.archived ? "This class is archived, so it can't be joined." : "Joining is off for this class. Make a new code on the class page first."}</p>
      )}
      <Link href={`/classes/${classId}`} className="btn-secondary" data-no-print>
        Back to the class
      </Link>
    </div>
  );
}
