import { errorMessage } from "../../lib/trpc.ts";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { MonitorLink, useSettlingRun } from "../run/settling-run.tsx";

/**
 * A started test run, polled until it ends: its status, its output or error once it has
 * one (for a single step, the step's own), and the way to its monitor.
 */
export function TestRunStatus({ runId }: { runId: string }) {
  const run = useSettlingRun(runId, 500);
  if (run.error) return <p className="text-red-600 text-xs">{errorMessage(run.error)}</p>;
  const data = run.data;
  const error = data?.error as { message?: string } | null | undefined;
  return (
    <div
      role="status"
      aria-label="Test run status"
      className="space-y-2 rounded-md border border-zinc-200 px-2.5 py-2 text-[12px] dark:border-zinc-800"
    >
      <div className="flex items-center gap-2">
        <StatusBadge status={data?.status ?? "pending"} />
        <span className="text-zinc-500">Test run</span>
        <MonitorLink runId={runId} />
      </div>
      {data?.status === "succeeded" && (
        <figure>
          <figcaption className="mb-1 text-[11px] text-zinc-500">Output</figcaption>
          <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-[11px] leading-4 dark:bg-zinc-950">
            {JSON.stringify(data.output, null, 2)}
          </pre>
        </figure>
      )}
      {data?.status === "failed" && error?.message && (
        <p className="whitespace-pre-line text-red-700 dark:text-red-400">{error.message}</p>
      )}
    </div>
  );
}
