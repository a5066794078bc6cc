import type { Metadata } from "next";
import Link from "next/link";

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
          <strong>Your learning:</strong> the quiz answers you submit, the sections you have read and your reading level, so you and your teacher can see progress.
        </li>
        <li>
          <strong>Your review schedule:</strong> for each question you answered, when it should come back for review and how your reviews went.
        </li>
        <li>
          <strong>Classes:</strong> which classes you are in; for teachers, their classes, assignments and imported lessons.
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
      <p>
        If you read and practise without signing in, your progress stays in your own browser&apos;s storage and reaches the server only to grade an answer. When you sign up or sign
        in, that history is added to your account once, and the browser&apos;s copy is cleared.
      </p>
      <h2 className="text-lg font-semibold">Your choices</h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <strong>Download your data:</strong> <Link href="/account">Account</Link> → Your data gives you everything above as one JSON file.
        </li>
        <li>
          <strong>Delete your account:</strong> from <Link href="/account">Account</Link>. Your account and every row that refers to you are removed: answers, progress, review
          cards, class memberships and failed sign-in counters. A teacher&apos;s classes, assignments and imported lessons are deleted with them. Student accounts stay, and
          students keep the results of a teacher&apos;s quizzes they submitted: the quiz stays in their history, with no link to the teacher, but can&apos;t be taken again.
        </li>
        <li>
          <strong>Students:</strong> your teacher can download or delete your data for you, for example when you leave the school.
        </li>
      </ul>
    </article>
  );
}
