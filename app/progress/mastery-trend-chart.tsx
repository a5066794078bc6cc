"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface TrendSeries {
  id: string;
  label: string;
  color: string;
  dash: string;
}

export interface TrendPoint {
  label: string;
  /** Percent per series id; null before the student's first answer in that topic. */
  values: Record<string, number | null>;
}

/** Topic averages by day as lines. Hidden from screen readers: the table beside it carries the same numbers. */
export function MasteryTrendChart({ series, points }: { series: TrendSeries[]; points: TrendPoint[] }) {
  const data = points.map((point) => ({ label: point.label, ...point.values }));
  return (
    <div aria-hidden="true" className="h-64 w-full text-stone-700 dark:text-stone-300">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
          <XAxis dataKey="label" stroke="currentColor" fontSize={12} tickLine={false} minTickGap={16} />
          <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tickFormatter={(value: number) => `${value}%`} stroke="currentColor" fontSize={12} width={44} />
          {series.map((line) => (
            <Line
              key={line.id}
              type="linear"
              dataKey={line.id}
              name={line.label}
              stroke={line.color}
              strokeWidth={2.5}
              strokeDasharray={line.dash}
              dot={{ r: 3, fill: line.color, strokeWidth: 0 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
