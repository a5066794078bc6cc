/**
 * The data table under a server-rendered chart: the same numbers for screen
 * readers and anyone who prefers them, folded away behind "Show as a table".
 * The charts themselves are aria-hidden, so this table is what assistive
 * technology reads.
 */
export interface ChartTableRow {
  key: string;
  /** The row header (first column). */
  label: string;
  /** One cell per column after the first. */
  cells: React.ReactNode[];
}

export function ChartTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: ChartTableRow[] }) {
  const last = columns.length - 1;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 dark:text-brand-300">Show as a table</summary>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={index < last ? "py-1 pr-3" : "py-1"}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-stone-200 dark:border-stone-800">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.label}
                </th>
                {row.cells.map((cell, index) => (
                  <td key={index} className={index + 1 < last ? "py-1 pr-3 tabular-nums" : "py-1 tabular-nums"}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
