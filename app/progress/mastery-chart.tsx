"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from "recharts";
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

/** A horizontal bar chart of average recent credit. Hidden from screen readers: the table below says the same. */
export function MasteryChart({ rows }: { rows: ChartRow[] }) {
  const height = Math.max(160, rows.length * 44 + 40);
  return (
    <div aria-hidden="true" className="w-full text-stone-700 dark:text-stone-300" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(value: number) => `${value}%`} stroke="currentColor" fontSize={12} />
          <YAxis type="category" dataKey="label" width={150} stroke="currentColor" fontSize={12} tickLine={false} />
          <Bar dataKey="percent" radius={[0, 4, 4, 0]} isAnimationActive={false} minPointSize={2}>
            {rows.map((row) => (
              <Cell key={row.label} fill={LEVEL_COLOR[row.level]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
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
