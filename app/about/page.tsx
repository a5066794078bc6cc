import type { Metadata } from "next";

export const metadata: Metadata = { title: "About" };

export default function AboutPage() {
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="page-title">About Civics Lab</h1>
      <p>
        Civics Lab is a free, self-hostable app for civics classes. It turns news reports into reading lessons at several reading levels and into quizzes where every answer is tied to the
        sentence that supports it.
      </p>
      <p>
        It runs on one server with one SQLite database file that your school owns. It loads no third-party scripts, fonts or trackers, and it asks students for no email address.
      </p>
      <p>
        The first curriculum follows a CBS News report from July 31, 2017, in which China&apos;s UN ambassador said the United States and North Korea hold &ldquo;the primary
        responsibility&rdquo; for easing tensions on the Korean Peninsula. Lessons cover UN sanctions, the THAAD missile-defence system, the six-party talks and reading the news critically.
      </p>
    </article>
  );
}
