import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/data/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="page-title">Create an account</h1>
      <p className="muted mt-2">
        An account keeps your progress and schedules review. Students don&apos;t sign up here: your teacher gives you a class code.
      </p>
      <div className="card mt-6">
        <SignUpForm />
      </div>
      <p className="mt-6 text-sm muted">
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
