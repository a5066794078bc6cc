export default function LessonLoading() {
  return (
    <div role="status" aria-live="polite" className="max-w-3xl animate-pulse space-y-4 motion-reduce:animate-none">
      <span className="sr-only">Loading the lesson…</span>
      <div className="h-4 w-40 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-9 w-3/4 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-5 w-full rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-5 w-5/6 rounded bg-stone-200 dark:bg-stone-800" />
    </div>
  );
}
