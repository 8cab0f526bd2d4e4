export const RUN_STATUSES = [
  "running",
  "waiting",
  "succeeded",
  "failed",
  "cancelled",
  "pending",
] as const;
export type TRunStatusFilter = (typeof RUN_STATUSES)[number];

export const TIME_RANGES = {
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  all: { label: "Any time", ms: undefined },
} as const;
export type TTimeRange = keyof typeof TIME_RANGES;

export type TRunFilters = {
  status: TRunStatusFilter | undefined;
  scenarioId: string | undefined;
  range: TTimeRange;
  /** test runs of drafts instead of real runs; the two lists are never mixed */
  test?: true;
};

const isStatus = (value: string | null): value is TRunStatusFilter =>
  (RUN_STATUSES as readonly string[]).includes(value ?? "");
const isRange = (value: string | null): value is TTimeRange =>
  value !== null && value in TIME_RANGES;

/** The dashboard's filters, kept in the address so a filtered view can be shared. */
export const readRunFilters = (params: URLSearchParams): TRunFilters => {
  const status = params.get("status");
  const range = params.get("range");
  return {
    status: isStatus(status) ? status : undefined,
    scenarioId: params.get("scenario") || undefined,
    range: isRange(range) ? range : "all",
    ...(params.get("kind") === "test" ? { test: true as const } : {}),
  };
};

export const writeRunFilters = (filters: TRunFilters): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.scenarioId) params.set("scenario", filters.scenarioId);
  if (filters.range !== "all") params.set("range", filters.range);
  if (filters.test) params.set("kind", "test");
  return params;
};

/**
 * The scenario and start time the filters select, which the list and the counts share. The
 * start of a time range is rounded to the minute so query keys stay the same while the page
 * is open.
 */
export const runScopeInput = (filters: TRunFilters, now: number) => {
  const ms = TIME_RANGES[filters.range].ms;
  return {
    ...(filters.test ? { test: true } : {}),
    ...(filters.scenarioId ? { scenarioId: filters.scenarioId } : {}),
    ...(ms ? { since: new Date(Math.floor((now - ms) / 60_000) * 60_000) } : {}),
  };
};

/** The `runs.list` input for the filters. */
export const runListInput = (filters: TRunFilters, now: number) => ({
  limit: 50,
  ...(filters.status ? { status: filters.status } : {}),
  ...runScopeInput(filters, now),
});
