import { useQuery } from "@tanstack/react-query";
import { Workflow } from "lucide-react";
import { Link } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { ImportScenarioButton } from "../designer/scenarios/ImportScenarioButton.tsx";
import { NewScenarioButton } from "../designer/scenarios/NewScenarioButton.tsx";
import { timeAgo } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { Table } from "../ui/Table.tsx";

export function ScenariosPage() {
  const trpc = useTRPC();
  const scenarios = useQuery(trpc.scenarios.list.queryOptions({ limit: 100 }));
  const designs = useCan("design");
  return (
    <>
      <PageHeader
        title="Scenarios"
        description="Typed graphs of functions and human steps. Drafts are editable; published versions run."
        actions={
          designs && (
            <>
              <ImportScenarioButton />
              <NewScenarioButton />
            </>
          )
        }
      />
      <div className="p-6">
        {scenarios.error ? (
          <ErrorNotice error={scenarios.error} retry={() => scenarios.refetch()} />
        ) : !scenarios.data ? (
          <LoadingRows />
        ) : scenarios.data.items.length === 0 ? (
          <EmptyState icon={Workflow} title="No scenarios yet">
            Create one with “New scenario”, or import a baton.scenario/v1 file.
          </EmptyState>
        ) : (
          <Table
            label="Scenarios"
            rows={scenarios.data.items}
            rowKey={(s) => s.id}
            columns={[
              {
                header: "Scenario",
                cell: (s) => (
                  <Link to={`/scenarios/${s.slug}`} className="group block">
                    <div className="font-medium group-hover:text-indigo-600 dark:group-hover:text-indigo-400">
                      {s.name}
                    </div>
                    <div className="font-mono text-xs text-zinc-500">{s.slug}</div>
                  </Link>
                ),
              },
              {
                header: "Description",
                cell: (s) => (
                  <span className="line-clamp-2 text-zinc-600 dark:text-zinc-400">
                    {s.description}
                  </span>
                ),
              },
              {
                header: "Published",
                className: "whitespace-nowrap",
                cell: (s) => (s.versions[0] ? `v${s.versions[0].version}` : "draft only"),
              },
              {
                header: "Runs",
                className: "tabular-nums",
                cell: (s) => s.versions[0]?._count.runs ?? 0,
              },
              {
                header: "Edited",
                className: "whitespace-nowrap text-zinc-500",
                cell: (s) => timeAgo(s.updatedAt),
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
