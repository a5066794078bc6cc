"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { AssignmentStatus } from "@/lib/data/assignments";
import type { ClassGrid, GridCell, GridRow } from "@/lib/data/dashboard";
import { ATTENTION_AVERAGE, LOW_SCORE, STRONG_SCORE, needsHelpRank, scoreBand, type ScoreBand } from "@/lib/quiz/score-bands";
import { LocalTime } from "@/app/ui/local-time";
import { STATUS_LABEL } from "@/app/ui/status-badge";

const LOW = LOW_SCORE;
const STRONG = STRONG_SCORE;
const bandOf = scoreBand;
const rankOf = needsHelpRank;

const BAND: Record<ScoreBand, { label: string; cell: string; text: string }> = {
  strong: { label: "Strong", cell: "bg-emerald-50 dark:bg-emerald-950/60", text: "text-emerald-900 dark:text-emerald-200" },
  ok: { label: "OK", cell: "bg-amber-50 dark:bg-amber-950/50", text: "text-amber-900 dark:text-amber-200" },
  low: { label: "Low", cell: "bg-red-50 dark:bg-red-950/60", text: "text-red-900 dark:text-red-200" },
};

/** Cells without a score: the status in words, with a tint that repeats it. */
const STATUS_CELL: Record<AssignmentStatus, string> = {
  upcoming: "text-stone-600 dark:text-stone-400",
  not_started: "text-stone-700 dark:text-stone-300",
  in_progress: "bg-sky-50 text-sky-900 dark:bg-sky-950/60 dark:text-sky-200",
  done: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
  late: "bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
  incomplete: "bg-orange-50 text-orange-900 dark:bg-orange-950/60 dark:text-orange-200",
  missing: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200",
};

type Filter = "all" | "attention" | "missing" | "low" | "falling" | "no_scores";
type Sort = { key: string; descending: boolean };

const pct = (value: number) => `${Math.round(value * 100)} %`;

function Cell({ cell, isQuiz }: { cell: GridCell; isQuiz: boolean }) {
  if (cell.bestScore !== null) {
    const band = BAND[bandOf(cell.bestScore)];
    return (
      <td className={`border-b border-stone-200 px-3 py-2 align-top dark:border-stone-800 ${band.cell}`}>
        <span className={`font-semibold tabular-nums ${band.text}`}>{pct(cell.bestScore)}</span>
        <span className={`ml-1 text-xs font-medium ${band.text}`}>{band.label}</span>
        {cell.status === "late" || cell.status === "incomplete" ? <span className="block text-xs font-medium text-amber-900 dark:text-amber-200">{STATUS_LABEL[cell.status]}</span> : null}
        {cell.attempts > 1 ? <span className="block text-xs muted">{cell.attempts} attempts</span> : null}
      </td>
    );
  }
  const counted = isQuiz && cell.counted === 0;
  return (
    <td className={`border-b border-stone-200 px-3 py-2 align-top dark:border-stone-800 ${STATUS_CELL[cell.status]}`}>
      <span className="text-xs font-semibold">{cell.status === "done" && !isQuiz ? "Read" : STATUS_LABEL[cell.status]}</span>
      {counted ? <span className="block text-xs">counts as 0</span> : null}
    </td>
  );
}

function AttentionChips({ row }: { row: GridRow }) {
  const chips: string[] = [];
  if (row.attention.missing) chips.push(`${row.attention.missing} past due`);
  if (row.attention.low) chips.push(`below ${Math.round(ATTENTION_AVERAGE * 100)} %`);
  if (row.attention.falling) chips.push("falling");
  if (chips.length === 0) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {chips.map((chip) => (
        <span key={chip} className="rounded-full border border-red-300 px-1.5 text-[11px] font-semibold text-red-800 dark:border-red-700 dark:text-red-200">
          {chip}
        </span>
      ))}
    </span>
  );
}

/**
 * Students × assignments, most in need first. Every cell says its state in
 * words (a score with its band, or a status); colour only repeats it. The
 * header row and the name column stay in view while scrolling.
 */
export function ProgressGrid({ classId, grid }: { classId: string; grid: ClassGrid }) {
  const [sort, setSort] = useState<Sort>({ key: "help", descending: true });
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<Filter>("all");

  const counts = useMemo(
    () => ({
      attention: grid.rows.filter((r) => r.needsAttention).length,
      missing: grid.rows.filter((r) => r.attention.missing > 0).length,
      low: grid.rows.filter((r) => r.attention.low).length,
      falling: grid.rows.filter((r) => r.attention.falling).length,
      no_scores: grid.rows.filter((r) => r.average === null).length,
    }),
    [grid.rows],
  );

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matches = (row: GridRow) => {
      if (needle && !row.displayName.toLowerCase().includes(needle) && !row.username.includes(needle)) return false;
      if (filter === "attention") return row.needsAttention;
      if (filter === "missing") return row.attention.missing > 0;
      if (filter === "low") return row.attention.low;
      if (filter === "falling") return row.attention.falling;
      if (filter === "no_scores") return row.average === null;
      return true;
    };
    const compare = (a: GridRow, b: GridRow): number => {
      if (sort.key === "name") return a.displayName.localeCompare(b.displayName);
      if (sort.key === "help") {
        const [ra, aa] = rankOf(a);
        const [rb, ab] = rankOf(b);
        // "descending" = most in need first: more reasons, then the lower average.
        return ra !== rb ? ra - rb : ab !== aa ? ab - aa : 0;
      }
      const va = sort.key === "average" ? (a.average ?? -1) : (a.cells[sort.key]?.bestScore ?? a.cells[sort.key]?.counted ?? -1);
      const vb = sort.key === "average" ? (b.average ?? -1) : (b.cells[sort.key]?.bestScore ?? b.cells[sort.key]?.counted ?? -1);
      return va - vb;
    };
    return grid.rows.filter(matches).sort((a, b) => {
      const order = compare(a, b);
      return (sort.descending ? -order : order) || a.displayName.localeCompare(b.displayName);
    });
  }, [grid.rows, query, filter, sort]);

  // Same lesson assigned twice: number the columns so their headers differ.
  const ordinal = useMemo(() => {
    const seen = new Map<string, number>();
    const total = new Map<string, number>();
    for (const a of grid.assignments) total.set(a.lessonId, (total.get(a.lessonId) ?? 0) + 1);
    return Object.fromEntries(
      grid.assignments.map((a) => {
        const n = (seen.get(a.lessonId) ?? 0) + 1;
        seen.set(a.lessonId, n);
        return [a.id, (total.get(a.lessonId) ?? 1) > 1 ? n : 0];
      }),
    );
  }, [grid.assignments]);

  const sortButton = (key: string, label: string, firstDescending: boolean) => {
    const active = sort.key === key;
    return (
      <button
        type="button"
        onClick={() => setSort({ key, descending: active ? !sort.descending : firstDescending })}
        className="inline-flex items-center gap-1 text-left font-semibold hover:underline"
        aria-label={`Sort by ${label}`}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? "▼" : "▲") : "↕"}</span>
      </button>
    );
  };
  const ariaSort = (key: string) => (sort.key === key ? (sort.descending ? "descending" : "ascending") : undefined);

  if (grid.rows.length === 0) return <p className="muted">No students yet. Share the class code or add students on the Students tab.</p>;
  if (grid.assignments.length === 0) return <p className="muted">No assignments yet. Assign a lesson to see progress here.</p>;

  const filterLabel: Record<Filter, string> = {
    all: `All students (${grid.rows.length})`,
    attention: `Need attention (${counts.attention})`,
    missing: `Past-due work not done (${counts.missing})`,
    low: `Average below ${Math.round(ATTENTION_AVERAGE * 100)} % (${counts.low})`,
    falling: `Latest score falling (${counts.falling})`,
    no_scores: `No scores yet (${counts.no_scores})`,
  };

  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="attention-summary">
        <strong>
          {counts.attention} of {grid.rows.length} students need attention
        </strong>
        : {counts.missing} with past-due work not done, {counts.low} averaging below {Math.round(ATTENTION_AVERAGE * 100)} % (more wrong than right), {counts.falling} whose latest score fell {">"}15 points.
      </p>
      <div className="flex flex-wrap items-end gap-4" data-no-print>
        <div>
          <label htmlFor="grid-search" className="field-label">
            Find a student
          </label>
          <input id="grid-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="field-input w-48" />
        </div>
        <div>
          <label htmlFor="grid-filter" className="field-label">
            Show
          </label>
          <select id="grid-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)} className="field-input">
            {(Object.keys(filterLabel) as Filter[]).map((key) => (
              <option key={key} value={key}>
                {filterLabel[key]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grid-sort" className="field-label">
            Order
          </label>
          <select
            id="grid-sort"
            value={sort.key === "help" || sort.key === "name" || sort.key === "average" ? sort.key : "custom"}
            onChange={(e) => setSort(e.target.value === "name" ? { key: "name", descending: false } : e.target.value === "average" ? { key: "average", descending: false } : { key: "help", descending: true })}
            className="field-input"
          >
            <option value="help">Most in need first</option>
            <option value="average">Lowest average first</option>
            <option value="name">Name</option>
            {sort.key !== "help" && sort.key !== "name" && sort.key !== "average" ? <option value="custom">By a column</option> : null}
          </select>
        </div>
        <p className="text-sm muted" aria-live="polite">
          Showing {rows.length} of {grid.rows.length}
        </p>
      </div>
      <p className="text-xs muted">
        Scores are each student&apos;s best attempt: <span className="font-semibold text-emerald-800 dark:text-emerald-300">Strong</span> {Math.round(STRONG * 100)} % and up,{" "}
        <span className="font-semibold text-amber-800 dark:text-amber-300">OK</span> {Math.round(LOW * 100)}–{Math.round(STRONG * 100) - 1} %, <span className="font-semibold text-red-800 dark:text-red-300">Low</span> under {Math.round(LOW * 100)} %. The average counts a
        past-due quiz that wasn&apos;t submitted as 0; work not yet due is left out.
      </p>
      <div className="max-h-[75vh] overflow-auto rounded-lg border border-stone-200 dark:border-stone-800" tabIndex={0} role="region" aria-label="Student progress grid, scrollable">
        <table className="min-w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">Each student&apos;s status and best score for each assignment, most in need first</caption>
          <thead className="text-left">
            <tr>
              <th scope="col" aria-sort={ariaSort("name")} className="sticky left-0 top-0 z-30 border-b border-stone-200 bg-stone-100 px-3 py-2 align-bottom dark:border-stone-700 dark:bg-stone-800">
                {sortButton("name", "Student", false)}
              </th>
              <th scope="col" aria-sort={ariaSort("average")} className="sticky top-0 z-20 border-b border-stone-200 bg-stone-100 px-3 py-2 align-bottom dark:border-stone-700 dark:bg-stone-800">
                {sortButton("average", "Average", false)}
                <span className="block text-xs font-normal muted">missing = 0</span>
              </th>
              {grid.assignments.map((a) => {
                const summary = grid.summaries[a.id]!;
                const label = `${a.lessonTitle}${ordinal[a.id] ? ` (#${ordinal[a.id]})` : ""}`;
                return (
                  <th key={a.id} scope="col" aria-sort={ariaSort(a.id)} className="sticky top-0 z-20 min-w-40 border-b border-stone-200 bg-stone-100 px-3 py-2 align-bottom dark:border-stone-700 dark:bg-stone-800">
                    {sortButton(a.id, label, false)}
                    <span className="block text-xs font-normal muted">
                      {a.quizId ? `${a.includeLesson ? "Reading + " : ""}${a.quizMode === "test" ? "test" : "practice"}` : "Reading"}
                      {a.dueAt ? (
                        <>
                          {" · due "}
                          <LocalTime date={a.dueAt} zone={a.timeZone} style="short" />
                        </>
                      ) : (
                        " · no due date"
                      )}
                    </span>
                    <span className="block text-xs font-normal">
                      {summary.submitted}/{summary.total} {a.quizId ? "submitted" : "done"}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.studentId}>
                <th scope="row" className="sticky left-0 z-10 border-b border-stone-200 bg-white px-3 py-2 text-left align-top font-medium dark:border-stone-800 dark:bg-stone-900">
                  <Link href={`/classes/${classId}/students/${row.studentId}`}>{row.displayName}</Link>
                  <span className="block text-xs font-normal muted">{row.username}</span>
                  <AttentionChips row={row} />
                </th>
                <td className={`border-b border-stone-200 px-3 py-2 align-top dark:border-stone-800 ${row.average !== null ? BAND[bandOf(row.average)].cell : ""}`}>
                  {row.average !== null ? (
                    <>
                      <span className={`font-semibold tabular-nums ${BAND[bandOf(row.average)].text}`}>{pct(row.average)}</span>
                      <span className={`ml-1 text-xs font-medium ${BAND[bandOf(row.average)].text}`}>{BAND[bandOf(row.average)].label}</span>
                      {row.zeros ? <span className="block text-xs muted">{row.zeros} counted as 0</span> : null}
                    </>
                  ) : (
                    <span className="text-xs font-semibold text-stone-700 dark:text-stone-300">No scores yet</span>
                  )}
                </td>
                {grid.assignments.map((a) => (
                  <Cell key={a.id} cell={row.cells[a.id]!} isQuiz={a.quizId !== null} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
