import Link from "next/link";

/**
 * The guest home page's first screen: what the product does (a still of the
 * evidence view, as a student sees it after a quiz) and a path for each kind
 * of visitor. Static: no data, no script.
 */
export function EvidencePreview() {
  return (
    <figure aria-labelledby="preview-caption" className="card relative space-y-3 text-sm" data-testid="evidence-preview">
      <p className="text-xs font-semibold uppercase tracking-wide muted">After the quiz</p>
      <p className="text-base font-semibold leading-snug">
        <span className="mr-1 text-brand-700 dark:text-brand-300">3.</span> Who did China&apos;s UN ambassador say holds &ldquo;the primary responsibility&rdquo; for easing tensions?
      </p>
      <dl className="grid gap-2 sm:grid-cols-2">
        <div className="rounded-md bg-red-50 px-3 py-2 dark:bg-red-950">
          <dt className="font-semibold text-red-900 dark:text-red-200">
            <span aria-hidden="true">✗ </span>Your answer
          </dt>
          <dd>China and Russia</dd>
        </div>
        <div className="rounded-md bg-green-50 px-3 py-2 dark:bg-green-950">
          <dt className="font-semibold text-green-900 dark:text-green-200">
            <span aria-hidden="true">✓ </span>Right answer
          </dt>
          <dd>The United States and North Korea</dd>
        </div>
      </dl>
      <blockquote className="rounded-md border-l-4 border-brand-600 bg-brand-50 px-3 py-2 dark:border-brand-300 dark:bg-stone-800">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-200">The sentence that proves it</p>
        <p className="mt-1">
          Liu Jieyi said Washington and Pyongyang, <mark className="rounded bg-yellow-200 px-0.5 text-stone-900 dark:bg-yellow-300">not Beijing, hold &ldquo;the primary responsibility&rdquo;</mark> for calming tensions on the Korean
          Peninsula.
        </p>
      </blockquote>
      <figcaption id="preview-caption" className="muted text-xs">
        Every answer links to the paragraph that holds its evidence, at the reader&apos;s level. Teachers see which wrong answer each student chose, and why.
      </figcaption>
    </figure>
  );
}

const PATHS = [
  {
    who: "I teach",
    what: "Create a class, assign a lesson at three reading levels, and see each morning who needs you, which questions tripped the class up and the sentence to reteach.",
    href: "/sign-up",
    action: "Create a teacher account",
  },
  {
    who: "I'm a student",
    what: "Your teacher gives you a class code. Join with it: no email needed, and only your teacher sees your work.",
    href: "/join",
    action: "Join with a class code",
  },
  {
    who: "I'm learning on my own",
    what: "Read and take quizzes without an account; your progress stays on this device. Sign up later to keep it and get review reminders.",
    href: "#lessons-heading",
    action: "Start with a lesson",
  },
] as const;

export function GuestPaths() {
  return (
    <section aria-labelledby="paths-heading">
      <h2 id="paths-heading" className="sr-only">
        Ways to start
      </h2>
      <ul className="grid gap-4 md:grid-cols-3">
        {PATHS.map((path) => (
          <li key={path.who} className="card flex flex-col gap-3">
            <h3 className="text-lg font-semibold">{path.who}</h3>
            <p className="flex-1 text-sm muted">{path.what}</p>
            <Link href={path.href} className="btn-secondary self-start">
              {path.action}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
