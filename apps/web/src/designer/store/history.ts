/** Undo/redo stacks of whole snapshots: graphs are small enough that diffs would not pay off. */
export type THistory<T> = { readonly past: readonly T[]; readonly future: readonly T[] };

export const HISTORY_LIMIT = 100;

export const emptyHistory = <T>(): THistory<T> => ({ past: [], future: [] });

/** Remembers `snapshot` (the state before an edit); a new edit forgets what was undone. */
export const record = <T>(
  history: THistory<T>,
  snapshot: T,
  limit = HISTORY_LIMIT,
): THistory<T> => ({
  past: [...history.past, snapshot].slice(-limit),
  future: [],
});

export const undo = <T>(
  history: THistory<T>,
  current: T,
): { history: THistory<T>; snapshot: T } | undefined => {
  const snapshot = history.past.at(-1);
  if (snapshot === undefined) return undefined;
  return {
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
    snapshot,
  };
};

export const redo = <T>(
  history: THistory<T>,
  current: T,
): { history: THistory<T>; snapshot: T } | undefined => {
  const [snapshot, ...future] = history.future;
  if (snapshot === undefined) return undefined;
  return { history: { past: [...history.past, current], future }, snapshot };
};
