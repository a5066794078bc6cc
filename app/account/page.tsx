import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { getOwnAccount } from "@/lib/data/users";
import { ChangePasswordForm, DeleteAccountForm } from "./account-forms";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

const ROLE_LABEL = { teacher: "Teacher", student: "Student", learner: "Self-learner" } as const;

export default async function AccountPage() {
  await requirePageUser("/account");
  const account = await getOwnAccount();
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div>
        <h1 className="page-title">Account</h1>
        <p className="muted mt-2">Your sign-in details and what we keep about you.</p>
      </div>
      {account.mustChangePassword ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Your teacher gave you a one-time password. Please choose your own password below.
        </p>
      ) : null}
      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="muted">Name</dt>
          <dd>{account.displayName}</dd>
          <dt className="muted">Username</dt>
          <dd>{account.username}</dd>
          <dt className="muted">Email</dt>
          <dd>{account.email ?? "None"}</dd>
          <dt className="muted">Account type</dt>
          <dd>{ROLE_LABEL[account.role]}</dd>
          <dt className="muted">Created</dt>
          <dd>{account.createdAt.toLocaleDateString("en-US", { dateStyle: "long" })}</dd>
        </dl>
      </section>
      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <div className="mt-4">
          <ChangePasswordForm />
        </div>
      </section>
      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sign out everywhere
        </h2>
        <p className="muted mt-2 text-sm">Signing out ends your sessions on every device, including this one.</p>
        <form action={signOutAction} className="mt-4">
          <button type="submit" className="btn-secondary">
            Sign out on all devices
          </button>
        </form>
      </section>
      <section aria-labelledby="data-heading" className="card">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="muted mt-2 text-sm">
          Download everything Civics Lab keeps about you as one JSON file: your account, classes, quiz answers, reading progress and review schedule. <Link href="/privacy">What we store and why</Link>.
        </p>
        <p className="mt-4">
          <a href="/account/export" download className="btn-secondary">
            Download my data
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className="card border-red-200 dark:border-red-900">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">
          Delete account
        </h2>
        <p className="muted mt-2 text-sm">This removes your account, progress, quiz history and review cards for good. It cannot be undone.</p>
        {account.role === "teacher" ? (
          <p role="note" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            As a teacher, deleting your account also deletes your classes, their assignments, your import drafts and your imported lessons. Student accounts stay, and students keep their results: a quiz of yours they submitted stays in their history, without your name, but nobody can open its lesson or take it again. Download your data and your class gradebooks first.
          </p>
        ) : null}
        <div className="mt-4">
          <DeleteAccountForm />
        </div>
      </section>
    </div>
  );
}
