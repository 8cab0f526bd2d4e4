import { Link } from "react-router";
import { formatDateTime, formatDuration, timeAgo } from "../lib/format.ts";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { Table } from "../ui/Table.tsx";
import { ProgressBar } from "./ProgressBar.tsx";
import type { TRunSummary } from "./run-types.ts";

/**
 * The dashboard's list of runs, each linking to its monitor. `now` ticks only while runs
 * are active, so a run that just appeared is never shown as starting in the future.
 */
export function RunsTable({ runs, now }: { runs: TRunSummary[]; now: number }) {
  return (
    <Table
      label="Runs"
      rows={runs}
      rowKey={(r) => r.id}
      columns={[
        {
          header: "Scenario",
          cell: (r) => (
            <Link
              to={`/runs/${r.id}`}
              className="group block"
              aria-label={`Run ${r.id.slice(0, 8)} of ${r.scenarioVersion.scenario.name}`}
            >
              <div className="font-medium group-hover:text-indigo-600 dark:group-hover:text-indigo-400">
                {r.scenarioVersion.scenario.name}
              </div>
              <div className="font-mono text-xs text-zinc-500">{r.id.slice(0, 8)}</div>
            </Link>
          ),
        },
        {
          header: "Version",
          className: "text-zinc-500 tabular-nums",
          cell: (r) =>
            r.scenarioVersion.test ? r.scenarioVersion.note : `v${r.scenarioVersion.version}`,
        },
        { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
        {
          header: "Progress",
          cell: (r) => (
            <div className="flex items-center gap-2">
              <ProgressBar
                className="w-24"
                progress={{
                  done: r.stepsDone,
                  total: r.stepsTotal,
                  failed: r.status === "failed" ? 1 : 0,
                  active: r.status === "running" ? 1 : 0,
                }}
              />
              <span className="whitespace-nowrap text-xs text-zinc-500 tabular-nums">
                {r.stepsDone}/{r.stepsTotal} steps
              </span>
            </div>
          ),
        },
        {
          header: "Started by",
          className: "text-zinc-600 dark:text-zinc-300",
          cell: (r) => r.startedBy?.name ?? r.trigger,
        },
        {
          header: "Started",
          className: "whitespace-nowrap text-zinc-500",
          cell: (r) => (
            <time
              dateTime={r.startedAt ?? r.createdAt}
              title={formatDateTime(r.startedAt ?? r.createdAt)}
            >
              {timeAgo(
                r.startedAt ?? r.createdAt,
                Math.max(now, Date.parse(r.startedAt ?? r.createdAt)),
              )}
            </time>
          ),
        },
        {
          header: "Duration",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (r) =>
            r.startedAt
              ? formatDuration(
                  Math.max(0, (r.endedAt ? Date.parse(r.endedAt) : now) - Date.parse(r.startedAt)),
                )
              : "–",
        },
      ]}
    />
  );
}
