"use client";

import Link from "next/link";
import type { Paper } from "@/lib/interop/paper";

/** Screen-only bar above a print view: paper size and a Print button. */
export function PrintToolbar({ basePath, paper, backHref, backLabel, query }: { basePath: string; paper: Paper; backHref: string; backLabel: string; query?: string }) {
  const option = (value: Paper, label: string) => (
    <Link href={`${basePath}?${[query, value === "auto" ? "" : `paper=${value}`].filter(Boolean).join("&")}`.replace(/\?$/, "")} aria-current={paper === value ? "true" : undefined} className={`rounded-md px-3 py-1.5 text-sm no-underline ${paper === value ? "bg-brand-700 text-white dark:bg-brand-300 dark:text-stone-950" : "text-stone-800 hover:bg-stone-100 dark:text-stone-100 dark:hover:bg-stone-800"}`}>
      {label}
    </Link>
  );
  return (
    <div data-no-print className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-700 dark:bg-stone-900">
      <Link href={backHref}>← {backLabel}</Link>
      <nav aria-label="Paper size" className="flex items-center gap-1">
        <span className="mr-1 text-sm muted">Paper:</span>
        {option("auto", "Printer default")}
        {option("letter", "Letter")}
        {option("a4", "A4")}
      </nav>
      <button type="button" className="btn-primary" onClick={() => window.print()}>
        Print
      </button>
    </div>
  );
}
