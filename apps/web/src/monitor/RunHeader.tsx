import { ChevronRight, FlaskConical } from "lucide-react";
import { type ReactNode, useMemo } from "react";
import { Link } from "react-router";
import { formatDateTime, formatDuration } from "../lib/format.ts";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { LiveIndicator } from "./LiveIndicator.tsx";
import type { TProgress } from "./node-states.ts";
import { ProgressBar } from "./ProgressBar.tsx";
import type { TRunDetail } from "./run-types.ts";

/** The run's name, status, facts, progress and actions. */
export function RunHeader({
  run,
  progress,
  live,
  now,
  actions,
}: {
  run: TRunDetail;
  progress: TProgress;
  live: "connecting" | "live" | "error";
  now: number;
  actions: ReactNode;
}) {
  const { scenario, version } = run.scenarioVersion;
  const started = run.startedAt ?? run.createdAt;
  const startedText = useMemo(() => formatDateTime(started), [started]);
  const took = (run.endedAt ? Date.parse(run.endedAt) : now) - Date.parse(started);
  return (
    <header className="border-zinc-200 border-b bg-white px-5 pt-3 pb-3 dark:border-zinc-800 dark:bg-zinc-900">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-xs text-zinc-500">
        {run.test ? (
          <Link
            to={`/runs?kind=test&scenario=${scenario.id}`}
            className="hover:text-zinc-800 dark:hover:text-zinc-200"
          >
            Test runs
          </Link>
        ) : (
          <Link to="/runs" className="hover:text-zinc-800 dark:hover:text-zinc-200">
            Runs
          </Link>
        )}
        <ChevronRight className="size-3" aria-hidden />
        <span className="font-mono">{run.id.slice(0, 8)}</span>
      </nav>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 items-center gap-2.5">
          <h1 className="truncate font-semibold text-lg tracking-tight">
            {scenario.name}{" "}
            <span className="font-normal text-zinc-400">
              {run.scenarioVersion.test ? run.scenarioVersion.note : `v${version}`}
            </span>
          </h1>
          {run.test && (
            <span className="inline-flex items-center gap-1 rounded-md bg-violet-100 px-1.5 py-0.5 font-medium text-violet-800 text-xs ring-1 ring-violet-600/20 ring-inset dark:bg-violet-950 dark:text-violet-300">
              <FlaskConical className="size-3.5" aria-hidden />
              Test run
            </span>
          )}
          <span role="status" aria-label="Run status">
            <StatusBadge status={run.status} />
          </span>
          <LiveIndicator live={live} />
        </div>
        <div className="ml-auto">{actions}</div>
      </div>
      <dl className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <div className="flex gap-1">
          <dt>Started</dt>
          <dd className="text-zinc-700 dark:text-zinc-200">{startedText}</dd>
        </div>
        <div className="flex gap-1">
          <dt>by</dt>
          <dd className="text-zinc-700 dark:text-zinc-200">{run.startedBy?.name ?? run.trigger}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{run.endedAt ? "Took" : "Running for"}</dt>
          <dd className="text-zinc-700 tabular-nums dark:text-zinc-200">
            {formatDuration(Math.max(0, took))}
          </dd>
        </div>
        {run.generation > 0 && (
          <div className="flex gap-1">
            <dt>Reworked</dt>
            <dd className="text-zinc-700 dark:text-zinc-200">
              {run.generation} time{run.generation === 1 ? "" : "s"}
            </dd>
          </div>
        )}
        <div className="flex min-w-56 flex-1 items-center gap-2 sm:max-w-sm">
          <dt className="sr-only">Progress</dt>
          <dd className="flex flex-1 items-center gap-2">
            <ProgressBar progress={progress} className="flex-1" />
            <span className="text-zinc-700 tabular-nums dark:text-zinc-200">
              {progress.done}/{progress.total} steps
            </span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
