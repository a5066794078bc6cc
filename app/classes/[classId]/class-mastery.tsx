import type { ClassTopicMastery } from "@/lib/data/mastery";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { ChartTable } from "@/app/ui/chart-table";

const LEVEL_COLORS = ["bg-stone-300 dark:bg-stone-700", "bg-rose-400 dark:bg-rose-500", "bg-amber-400 dark:bg-amber-400", "bg-sky-500 dark:bg-sky-400", "bg-emerald-600 dark:bg-emerald-400"];

/** Stacked bars of students per mastery level for each topic, with the same numbers as a table. */
export function ClassMastery({ topics }: { topics: ClassTopicMastery[] }) {
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm font-semibold">Class mastery by topic (students per level)</figcaption>
      <ul aria-hidden="true" className="flex flex-wrap gap-3 text-xs">
        {MASTERY_LEVELS.map((level, i) => (
          <li key={level} className="flex items-center gap-1">
            <span className={`inline-block size-3 rounded-sm ${LEVEL_COLORS[i]}`} /> {level}
          </li>
        ))}
      </ul>
      <div aria-hidden="true" className="space-y-2">
        {topics.map((topic) => {
          const total = topic.counts.reduce((a, b) => a + b, 0) || 1;
          return (
            <div key={topic.topicId} className="grid grid-cols-[minmax(6rem,14rem)_1fr] items-center gap-3 text-sm">
              <span className="truncate" title={topic.label}>
                {topic.label}
              </span>
              <span className="flex h-4 overflow-hidden rounded">
                {topic.counts.map((n, i) => (n ? <span key={MASTERY_LEVELS[i]} className={LEVEL_COLORS[i]} style={{ width: `${(n / total) * 100}%` }} /> : null))}
              </span>
            </div>
          );
        })}
      </div>
      <ChartTable
        caption="Students at each mastery level, by topic"
        columns={["Topic", ...MASTERY_LEVELS, "Class average"]}
        rows={topics.map((topic) => ({
          key: topic.topicId,
          label: topic.label,
          cells: [...topic.counts, topic.average === null ? "–" : `${Math.round(topic.average * 100)}%`],
        }))}
      />
    </figure>
  );
}
