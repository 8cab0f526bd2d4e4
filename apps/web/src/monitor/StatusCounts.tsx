import { RUN_STATUSES, type TRunStatusFilter } from "./run-filters.ts";

const TONES: Record<TRunStatusFilter, string> = {
  running: "text-sky-600 dark:text-sky-400",
  waiting: "text-amber-600 dark:text-amber-400",
  succeeded: "text-emerald-600 dark:text-emerald-400",
  failed: "text-red-600 dark:text-red-400",
  cancelled: "text-zinc-500 dark:text-zinc-400",
  pending: "text-zinc-500 dark:text-zinc-400",
};

/** Runs per status; a count filters the list to its status, clicked again shows all. */
export function StatusCounts({
  counts,
  active,
  onPick,
}: {
  counts: Record<string, number>;
  active: TRunStatusFilter | undefined;
  onPick: (status: TRunStatusFilter | undefined) => void;
}) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <fieldset className="grid grid-cols-3 gap-2 md:grid-cols-7">
      <legend className="sr-only">Runs per status</legend>
      <button
        type="button"
        aria-pressed={active === undefined}
        onClick={() => onPick(undefined)}
        className={`rounded-lg border px-3 py-2 text-left transition-colors ${
          active === undefined
            ? "border-indigo-400 bg-indigo-50/60 dark:border-indigo-500/60 dark:bg-indigo-500/10"
            : "border-zinc-200 bg-white hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
        }`}
      >
        <div className="font-medium text-[11px] text-zinc-500 uppercase tracking-wide">All</div>
        <div className="font-semibold text-xl tabular-nums">{total}</div>
      </button>
      {RUN_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          aria-pressed={active === status}
          aria-label={`${status}: ${counts[status] ?? 0}`}
          onClick={() => onPick(active === status ? undefined : status)}
          className={`rounded-lg border px-3 py-2 text-left transition-colors ${
            active === status
              ? "border-indigo-400 bg-indigo-50/60 dark:border-indigo-500/60 dark:bg-indigo-500/10"
              : "border-zinc-200 bg-white hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
          }`}
        >
          <div className="font-medium text-[11px] text-zinc-500 uppercase tracking-wide">
            {status}
          </div>
          <div
            className={`font-semibold text-xl tabular-nums ${counts[status] ? TONES[status] : "text-zinc-300 dark:text-zinc-600"}`}
          >
            {counts[status] ?? 0}
          </div>
        </button>
      ))}
    </fieldset>
  );
}
