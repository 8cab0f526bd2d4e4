import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { Link } from "react-router";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { StatusBadge } from "../../ui/StatusBadge.tsx";

const DONE = new Set(["succeeded", "failed", "cancelled"]);

/**
 * A started test run, polled until it ends: its status, its output or error once it has
 * one (for a single step, the step's own), and the way to its monitor.
 */
export function TestRunStatus({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.runs.get.queryOptions({ id: runId }),
    refetchInterval: (query) =>
      query.state.data && DONE.has(query.state.data.status) ? false : 500,
  });
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
        <Link
          to={`/runs/${runId}`}
          className="ml-auto flex items-center gap-1 font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Open monitor
          <ExternalLink className="size-3" aria-hidden />
        </Link>
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
