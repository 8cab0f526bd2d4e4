import { DEFAULT_RETRY_POLICY, type TRetryPolicy } from "@baton/model";
import { hintClass, inputClass, labelClass } from "./form-styles.ts";

type TNumberKey = "maxAttempts" | "initialIntervalMs" | "backoffRate" | "maxIntervalMs";

const FIELDS: [TNumberKey, string, string][] = [
  ["maxAttempts", "Attempts", "in all, the first included"],
  ["initialIntervalMs", "First wait (ms)", "before the second attempt"],
  ["backoffRate", "Backoff ×", "each wait is this times the last"],
  ["maxIntervalMs", "Longest wait (ms)", "cap on the wait"],
];

/** A step's retry policy and timeout; empty fields take the engine's defaults, shown as placeholders. */
export function RetryEditor({
  retry,
  timeoutMs,
  onRetry,
  onTimeout,
}: {
  retry: TRetryPolicy | undefined;
  timeoutMs: number | undefined;
  onRetry: (retry: TRetryPolicy | undefined, key: string) => void;
  onTimeout: (timeoutMs: number | undefined) => void;
}) {
  const set = (key: keyof TRetryPolicy, value: number | boolean | undefined) => {
    const next: TRetryPolicy = Object.fromEntries(
      Object.entries({ ...retry, [key]: value }).filter(([, v]) => v !== undefined),
    );
    onRetry(Object.keys(next).length > 0 ? next : undefined, `retry.${key}`);
  };
  const number = (text: string) => (text === "" ? undefined : Number(text));
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-2">
        {FIELDS.map(([key, label, hint]) => (
          <label key={key} className={labelClass} title={hint}>
            {label}
            <input
              type="number"
              min={key === "backoffRate" || key === "maxAttempts" ? 1 : 0}
              step={key === "backoffRate" ? 0.5 : 1}
              value={retry?.[key] ?? ""}
              placeholder={String(DEFAULT_RETRY_POLICY[key])}
              onChange={(e) => set(key, number(e.target.value))}
              className={`${inputClass} mt-0.5 tabular-nums`}
            />
          </label>
        ))}
      </div>
      <label className="flex items-center gap-2 text-[12px] text-zinc-700 dark:text-zinc-300">
        <input
          type="checkbox"
          checked={retry?.jitter ?? DEFAULT_RETRY_POLICY.jitter}
          onChange={(e) => set("jitter", e.target.checked)}
          className="accent-indigo-600"
        />
        Jitter (spread retries of many runs)
      </label>
      <label className={labelClass}>
        Timeout per attempt (ms)
        <input
          type="number"
          min={1}
          value={timeoutMs ?? ""}
          placeholder="the function's own"
          onChange={(e) => onTimeout(number(e.target.value))}
          className={`${inputClass} mt-0.5 tabular-nums`}
        />
      </label>
      <p className={hintClass}>Empty fields use the defaults shown.</p>
    </div>
  );
}
