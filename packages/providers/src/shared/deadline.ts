import { ProviderError, type ProviderErrorDetails } from "../errors.ts";

/** Why `signal` fired: the caller cancelled, or the deadline passed (a `TimeoutError` reason). */
export function abortError(signal: AbortSignal, details: ProviderErrorDetails = {}): ProviderError {
  const reason: unknown = signal.reason;
  if (reason instanceof ProviderError) return reason;
  if (reason instanceof Error && reason.name === "TimeoutError") {
    return new ProviderError("timeout", reason.message, { ...details, reason: "deadline" });
  }
  const why = reason instanceof Error ? reason.message : String(reason ?? "no reason given");
  return new ProviderError("timeout", `The call was cancelled: ${why}`, {
    ...details,
    reason: "cancelled",
  });
}

/**
 * A signal that fires at `deadline` or when `parent` fires, whichever is first, and a
 * `dispose` that detaches it. Hand-rolled rather than `AbortSignal.any`, which keeps
 * every derived signal reachable from a long-lived parent on Node 20.
 */
export function deadlineSignal(
  parent: AbortSignal,
  deadline: number,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener("abort", onAbort, { once: true });
  const remaining = Math.max(0, deadline - Date.now());
  const timer = setTimeout(() => {
    const error = new Error(`The call exceeded its deadline (${remaining} ms)`);
    error.name = "TimeoutError";
    controller.abort(error);
  }, remaining);
  if (parent.aborted) onAbort();
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener("abort", onAbort);
    },
  };
}

/** Settles with `work`, or rejects as soon as `signal` fires, even if `work` never settles. */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal,
  details: ProviderErrorDetails,
): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal, details));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal, details));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
