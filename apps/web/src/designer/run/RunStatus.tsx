import { errorMessage } from "../../lib/trpc.ts";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { MonitorLink, useSettlingRun } from "./settling-run.tsx";

/** A started run's state, polled until it settles, with the way to its monitor. */
export function RunStatus({ runId }: { runId: string }) {
  const run = useSettlingRun(runId, 1_000);
  if (run.error) return <p className="text-red-600 text-xs">{errorMessage(run.error)}</p>;
  const data = run.data;
  const done =
    data?.stepRuns.filter((s) => s.status === "succeeded" || s.status === "skipped").length ?? 0;
  return (
    <div
      role="status"
      aria-label="Run status"
      className="flex items-center gap-2 rounded-md border border-zinc-200 px-2.5 py-2 text-[12px] dark:border-zinc-800"
    >
      <StatusBadge status={data?.status ?? "pending"} />
      <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
        {data ? `${done} step${done === 1 ? "" : "s"} done` : "starting…"}
      </span>
      <MonitorLink runId={runId} />
    </div>
  );
}
