import { useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useSearchParams } from "react-router";
import { useTRPC } from "../lib/trpc.ts";
import { useNow } from "../monitor/use-now.ts";
import { TasksTable } from "../tasks/TasksTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";

const VIEWS = [
  ["open", "Open"],
  ["approved", "Approved"],
  ["rejected", "Rejected"],
  ["expired", "Expired"],
  ["cancelled", "Withdrawn"],
] as const;
type TView = (typeof VIEWS)[number][0];

/** `/tasks`: the approvals inbox, oldest first, live. */
export function TasksPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const view: TView = VIEWS.find(([v]) => v === params.get("status"))?.[0] ?? "open";
  const tasks = useQuery(trpc.tasks.list.queryOptions({ limit: 200, status: view }));
  const now = useNow(true, 30_000);
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Human steps waiting for a decision, oldest first. Open one to approve or reject it."
        actions={
          <div
            role="tablist"
            aria-label="Task status"
            className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
          >
            {VIEWS.map(([v, label]) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                onClick={() => setParams(v === "open" ? {} : { status: v }, { replace: true })}
                className={`rounded px-2.5 py-1 font-medium text-xs ${
                  view === v
                    ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                    : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
                }`}
              >
                {label}
              </button>
            ))}
          </div>
        }
      />
      <div className="p-6">
        {tasks.error ? (
          <ErrorNotice error={tasks.error} retry={() => tasks.refetch()} />
        ) : !tasks.data ? (
          <LoadingRows />
        ) : tasks.data.items.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title={view === "open" ? "Nothing waiting for you" : "No tasks here"}
          >
            When a run reaches a manual step, its task appears here to approve or reject.
          </EmptyState>
        ) : (
          <TasksTable
            tasks={tasks.data.items}
            now={now}
            label={view === "open" ? "Open tasks" : `${VIEWS.find(([v]) => v === view)?.[1]} tasks`}
          />
        )}
      </div>
    </>
  );
}
