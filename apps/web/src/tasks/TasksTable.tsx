import type { AppRouter } from "@baton/server";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { formatDateTime, timeAgo } from "../lib/format.ts";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { Table } from "../ui/Table.tsx";
import { DueLabel } from "./DueLabel.tsx";

type TTaskRow = inferRouterOutputs<AppRouter>["tasks"]["list"]["items"][number];

/** The inbox: each task links to its form. */
export function TasksTable({
  tasks,
  now,
  label,
}: {
  tasks: TTaskRow[];
  now: number;
  label: string;
}) {
  return (
    <Table
      label={label}
      rows={tasks}
      rowKey={(t) => t.id}
      columns={[
        {
          header: "Task",
          cell: (t) => (
            <Link
              to={`/tasks/${t.id}`}
              className="font-medium hover:text-indigo-600 dark:hover:text-indigo-400"
            >
              {t.title}
            </Link>
          ),
        },
        {
          header: "Scenario",
          cell: (t) => (
            <span>
              {t.run.scenarioVersion.scenario.name}{" "}
              <span className="text-zinc-400">v{t.run.scenarioVersion.version}</span>
            </span>
          ),
        },
        {
          header: "Step",
          cell: (t) => (
            <Link
              to={`/runs/${t.run.id}?step=${t.nodeId}`}
              className="hover:underline"
              title="Open the run at this step"
            >
              {t.stepLabel}
            </Link>
          ),
        },
        { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
        {
          header: "Waiting",
          className: "whitespace-nowrap text-zinc-500",
          cell: (t) => (
            <time dateTime={t.createdAt} title={formatDateTime(t.createdAt)}>
              {t.decidedAt
                ? `decided ${timeAgo(t.decidedAt, now)}`
                : timeAgo(t.createdAt, now).replace(/ ago$/, "")}
            </time>
          ),
        },
        {
          header: "Due",
          className: "whitespace-nowrap",
          cell: (t) => <DueLabel dueAt={t.dueAt} now={now} />,
        },
      ]}
    />
  );
}
