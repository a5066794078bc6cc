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

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 10, right: 16, bottom: 28, left: 44 };
const Y_TICKS = [0, 20, 40, 60, 80, 100];

/** At most about six day labels, always the first and the last. */
function labelledIndexes(count: number): Set<number> {
  if (count <= 6) return new Set(Array.from({ length: count }, (_, i) => i));
  const step = Math.ceil((count - 1) / 5);
  const shown = new Set<number>([count - 1]);
  for (let i = 0; i < count - 1; i += step) shown.add(i);
  return shown;
}

/** Runs of consecutive points that have a value: a line breaks where a topic has no answers yet. */
function segments(values: (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let current: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length) runs.push(current);
  return runs;
}

/**
 * Topic averages by day as lines: an SVG drawn on the server (no client
 * JavaScript). Hidden from screen readers: the table beside it carries the
 * same numbers.
 */
export function MasteryTrendChart({ series, points }: { series: TrendSeries[]; points: TrendPoint[] }) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (percent: number) => PAD.top + plotHeight - (Math.max(0, Math.min(100, percent)) / 100) * plotHeight;
  const labelled = labelledIndexes(points.length);
  return (
    <div aria-hidden="true" className="w-full text-stone-700 dark:text-stone-300" data-testid="mastery-trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="presentation" focusable="false">
        {Y_TICKS.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="currentColor" strokeOpacity={0.2} strokeDasharray="3 3" />
            <text x={PAD.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={12} fill="currentColor">
              {tick}%
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          labelled.has(index) ? (
            <text key={`${point.label}-${index}`} x={x(index)} y={HEIGHT - 8} textAnchor="middle" fontSize={12} fill="currentColor">
              {point.label}
            </text>
          ) : null,
        )}
        {series.map((line) =>
          segments(points.map((point) => point.values[line.id] ?? null)).map((run) => (
            <g key={`${line.id}-${run[0]!.index}`}>
              {run.length > 1 ? (
                <polyline
                  points={run.map((p) => `${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}
                  fill="none"
                  stroke={line.color}
                  strokeWidth={2.5}
                  strokeDasharray={line.dash || undefined}
                  strokeLinejoin="round"
                />
              ) : null}
              {run.map((p) => (
                <circle key={p.index} cx={x(p.index)} cy={y(p.value)} r={3} fill={line.color} />
              ))}
            </g>
          )),
        )}
      </svg>
    </div>
  );
}
