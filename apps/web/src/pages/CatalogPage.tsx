import { useQuery } from "@tanstack/react-query";
import { Boxes } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { Link } from "react-router";
import { CatalogEmptyState } from "../catalog/CatalogEmptyState.tsx";
import { CatalogFilters, type TCatalogFilter } from "../catalog/CatalogFilters.tsx";
import { ConnectionsSection } from "../catalog/ConnectionsSection.tsx";
import { SchemaSourceBadge } from "../catalog/SchemaSourceBadge.tsx";
import { timeAgo } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { StatCard } from "../ui/StatCard.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { Table } from "../ui/Table.tsx";

export function CatalogPage() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<TCatalogFilter>({
    search: "",
    provider: "",
    connectionId: "",
    tag: "",
  });
  const deferred = useDeferredValue(filter.search.trim());
  const narrowed = Boolean(deferred || filter.provider || filter.connectionId || filter.tag);
  const overview = useQuery(trpc.system.overview.queryOptions());
  const connections = useQuery(trpc.catalog.connections.queryOptions());
  const tags = useQuery(trpc.catalog.tags.queryOptions());
  const functions = useQuery(
    trpc.catalog.functions.queryOptions({
      limit: 200,
      ...(deferred ? { search: deferred } : {}),
      ...(filter.provider ? { provider: filter.provider } : {}),
      ...(filter.connectionId ? { connectionId: filter.connectionId } : {}),
      ...(filter.tag ? { tag: filter.tag } : {}),
    }),
  );
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Functions discovered at your providers, with their typed inputs and outputs."
      />
      <div className="space-y-5 p-6">
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard label="Functions" value={overview.data?.functions} />
          <StatCard label="Connections" value={overview.data?.connections} />
          <StatCard
            label="Missing"
            value={overview.data?.missingFunctions}
            hint="no longer found at their provider"
            tone={overview.data?.missingFunctions ? "warn" : "neutral"}
          />
          <StatCard
            label="Connections in error"
            value={connections.data?.filter((c) => c.status === "error").length}
            tone={connections.data?.some((c) => c.status === "error") ? "bad" : "neutral"}
          />
        </div>

        {connections.data && <ConnectionsSection connections={connections.data} />}

        <CatalogFilters
          filter={filter}
          onChange={setFilter}
          connections={connections.data ?? []}
          tags={tags.data ?? []}
        />

        {functions.error ? (
          <ErrorNotice error={functions.error} retry={() => functions.refetch()} />
        ) : !functions.data ? (
          <LoadingRows />
        ) : functions.data.items.length === 0 ? (
          narrowed ? (
            <EmptyState icon={Boxes} title="No function matches">
              Nothing in the catalog matches this search and these filters.
            </EmptyState>
          ) : (
            <CatalogEmptyState connections={connections.data?.length ?? 0} />
          )
        ) : (
          <Table
            label="Functions"
            rows={functions.data.items}
            rowKey={(f) => f.id}
            columns={[
              {
                header: "Function",
                cell: (f) => (
                  <div>
                    <Link
                      to={`/catalog/${f.id}`}
                      className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {f.name}
                    </Link>
                    <div className="font-mono text-xs text-zinc-500">{f.ref}</div>
                  </div>
                ),
              },
              {
                header: "Description",
                className: "max-w-md",
                cell: (f) => (
                  <span className="line-clamp-2 text-zinc-600 dark:text-zinc-400">
                    {f.description}
                  </span>
                ),
              },
              {
                header: "Provider",
                cell: (f) => (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {f.connection.provider} · {f.connection.name}
                  </span>
                ),
              },
              {
                header: "Tags",
                cell: (f) => (
                  <div className="flex flex-wrap gap-1">
                    {f.tags.map((t) => (
                      <span
                        key={t}
                        className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
                      >
                        {t}
                      </span>
                    ))}
                  </div>
                ),
              },
              { header: "Schema", cell: (f) => <SchemaSourceBadge source={f.schemaSource} /> },
              {
                header: "Seen",
                className: "whitespace-nowrap text-zinc-500",
                cell: (f) => timeAgo(f.lastSeenAt),
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
