import type { MasteryLevel } from "@/lib/quiz/mastery";

export interface ChartRow {
  label: string;
  percent: number;
  level: MasteryLevel;
}

/** Colors by level; the table next to the chart carries the same data as text. */
const LEVEL_COLOR: Record<MasteryLevel, string> = {
  "Not started": "#a8a29e",
  Attempted: "#dc2626",
  Familiar: "#d97706",
  Proficient: "#2a857c",
  Mastered: "#1a5752",
};

/**
 * Horizontal bars of average recent credit, coloured by level. Rendered on the
 * server as plain markup (no client JavaScript), like app/ui/bar-chart.tsx.
 * Hidden from screen readers: the table below says the same.
 */
export function MasteryChart({ rows }: { rows: ChartRow[] }) {
  return (
    <div aria-hidden="true" className="space-y-2 text-sm" data-testid="mastery-chart">
      {rows.map((row) => (
        <div key={row.label} className="grid grid-cols-[minmax(6rem,10rem)_1fr_3rem] items-center gap-3">
          <span className="truncate" title={row.label}>
            {row.label}
          </span>
          <span className="h-4 overflow-hidden rounded bg-stone-200 dark:bg-stone-800">
            <span className="block h-full rounded" style={{ width: `${Math.max(1, Math.min(100, row.percent))}%`, background: LEVEL_COLOR[row.level] }} />
          </span>
          <span className="text-right tabular-nums">{row.percent}%</span>
        </div>
      ))}
    </div>
  );
}

export function LevelLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs muted" aria-hidden="true">
      {(Object.keys(LEVEL_COLOR) as MasteryLevel[]).map((level) => (
        <li key={level} className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm" style={{ background: LEVEL_COLOR[level] }} />
          {level}
        </li>
      ))}
    </ul>
  );
}
