import type { AssignmentStatus } from "@/lib/data/assignments";

const STYLE: Record<AssignmentStatus, { label: string; className: string }> = {
  upcoming: { label: "Not open yet", className: "bg-stone-100 text-stone-600 dark:bg-stone-800 dark:text-stone-300" },
  not_started: { label: "Not started", className: "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
  in_progress: { label: "In progress", className: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
  done: { label: "Done", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  late: { label: "Late", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  incomplete: { label: "Incomplete", className: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200" },
  missing: { label: "Missing", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
};

export const STATUS_LABEL = Object.fromEntries(Object.entries(STYLE).map(([k, v]) => [k, v.label])) as Record<AssignmentStatus, string>;

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const style = STYLE[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${style.className}`}>{style.label}</span>;
}

export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value * 100)}%`;
}
