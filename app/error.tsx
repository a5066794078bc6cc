"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-12 text-center">
      <h1 className="page-title">Something went wrong</h1>
      <p className="muted mt-3">
        We couldn&apos;t show this page. Your work is saved; try again, and if it keeps happening tell your teacher or administrator.
      </p>
      {error.digest ? <p className="mt-2 text-xs muted">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="btn-primary mt-6">
        Try again
      </button>
    </div>
  );
}
