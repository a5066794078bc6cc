import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/data/session";
import { normalizeJoinCode } from "@/lib/validations/classes";
import { JoinExistingForm, JoinNewStudentForm } from "./join-forms";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const user = await getSessionUser();
  const raw = (await searchParams).code;
  // From a join link (/join?code=PERD22) or typed by hand: shown in its canonical form, and checked only when submitted.
  const code = typeof raw === "string" ? normalizeJoinCode(raw.slice(0, 40)).slice(0, 20) || undefined : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">Join a class</h1>
      {!user ? (
        <>
          <p className="muted mt-2">Enter the code from your teacher and make your student account. No email needed.</p>
          <div className="card mt-6">
            <JoinNewStudentForm code={code} />
          </div>
          <p className="mt-6 text-sm muted">
            Already have a student account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/join${code ? `?code=${encodeURIComponent(code)}` : ""}`)}`}>Sign in</Link> first, then join.
          </p>
        </>
      ) : user.role === "student" ? (
        <>
          <p className="muted mt-2">You&apos;re signed in as {user.name}. Enter the code to add another class.</p>
          <div className="card mt-6">
            <JoinExistingForm code={code} />
          </div>
        </>
      ) : (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          You&apos;re signed in as a {user.role === "teacher" ? "teacher" : "self-learner"}. Classes are joined with student accounts: sign out first, then use the class code.
        </p>
      )}
    </div>
  );
}
