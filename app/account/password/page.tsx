import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/data/session";
import { ChangePasswordForm } from "../account-forms";
import { signOutAction } from "../actions";

export const metadata: Metadata = { title: "Choose your password" };

/**
 * Where someone signed in with a one-time password (printed or reset by their
 * teacher) is sent until they choose their own: every other page redirects
 * here (proxy.ts, lib/data/session.ts) and every action is refused.
 */
export default async function ChangePasswordPage() {
  const user = await requirePageUser("/account/password", undefined, { allowPendingPasswordChange: true });
  if (!user.mustChangePassword) redirect("/account");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">Choose your own password</h1>
      <p className="mt-2">
        Hi {user.name}. You signed in with a one-time password from your teacher. Before you go on, choose a password only you know: your teacher&apos;s copy stops working as soon as you do.
      </p>
      <div className="card mt-6">
        <ChangePasswordForm firstSignIn />
      </div>
      <form action={signOutAction} className="mt-6">
        <button type="submit" className="btn-secondary">
          Not you? Sign out
        </button>
      </form>
    </div>
  );
}
