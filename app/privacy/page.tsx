import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy" };

export default function PrivacyPage() {
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="page-title">Privacy</h1>
      <p>Civics Lab keeps as little as it can, in one database file on your school&apos;s own server. Nothing is sent to anyone else.</p>
      <h2 className="text-lg font-semibold">What we store and why</h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <strong>Your account:</strong> a display name, a username, a password hash (never the password), your role, and an email only if you chose to give one. Students are never
          asked for an email.
        </li>
        <li>
          <strong>Your learning:</strong> the quiz answers you submit, the sections you have read, and review scheduling, so you and your teacher can see progress.
        </li>
        <li>
          <strong>Security:</strong> counts of failed sign-ins per username and network address for fifteen minutes, to stop password guessing.
        </li>
      </ul>
      <h2 className="text-lg font-semibold">What we never do</h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>No advertising, no tracking scripts, no third-party fonts or analytics.</li>
        <li>No selling or sharing of data.</li>
      </ul>
      <h2 className="text-lg font-semibold">Without an account</h2>
      <p>If you read and practise without signing in, your progress stays in your own browser&apos;s storage and never reaches the server except to grade an answer.</p>
      <h2 className="text-lg font-semibold">Your choices</h2>
      <p>You can delete your account at any time from Account settings; that removes your account and everything that refers to it.</p>
    </article>
  );
}
