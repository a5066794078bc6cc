import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/data/session";
import { safeRedirectTarget } from "@/lib/security/redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// A Map, not an object literal: `?reason=__proto__` or `toString` must find nothing rather than Object.prototype's members.
const REASONS = new Map<string, string>([
  ["password-changed", "Your password was changed and you were signed out everywhere. Sign in with the new password."],
  ["signed-out", "You were signed out on every device."],
]);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectTarget(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const reason = typeof params.reason === "string" ? REASONS.get(params.reason) : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Sign in</h1>
      <p className="muted mt-2">Students: use the username and password from your teacher or from joining your class.</p>
      {reason ? (
        <p role="status" className="mt-4 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900 dark:border-brand-700 dark:bg-brand-900 dark:text-brand-50">
          {reason}
        </p>
      ) : null}
      <div className="card mt-6">
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      <p className="mt-6 text-sm muted">
        New here? <Link href="/sign-up">Create an account</Link>. You can also read lessons and take quizzes without one.
      </p>
    </div>
  );
}
