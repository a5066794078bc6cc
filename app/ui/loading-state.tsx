/** Shown while a page streams in. Only used where the page never 404s: a loading boundary commits the 200 status early. */
export function LoadingState() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-12">
      <span aria-hidden="true" className="size-5 animate-spin rounded-full border-2 border-stone-300 border-t-brand-700 dark:border-stone-700 dark:border-t-brand-300" />
      <span className="muted">Loading…</span>
    </div>
  );
}
