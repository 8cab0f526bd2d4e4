import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { TRefreshReport } from "./types.ts";

type TChange = TRefreshReport["changed"][number]["input"][number];

const show = (value: unknown) => (value === undefined ? "" : JSON.stringify(value));

function ChangeLine({ side, change }: { side: string; change: TChange }) {
  const sign = change.kind === "added" ? "+" : change.kind === "removed" ? "−" : "~";
  const tone =
    change.kind === "added"
      ? "text-emerald-700 dark:text-emerald-400"
      : change.kind === "removed"
        ? "text-red-700 dark:text-red-400"
        : "text-amber-700 dark:text-amber-400";
  return (
    <li className={`break-all font-mono text-xs ${tone}`}>
      {sign} {side}.{change.path}
      {change.kind === "changed"
        ? `: ${show(change.before)} → ${show(change.after)}`
        : `: ${show(change.kind === "added" ? change.after : change.before)}`}
    </li>
  );
}

/** What a refresh found: new functions, changed ones with their schema diff, missing ones. */
export function RefreshReport({ report }: { report: TRefreshReport }) {
  if (!report.ok) {
    return (
      <div
        role="alert"
        className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
      >
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div>
          <p className="font-medium">“{report.connection}” could not be refreshed</p>
          <p className="text-sm">{report.error}</p>
          <p className="mt-1 text-xs">Its last good catalog is kept.</p>
        </div>
      </div>
    );
  }
  const nothing = report.added.length + report.changed.length + report.missing.length === 0;
  return (
    <section
      aria-label={`Refresh of ${report.connection}`}
      className="space-y-2 rounded-md border border-zinc-200 bg-white px-3 py-2.5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p className="flex items-center gap-1.5 font-medium">
        <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
        Refreshed “{report.connection}”
        {nothing && (
          <span className="font-normal text-zinc-500">
            — nothing changed ({report.unchanged} functions)
          </span>
        )}
      </p>
      {report.added.length > 0 && (
        <div>
          <h4 className="font-medium text-emerald-700 text-xs dark:text-emerald-400">
            New ({report.added.length})
          </h4>
          <p className="font-mono text-xs">{report.added.join(", ")}</p>
        </div>
      )}
      {report.changed.length > 0 && (
        <div>
          <h4 className="font-medium text-amber-700 text-xs dark:text-amber-400">
            Changed ({report.changed.length})
          </h4>
          {report.changed.map((c) => (
            <div key={c.ref} className="mt-1">
              <p className="font-mono text-xs">{c.ref}</p>
              <ul className="ml-3">
                {c.input.map((change) => (
                  <ChangeLine key={`i${change.path}`} side="input" change={change} />
                ))}
                {c.output.map((change) => (
                  <ChangeLine key={`o${change.path}`} side="output" change={change} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {report.missing.length > 0 && (
        <div>
          <h4 className="font-medium text-red-700 text-xs dark:text-red-400">
            Missing ({report.missing.length}) — kept, marked missing
          </h4>
          <p className="font-mono text-xs">{report.missing.join(", ")}</p>
        </div>
      )}
      {report.problems.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-zinc-500">
          {report.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
