import type { MasteryTrend } from "@/lib/data/mastery";
import { MasteryTrendChart, type TrendSeries } from "./mastery-trend-chart";

/** Line colors and dash patterns: told apart by pattern as well as hue, and readable on light and dark cards. */
const STYLES = [
  { color: "#2a857c", dash: "" },
  { color: "#d97706", dash: "6 3" },
  { color: "#7c3aed", dash: "2 3" },
  { color: "#db2777", dash: "10 4 2 4" },
  { color: "#2563eb", dash: "" },
  { color: "#65a30d", dash: "6 3" },
  { color: "#dc2626", dash: "2 3" },
  { color: "#78716c", dash: "10 4 2 4" },
];

function dayLabel(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * How each topic's mastery moved, one point per day with graded answers:
 * a line chart with the same numbers in a table below it.
 */
export function MasteryTrendSection({ trend }: { trend: MasteryTrend }) {
  // Topics the student has never answered stay out of the chart and table.
  const shown = trend.topics.map((topic, index) => ({ ...topic, index })).filter(({ index }) => trend.days.some((day) => day.topics[index]!.count > 0));
  const series: TrendSeries[] = shown.map((topic, position) => ({ id: topic.id, label: topic.label, ...STYLES[position % STYLES.length]! }));
  const points = trend.days.map((day) => ({
    label: dayLabel(day.day),
    values: Object.fromEntries(shown.map((topic) => [topic.id, day.topics[topic.index]!.count > 0 ? Math.round(day.topics[topic.index]!.average * 100) : null])),
  }));
  return (
    <section aria-labelledby="trend-heading" className="card space-y-4">
      <div>
        <h2 id="trend-heading" className="text-lg font-semibold">
          Topics over time
        </h2>
        <p className="muted mt-1 text-sm">Each point is a topic&apos;s average over your last answers, as it stood at the end of a day you practised (dates in UTC).</p>
      </div>
      {trend.days.length === 0 ? (
        <p className="text-sm">Your first graded quiz starts this chart.</p>
      ) : (
        <>
          {trend.days.length === 1 ? <p className="text-sm">One day of answers so far. Practise on another day to see the lines move.</p> : null}
          <MasteryTrendChart series={series} points={points} />
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs" aria-hidden="true">
            {series.map((line) => (
              <li key={line.id} className="flex items-center gap-1.5">
                <svg width="24" height="8" className="shrink-0">
                  <line x1="0" y1="4" x2="24" y2="4" stroke={line.color} strokeWidth="2.5" strokeDasharray={line.dash} />
                </svg>
                {line.label}
              </li>
            ))}
          </ul>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-brand-700 dark:text-brand-300">Show the numbers</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="mastery-trend-table">
                <caption className="sr-only">Topic averages and levels at the end of each day with answers, oldest first</caption>
                <thead>
                  <tr className="border-b border-stone-200 dark:border-stone-700">
                    <th scope="col" className="py-2 pr-4 font-semibold">
                      Day
                    </th>
                    {shown.map((topic) => (
                      <th key={topic.id} scope="col" className="py-2 pr-4 font-semibold">
                        {topic.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {trend.days.map((day) => (
                    <tr key={day.day} className="border-b border-stone-100 last:border-0 dark:border-stone-800">
                      <th scope="row" className="whitespace-nowrap py-2 pr-4 font-normal">
                        <time dateTime={day.day}>{dayLabel(day.day)}</time>
                      </th>
                      {shown.map((topic) => {
                        const entry = day.topics[topic.index]!;
                        return (
                          <td key={topic.id} className="whitespace-nowrap py-2 pr-4 tabular-nums">
                            {entry.count > 0 ? `${Math.round(entry.average * 100)}% · ${entry.level}` : "–"}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
