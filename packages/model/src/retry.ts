import type { TErrorClass, TRetryOn, TRetryPolicy } from "./scenario.ts";

export type TResolvedRetryPolicy = Required<TRetryPolicy>;

/** The failures worth another try whatever the function: the call may succeed later. */
export const DEFAULT_RETRY_ON: readonly TErrorClass[] = ["timeout", "throttled", "unavailable"];

/** What a function step does when its policy leaves a field out. */
export const DEFAULT_RETRY_POLICY: TResolvedRetryPolicy = {
  maxAttempts: 3,
  initialIntervalMs: 1_000,
  backoffRate: 2,
  maxIntervalMs: 60_000,
  jitter: true,
  retryOn: [...DEFAULT_RETRY_ON],
};

export const resolveRetryPolicy = (policy?: TRetryPolicy): TResolvedRetryPolicy => ({
  ...DEFAULT_RETRY_POLICY,
  ...policy,
});

/** A failed call as its provider classified it, with the HTTP status it answered, if any. */
export type TClassifiedFailure = { classification: string; status?: number };

const matches = (entry: TRetryOn[number], failure: TClassifiedFailure): boolean => {
  if (typeof entry === "number") return failure.status === entry;
  const range = /^(\d{3})-(\d{3})$/.exec(entry);
  if (!range) return failure.classification === entry;
  return (
    failure.status !== undefined &&
    failure.status >= Number(range[1]) &&
    failure.status <= Number(range[2])
  );
};

/**
 * Whether the policy retries a failure, as Step Functions' `ErrorEquals` does: it names the
 * failure's class, or an HTTP status (or range) the failure answered with.
 */
export const retriesFailure = (
  policy: Pick<TResolvedRetryPolicy, "retryOn">,
  failure: TClassifiedFailure,
): boolean => policy.retryOn.some((entry) => matches(entry, failure));

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
