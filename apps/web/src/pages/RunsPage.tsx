import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PlayCircle } from "lucide-react";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useTRPC } from "../lib/trpc.ts";
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
import { BUTTON } from "../ui/buttons.ts";
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
  const tab = (test: boolean) =>
    `-mb-px border-b-2 px-1 pb-2 font-medium text-[13px] ${
      Boolean(filters.test) === test
        ? "border-indigo-600 text-zinc-900 dark:border-indigo-400 dark:text-zinc-100"
        : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
    }`;
  const showTests = (test: boolean) => {
    const { test: _shown, ...rest } = filters;
    setFilters(test ? { ...rest, status: undefined, test: true } : { ...rest, status: undefined });
  };
  return (
    <>
      <PageHeader
        title="Runs"
        description={
          filters.test
            ? "Test runs of drafts, started from the designer; kept apart from real runs and their counts."
            : "Every execution of a published scenario, newest first, live."
        }
      />
      <div className="space-y-4 p-6">
        <div
          role="tablist"
          aria-label="Kind of runs"
          className="flex gap-5 border-zinc-200 border-b dark:border-zinc-800"
        >
          <button
            type="button"
            role="tab"
            aria-selected={!filters.test}
            className={tab(false)}
            onClick={() => showTests(false)}
          >
            Runs
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={Boolean(filters.test)}
            className={tab(true)}
            onClick={() => showTests(true)}
          >
            Test runs
          </button>
        </div>
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
            title={
              filtered
                ? "No run matches these filters"
                : filters.test
                  ? "No test runs"
                  : "No runs yet"
            }
          >
            {filters.test
              ? "Test runs of a draft, started with Test run in the designer, appear here; ended ones can be deleted from their monitor."
              : "Runs started from the designer, the API, a webhook or the CLI appear here as they start."}
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
