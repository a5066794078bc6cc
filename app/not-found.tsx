import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">404</p>
      <h1 className="page-title mt-2">We couldn&apos;t find that page</h1>
      <p className="muted mt-3">The link may be old, or the page may belong to someone else&apos;s class.</p>
      <Link href="/" className="btn-primary mt-6">
        Back to lessons
      </Link>
    </div>
  );
}
