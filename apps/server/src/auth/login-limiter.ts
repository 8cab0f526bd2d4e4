export type TLimit = { maxFailures: number; windowMs: number };
type TKeys = readonly (readonly [string, TLimit])[];

export type TLoginLimiter = {
  /**
   * Counts an attempt for these keys as failed before its password is checked, so attempts
   * racing each other are all counted; answers 0 then. When a key has no attempts left it
   * counts nothing and answers the milliseconds until the next attempt is allowed.
   */
  reserve(keys: TKeys): number;
  /** gives back the attempt a successful sign-in reserved */
  release(keys: TKeys): void;
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
    // one synchronous step from check to count: no other attempt can come between them
    reserve: (keys) => {
      const waitMs = Math.max(
        0,
        ...keys.map(([key, limit]) => {
          const window = live(key);
          return window && window.failures >= limit.maxFailures ? window.endsAt - now() : 0;
        }),
      );
      if (waitMs > 0) return waitMs;
      if (windows.size > PRUNE_ABOVE) for (const key of [...windows.keys()]) live(key);
      for (const [key, limit] of keys) {
        const window = live(key) ?? { failures: 0, endsAt: now() + limit.windowMs };
        window.failures += 1;
        windows.set(key, window);
      }
      return 0;
    },
    release: (keys) => {
      for (const [key] of keys) {
        const window = live(key);
        if (window) window.failures = Math.max(0, window.failures - 1);
      }
    },
    clear: (key) => {
      windows.delete(key);
    },
  };
};
