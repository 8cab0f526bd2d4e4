export type TLimit = { maxFailures: number; windowMs: number };

export type TLoginLimiter = {
  /** milliseconds until another attempt is allowed for these keys; 0 when it is allowed now */
  retryAfterMs(keys: readonly (readonly [string, TLimit])[]): number;
  recordFailure(keys: readonly (readonly [string, TLimit])[]): void;
  clear(key: string): void;
};

const PRUNE_ABOVE = 10_000;

/**
 * Counts failed sign-ins per key (an email, a client address) in fixed windows that start
 * at the first failure. It lives in the process: with several `baton start` processes, each
 * counts its own.
 */
export const createLoginLimiter = (now: () => number = Date.now): TLoginLimiter => {
  const windows = new Map<string, { failures: number; endsAt: number }>();
  const live = (key: string) => {
    const window = windows.get(key);
    if (window && window.endsAt <= now()) windows.delete(key);
    return windows.get(key);
  };
  return {
    retryAfterMs: (keys) =>
      Math.max(
        0,
        ...keys.map(([key, limit]) => {
          const window = live(key);
          return window && window.failures >= limit.maxFailures ? window.endsAt - now() : 0;
        }),
      ),
    recordFailure: (keys) => {
      if (windows.size > PRUNE_ABOVE) for (const key of [...windows.keys()]) live(key);
      for (const [key, limit] of keys) {
        const window = live(key) ?? { failures: 0, endsAt: now() + limit.windowMs };
        window.failures += 1;
        windows.set(key, window);
      }
    },
    clear: (key) => {
      windows.delete(key);
    },
  };
};
