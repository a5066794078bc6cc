"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { ClassGrid } from "@/lib/data/dashboard";
import { StatusBadge, formatPercent } from "@/app/ui/status-badge";

/** "name", "average", or an assignment id. */
type SortKey = string;

/** Students × assignments, sortable by any column and filterable by name or status. */
export function ProgressGrid({ classId, grid }: { classId: string; grid: ClassGrid }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const [query, setQuery] = useState("");
  const [onlyAttention, setOnlyAttention] = useState(false);

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = grid.rows.filter((row) => {
      if (needle && !row.displayName.toLowerCase().includes(needle) && !row.username.includes(needle)) return false;
      if (onlyAttention && !Object.values(row.cells).some((c) => c.status === "missing" || c.status === "incomplete" || c.status === "late" || (c.bestScore !== null && c.bestScore < 0.6))) return false;
      return true;
    });
    const value = (row: (typeof filtered)[number]): string | number => {
      if (sort.key === "name") return row.displayName.toLowerCase();
      if (sort.key === "average") return row.average ?? -1;
      return row.cells[sort.key]?.bestScore ?? -1;
    };
    return [...filtered].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const order = va < vb ? -1 : va > vb ? 1 : a.displayName.localeCompare(b.displayName);
      return sort.descending ? -order : order;
    });
  }, [grid.rows, query, onlyAttention, sort]);

  const sortButton = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <button
        type="button"
        onClick={() => setSort({ key, descending: active ? !sort.descending : key !== "name" })}
        className="inline-flex items-center gap-1 font-semibold hover:underline"
        aria-label={`Sort by ${label}`}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? "▼" : "▲") : "↕"}</span>
      </button>
    );
  };
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? "descending" : "ascending") : undefined);

  if (grid.rows.length === 0) return <p className="muted">No students yet. Share the class code or add students on the Students tab.</p>;
  if (grid.assignments.length === 0) return <p className="muted">No assignments yet. Assign a lesson to see progress here.</p>;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4" data-no-print>
        <div>
          <label htmlFor="grid-search" className="field-label">
            Find a student
          </label>
          <input id="grid-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="field-input w-56" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} className="size-4 accent-brand-700" />
          Only students needing attention (missing, incomplete, late or under 60%)
        </label>
        <p className="text-sm muted" aria-live="polite">
          Showing {rows.length} of {grid.rows.length} students
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Each student&apos;s status and best score for each assignment</caption>
          <thead className="bg-stone-100 text-left dark:bg-stone-800">
            <tr>
              <th scope="col" aria-sort={ariaSort("name")} className="sticky left-0 bg-stone-100 px-3 py-2 dark:bg-stone-800">
                {sortButton("name", "Student")}
              </th>
              <th scope="col" aria-sort={ariaSort("average")} className="px-3 py-2">
                {sortButton("average", "Average")}
              </th>
              {grid.assignments.map((a) => (
                <th key={a.id} scope="col" aria-sort={ariaSort(a.id)} className="min-w-36 px-3 py-2 align-bottom">
                  {sortButton(a.id, a.lessonTitle)}
                  <span className="block text-xs font-normal muted">
                    {a.quizId ? (a.includeLesson ? "Lesson + quiz" : "Quiz") : "Reading"}
                    {a.dueAt ? ` · due ${a.dueAt.toLocaleDateString("en-US", { month: "short", day: "numeric" })}` : ""}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.studentId} className="border-t border-stone-200 dark:border-stone-800">
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium dark:bg-stone-900">
                  <Link href={`/classes/${classId}/students/${row.studentId}`}>{row.displayName}</Link>
                  <span className="block text-xs font-normal muted">{row.username}</span>
                </th>
                <td className="px-3 py-2 tabular-nums">{formatPercent(row.average)}</td>
                {grid.assignments.map((a) => {
                  const cell = row.cells[a.id]!;
                  return (
                    <td key={a.id} className="px-3 py-2">
                      <StatusBadge status={cell.status} />
                      {cell.bestScore !== null ? <span className="ml-2 tabular-nums">{formatPercent(cell.bestScore)}</span> : null}
                      {cell.attempts > 1 ? <span className="block text-xs muted">{cell.attempts} attempts</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
