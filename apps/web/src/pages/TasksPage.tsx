import { useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { formatDateTime, timeAgo } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { Table } from "../ui/Table.tsx";

export function TasksPage() {
  const trpc = useTRPC();
  const tasks = useQuery(trpc.tasks.list.queryOptions({ limit: 100, status: "open" }));
  return (
    <>
      <PageHeader title="Tasks" description="Human steps waiting for a decision. Oldest first." />
      <div className="p-6">
        {tasks.error ? (
          <ErrorNotice error={tasks.error} retry={() => tasks.refetch()} />
        ) : !tasks.data ? (
          <LoadingRows />
        ) : tasks.data.items.length === 0 ? (
          <EmptyState icon={Inbox} title="Nothing waiting for you">
            When a run reaches a manual step, its task appears here to approve or reject.
          </EmptyState>
        ) : (
          <Table
            label="Open tasks"
            rows={tasks.data.items}
            rowKey={(t) => t.id}
            columns={[
              { header: "Task", cell: (t) => <span className="font-medium">{t.title}</span> },
              {
                header: "Scenario",
                cell: (t) =>
                  `${t.run.scenarioVersion.scenario.name} v${t.run.scenarioVersion.version}`,
              },
              {
                header: "Step",
                cell: (t) => <span className="font-mono text-xs">{t.nodeId}</span>,
              },
              {
                header: "Waiting",
                className: "whitespace-nowrap text-zinc-500",
                cell: (t) => timeAgo(t.createdAt),
              },
              {
                header: "Due",
                className: "whitespace-nowrap",
                cell: (t) => (t.dueAt ? formatDateTime(t.dueAt) : "–"),
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
