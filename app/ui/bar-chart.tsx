/**
 * A server-rendered horizontal bar chart (no client JavaScript) with its data
 * table right below it for screen readers and anyone who prefers numbers.
 */
import { ChartTable } from "./chart-table";

export interface Bar {
  label: string;
  /** 0..1, or null for "no data". */
  value: number | null;
  detail?: string;
}

export function BarChart({ title, bars, valueLabel = "Score" }: { title: string; bars: Bar[]; valueLabel?: string }) {
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <div aria-hidden="true" className="space-y-2">
        {bars.map((bar) => (
          <div key={bar.label} className="grid grid-cols-[minmax(6rem,12rem)_1fr_3rem] items-center gap-3 text-sm">
            <span className="truncate" title={bar.label}>
              {bar.label}
            </span>
            <span className="h-4 overflow-hidden rounded bg-stone-200 dark:bg-stone-800">
              {bar.value !== null ? <span className="block h-full rounded bg-brand-600 dark:bg-brand-300" style={{ width: `${Math.round(bar.value * 100)}%` }} /> : null}
            </span>
            <span className="text-right tabular-nums">{bar.value === null ? "–" : `${Math.round(bar.value * 100)}%`}</span>
          </div>
        ))}
      </div>
      <ChartTable
        caption={title}
        columns={["Item", valueLabel, "Details"]}
        rows={bars.map((bar) => ({ key: bar.label, label: bar.label, cells: [bar.value === null ? "No data" : `${Math.round(bar.value * 100)}%`, bar.detail ?? ""] }))}
      />
    </figure>
  );
}
