import type { ReactNode } from "react";

export type TColumn<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
};

export function Table<T>({
  columns,
  rows,
  rowKey,
  label,
}: {
  columns: TColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  label: string;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left" aria-label={label}>
        <thead className="border-zinc-200 border-b bg-zinc-50 text-xs text-zinc-500 uppercase tracking-wide dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={`px-3 py-2 font-medium ${c.className ?? ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
              {columns.map((c) => (
                <td key={c.header} className={`px-3 py-2 align-middle ${c.className ?? ""}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
