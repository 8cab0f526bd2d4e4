import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { Link } from "react-router";
import { useTRPC } from "../../lib/trpc.ts";

const DONE = new Set(["succeeded", "failed", "cancelled"]);

/** A run just started from the designer, polled every `intervalMs` until it settles. */
export const useSettlingRun = (runId: string, intervalMs: number) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.runs.get.queryOptions({ id: runId }),
    refetchInterval: (query) =>
      query.state.data && DONE.has(query.state.data.status) ? false : intervalMs,
  });
};

/** The way from a started run's status to its monitor. */
export function MonitorLink({ runId }: { runId: string }) {
  return (
    <Link
      to={`/runs/${runId}`}
      className="ml-auto flex items-center gap-1 font-medium text-indigo-600 hover:underline dark:text-indigo-400"
    >
      Open monitor
      <ExternalLink className="size-3" aria-hidden />
    </Link>
  );
}
