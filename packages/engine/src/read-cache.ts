import type { TSql } from "./store/sql.ts";

type TEntry<T> = { at: number; value: Promise<T>; resolved?: T; viaPool: boolean };

/**
 * A cache of rows read by key, optionally for `ttlMs`. Inside a transaction a read must
 * go through it (PGlite has one session), and a transaction must never wait for a read
 * that waits for a pool connection: with every connection held by transactions doing
 * just that, the pool would deadlock. So a caller with a transaction takes a resolved
 * value, or reads for itself through its transaction.
 */
export const createReadCache = <T>(
  sql: TSql,
  load: (key: string, db: TSql) => Promise<T>,
  ttlMs = Number.POSITIVE_INFINITY,
) => {
  const cache = new Map<string, TEntry<T>>();
  return (key: string, tx?: TSql): Promise<T> => {
    const hit = cache.get(key);
    const fresh = hit && Date.now() - hit.at < ttlMs;
    if (fresh && hit.resolved !== undefined) return Promise.resolve(hit.resolved);
    if (fresh && !(tx && hit.viaPool)) return hit.value;
    const entry: TEntry<T> = { at: Date.now(), value: load(key, tx ?? sql), viaPool: !tx };
    entry.value.then(
      (value) => {
        entry.resolved = value;
      },
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    cache.set(key, entry);
    return entry.value;
  };
};
