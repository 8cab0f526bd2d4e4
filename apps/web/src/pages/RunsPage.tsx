import { useQuery } from "@tanstack/react-query";
import { PlayCircle } from "lucide-react";
import { useState } from "react";
import { formatDuration, timeAgo } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { StatCard } from "../ui/StatCard.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { Table } from "../ui/Table.tsx";

const statuses = ["running", "waiting", "succeeded", "failed", "cancelled", "pending"] as const;
type TStatus = (typeof statuses)[number];

export function RunsPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<TStatus | "">("");
  const overview = useQuery(trpc.system.overview.queryOptions());
  const runs = useQuery(trpc.runs.list.queryOptions({ limit: 100, ...(status ? { status } : {}) }));
  const counts = overview.data?.runs ?? {};
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every execution of a published scenario, newest first."
        actions={
          <label className="flex items-center gap-2 text-zinc-500">
            Status
            <select
              value={status}
              onChange={(e) => setStatus(e.target.value as TStatus | "")}
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
            >
              <option value="">All</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <div className="space-y-5 p-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <StatCard label="Running" value={counts.running ?? 0} tone="info" />
          <StatCard label="Waiting" value={counts.waiting ?? 0} tone="warn" />
          <StatCard label="Succeeded" value={counts.succeeded ?? 0} tone="good" />
          <StatCard
            label="Failed"
            value={counts.failed ?? 0}
            tone={counts.failed ? "bad" : "neutral"}
          />
          <StatCard label="Cancelled" value={counts.cancelled ?? 0} />
        </div>
        {runs.error ? (
          <ErrorNotice error={runs.error} retry={() => runs.refetch()} />
        ) : !runs.data ? (
          <LoadingRows />
        ) : runs.data.items.length === 0 ? (
          <EmptyState icon={PlayCircle} title={status ? `No ${status} runs` : "No runs yet"}>
            Runs started from the designer, the API, a webhook or the CLI appear here.
          </EmptyState>
        ) : (
          <Table
            label="Runs"
            rows={runs.data.items}
            rowKey={(r) => r.id}
            columns={[
              {
                header: "Scenario",
                cell: (r) => (
                  <div>
                    <div className="font-medium">{r.scenarioVersion.scenario.name}</div>
                    <div className="font-mono text-xs text-zinc-500">
                      v{r.scenarioVersion.version} · {r.id.slice(0, 8)}
                    </div>
                  </div>
                ),
              },
              { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
              {
                header: "Progress",
                cell: (r) => (
                  <div className="flex items-center gap-2">
                    <div className="h-1.5 w-24 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
                      <div
                        className="h-full bg-indigo-500"
                        style={{
                          width: `${r.stepsTotal ? (100 * r.stepsDone) / r.stepsTotal : 0}%`,
                        }}
                      />
                    </div>
                    <span className="text-xs text-zinc-500 tabular-nums">
                      {r.stepsDone}/{r.stepsTotal}
                    </span>
                  </div>
                ),
              },
              { header: "Started by", cell: (r) => r.startedBy?.name ?? r.trigger },
              {
                header: "Started",
                className: "whitespace-nowrap text-zinc-500",
                cell: (r) => timeAgo(r.startedAt ?? r.createdAt),
              },
              {
                header: "Duration",
                className: "whitespace-nowrap tabular-nums",
                cell: (r) =>
                  r.startedAt
                    ? formatDuration(
                        new Date(r.endedAt ?? Date.now()).getTime() -
                          new Date(r.startedAt).getTime(),
                      )
                    : "–",
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
