import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { TConnectionTest } from "./types.ts";

/** What a connection test found, or why it failed. Nothing was saved either way. */
export function TestResult({ result }: { result: TConnectionTest }) {
  if (!result.ok) {
    return (
      <div
        role="status"
        aria-label="Test result"
        className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 text-sm dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
      >
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div className="min-w-0 break-words">
          <p className="font-medium">The test failed</p>
          <p>{result.error}</p>
        </div>
      </div>
    );
  }
  return (
    <div
      role="status"
      aria-label="Test result"
      className="space-y-1.5 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <p className="flex items-center gap-1.5 font-medium text-emerald-800 dark:text-emerald-300">
        <CheckCircle2 className="size-4" aria-hidden />
        Found {result.functions.length} function{result.functions.length === 1 ? "" : "s"}
      </p>
      {result.functions.length > 0 && (
        <ul className="max-h-40 space-y-0.5 overflow-auto">
          {result.functions.map((fn) => (
            <li key={fn.name} className="flex items-baseline gap-2 text-xs">
              <span className="font-medium font-mono">{fn.name}</span>
              <span className="text-zinc-500">
                {fn.schemaSource === "none" ? "no schema yet" : `schema ${fn.schemaSource}`}
              </span>
              <span className="truncate text-zinc-500">{fn.description}</span>
            </li>
          ))}
        </ul>
      )}
      {result.problems.length > 0 && (
        <ul className="list-disc pl-5 text-amber-800 text-xs dark:text-amber-300">
          {result.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
