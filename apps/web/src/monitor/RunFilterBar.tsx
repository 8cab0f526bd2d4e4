import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";
import { RUN_STATUSES, TIME_RANGES, type TRunFilters, type TTimeRange } from "./run-filters.ts";

const SELECT =
  "rounded-md border border-zinc-300 bg-white py-1 pr-7 pl-2 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** Scenario, status and time filters of the run dashboard. */
export function RunFilterBar({
  filters,
  onChange,
}: {
  filters: TRunFilters;
  onChange: (filters: TRunFilters) => void;
}) {
  const trpc = useTRPC();
  const scenarios = useQuery(trpc.scenarios.list.queryOptions({ limit: 200 }));
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-zinc-500">
      <label className="flex items-center gap-1.5">
        Scenario
        <select
          value={filters.scenarioId ?? ""}
          onChange={(e) => onChange({ ...filters, scenarioId: e.target.value || undefined })}
          className={SELECT}
        >
          <option value="">All scenarios</option>
          {scenarios.data?.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        Status
        <select
          value={filters.status ?? ""}
          onChange={(e) =>
            onChange({
              ...filters,
              status: RUN_STATUSES.find((s) => s === e.target.value),
            })
          }
          className={SELECT}
        >
          <option value="">Any status</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        Started
        <select
          value={filters.range}
          onChange={(e) => onChange({ ...filters, range: e.target.value as TTimeRange })}
          className={SELECT}
        >
          {Object.entries(TIME_RANGES).map(([key, { label }]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
