/** What a pinned step's node says in a test run's graph: it gave its pinned output, uncalled. */
export const PINNED_NOTE = "Pinned, not called";

/**
 * The lines shown under the graph's step labels: a map's item progress, and for a test run,
 * the steps whose pinned output stood in for a call.
 */
export const withPinnedNotes = (
  progress: ReadonlyMap<string, string> | undefined,
  pinned: readonly string[],
): ReadonlyMap<string, string> | undefined =>
  pinned.length === 0
    ? progress
    : new Map([...(progress ?? []), ...pinned.map((id) => [id, PINNED_NOTE] as const)]);
