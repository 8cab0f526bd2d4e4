import type { TRetryPolicy } from "./scenario.ts";

export type TResolvedRetryPolicy = Required<TRetryPolicy>;

/** What a function step does when its policy leaves a field out. */
export const DEFAULT_RETRY_POLICY: TResolvedRetryPolicy = {
  maxAttempts: 3,
  initialIntervalMs: 1_000,
  backoffRate: 2,
  maxIntervalMs: 60_000,
  jitter: true,
};

export const resolveRetryPolicy = (policy?: TRetryPolicy): TResolvedRetryPolicy => ({
  ...DEFAULT_RETRY_POLICY,
  ...policy,
});

/**
 * How long to wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed:
 * exponential backoff capped at maxIntervalMs, with "full jitter" (a uniform draw below the
 * capped delay) when jitter is on, so retries of many runs do not arrive in lockstep.
 */
export const retryDelayMs = (
  policy: TResolvedRetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number => {
  const exponential = policy.initialIntervalMs * policy.backoffRate ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxIntervalMs, exponential);
  return Math.round(policy.jitter ? random() * capped : capped);
};
