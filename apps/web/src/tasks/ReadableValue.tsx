import { readableValue, type TReadable } from "./readable-value.ts";

const MUTED = "text-zinc-400 italic dark:text-zinc-500";

function Readable({ value }: { value: TReadable }) {
  switch (value.kind) {
    case "text":
      return (
        <span className={value.muted ? MUTED : "break-words text-zinc-900 dark:text-zinc-100"}>
          {value.text}
        </span>
      );
    case "fields":
      return value.fields.length === 0 ? (
        <span className={MUTED}>no fields</span>
      ) : (
        <dl className="grid grid-cols-[minmax(7rem,max-content)_minmax(0,1fr)] gap-x-4 gap-y-1.5">
          {value.fields.map((field) => {
            // a table takes the whole width, under its label
            const wide = field.value.kind === "table";
            return (
              <div key={field.key} className="contents">
                <dt
                  className={`text-zinc-500 dark:text-zinc-400 ${wide ? "col-span-2" : ""}`}
                  title={field.key}
                >
                  {field.label}
                </dt>
                <dd className={`min-w-0 ${wide ? "col-span-2" : ""}`}>
                  <Readable value={field.value} />
                </dd>
              </div>
            );
          })}
        </dl>
      );
    case "table":
      return (
        <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-xs">
            <thead className="bg-zinc-50 text-zinc-500 dark:bg-zinc-800/50 dark:text-zinc-400">
              <tr>
                {value.columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className="whitespace-nowrap px-2 py-1 font-medium"
                    title={c.key}
                  >
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {value.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a value have no ids
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td
                      key={value.columns[c]!.key}
                      className="whitespace-nowrap px-2 py-1 tabular-nums"
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "list":
      return (
        <ol className="list-decimal space-y-1.5 pl-5">
          {value.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of a value have no ids
            <li key={i}>
              <Readable value={item} />
            </li>
          ))}
        </ol>
      );
  }
}

/** A JSON value laid out for a person: labelled fields, tables, words. */
export function ReadableValue({ value, label }: { value: unknown; label: string }) {
  return (
    <section aria-label={label} className="text-[13px]">
      <Readable value={readableValue(value)} />
    </section>
  );
}
