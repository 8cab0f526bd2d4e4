import { useQuery } from "@tanstack/react-query";
import { Boxes, Search } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { timeAgo } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { StatCard } from "../ui/StatCard.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { Table } from "../ui/Table.tsx";

export function CatalogPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const overview = useQuery(trpc.system.overview.queryOptions());
  const connections = useQuery(trpc.catalog.connections.queryOptions());
  const functions = useQuery(
    trpc.catalog.functions.queryOptions({ limit: 200, ...(deferred ? { search: deferred } : {}) }),
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

        {connections.data && connections.data.length > 0 && (
          <section aria-label="Connections" className="flex flex-wrap gap-2">
            {connections.data.map((c) => (
              <div
                key={c.id}
                className="flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 dark:border-zinc-800 dark:bg-zinc-900"
                title={c.lastError ?? undefined}
              >
                <span className="font-medium">{c.name}</span>
                <span className="text-xs text-zinc-500">{c.provider}</span>
                <StatusBadge status={c.status} />
                <span className="text-xs text-zinc-500 tabular-nums">{c._count.functions} fn</span>
              </div>
            ))}
          </section>
        )}

        <label className="relative block max-w-md">
          <span className="sr-only">Search functions</span>
          <Search
            className="-translate-y-1/2 absolute top-1/2 left-2.5 size-4 text-zinc-400"
            aria-hidden
          />
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search by name, description or ref"
            className="w-full rounded-md border border-zinc-300 bg-white py-1.5 pr-3 pl-8 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>

        {functions.error ? (
          <ErrorNotice error={functions.error} retry={() => functions.refetch()} />
        ) : !functions.data ? (
          <LoadingRows />
        ) : functions.data.items.length === 0 ? (
          <EmptyState icon={Boxes} title={deferred ? "No function matches" : "No functions yet"}>
            {deferred
              ? `Nothing in the catalog matches “${deferred}”.`
              : "Add a connection to a provider and Baton discovers its functions."}
          </EmptyState>
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
                    <div className="font-medium">{f.name}</div>
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
              { header: "Schema", cell: (f) => <span className="text-xs">{f.schemaSource}</span> },
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
