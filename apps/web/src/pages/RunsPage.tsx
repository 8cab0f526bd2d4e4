import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PlayCircle } from "lucide-react";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../monitor/buttons.ts";
import { RunFilterBar } from "../monitor/RunFilterBar.tsx";
import { RunsTable } from "../monitor/RunsTable.tsx";
import {
  readRunFilters,
  runListInput,
  runScopeInput,
  type TRunFilters,
  writeRunFilters,
} from "../monitor/run-filters.ts";
import { StatusCounts } from "../monitor/StatusCounts.tsx";
import { useNow } from "../monitor/use-now.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";

/** `/runs`: every run, filtered, with counts per status; kept live by the run feed. */
export function RunsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = readRunFilters(params);
  const setFilters = (next: TRunFilters) => setParams(writeRunFilters(next), { replace: true });
  const opened = useMemo(() => Date.now(), []);
  // counts follow the scenario and time filters; the status filter picks among them
  const counts = useQuery(trpc.runs.counts.queryOptions(runScopeInput(filters, opened)));
  const runs = useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(runListInput(filters, opened), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const now = useNow(items.some((r) => r.status === "running" || r.status === "waiting"));
  const filtered = Boolean(filters.status || filters.scenarioId || filters.range !== "all");
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every execution of a published scenario, newest first, live."
      />
      <div className="space-y-4 p-6">
        <RunFilterBar filters={filters} onChange={setFilters} />
        <StatusCounts
          counts={counts.data ?? {}}
          active={filters.status}
          onPick={(status) => setFilters({ ...filters, status })}
        />
        {runs.error ? (
          <ErrorNotice error={runs.error} retry={() => runs.refetch()} />
        ) : !runs.data ? (
          <LoadingRows />
        ) : items.length === 0 ? (
          <EmptyState
            icon={PlayCircle}
            title={filtered ? "No run matches these filters" : "No runs yet"}
          >
            Runs started from the designer, the API, a webhook or the CLI appear here as they start.
          </EmptyState>
        ) : (
          <>
            <RunsTable runs={items} now={now} />
            {runs.hasNextPage && (
              <div className="flex justify-center">
                <button
                  type="button"
                  className={BUTTON.secondary}
                  disabled={runs.isFetchingNextPage}
                  onClick={() => runs.fetchNextPage()}
                >
                  {runs.isFetchingNextPage ? "Loading…" : "Show older runs"}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
}
