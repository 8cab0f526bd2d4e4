import { DEFAULT_RETRY_POLICY, type TRetryPolicy } from "@baton/model";
import { useId, useState } from "react";
import { hintClass, inputClass, labelClass } from "./form-styles.ts";
import { ERROR_CLASSES, joinRetryOn, parseStatuses, splitRetryOn } from "./retry-on.ts";

type TNumberKey = "maxAttempts" | "initialIntervalMs" | "backoffRate" | "maxIntervalMs";

const FIELDS: [TNumberKey, string, string][] = [
  ["maxAttempts", "Attempts", "in all, the first included"],
  ["initialIntervalMs", "First wait (ms)", "before the second attempt"],
  ["backoffRate", "Backoff ×", "each wait is this times the last"],
  ["maxIntervalMs", "Longest wait (ms)", "cap on the wait"],
];

/**
 * Which failures are retried: error classes as checkboxes, HTTP statuses as text. The
 * statuses are kept as typed until they read right, and stored then.
 */
function RetryOnEditor({
  retry,
  onChange,
}: {
  retry: TRetryPolicy | undefined;
  onChange: (retryOn: TRetryPolicy["retryOn"]) => void;
}) {
  const { classes, statuses } = splitRetryOn(retry?.retryOn);
  const [text, setText] = useState(statuses);
  const problemId = useId();
  const parsed = parseStatuses(text);
  const toggle = (value: (typeof ERROR_CLASSES)[number]["value"], on: boolean) => {
    const next = new Set(classes);
    if (on) next.add(value);
    else next.delete(value);
    onChange(joinRetryOn(next, "entries" in parsed ? parsed.entries : []));
  };
  return (
    <fieldset className="space-y-1">
      <legend className={labelClass}>Retry on</legend>
      <div className="grid grid-cols-2 gap-x-2 gap-y-0.5">
        {ERROR_CLASSES.map(({ value, label, hint }) => (
          <label
            key={value}
            title={hint}
            className="flex items-center gap-1.5 text-[12px] text-zinc-700 dark:text-zinc-300"
          >
            <input
              type="checkbox"
              checked={classes.has(value)}
              onChange={(e) => toggle(value, e.target.checked)}
              className="accent-indigo-600"
            />
            {label}
          </label>
        ))}
      </div>
      <label className={labelClass}>
        HTTP statuses
        <input
          value={text}
          placeholder="e.g. 500, 502-504"
          aria-invalid={"problem" in parsed}
          aria-describedby={"problem" in parsed ? problemId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseStatuses(e.target.value);
            if ("entries" in next) onChange(joinRetryOn(classes, next.entries));
          }}
          className={`${inputClass} mt-0.5 font-mono tabular-nums`}
        />
      </label>
      {"problem" in parsed ? (
        <p id={problemId} role="alert" className="text-[11px] text-red-600 dark:text-red-400">
          {parsed.problem}
        </p>
      ) : (
        <p className={hintClass}>
          Also retried when the function answers one of these, whatever its class.
        </p>
      )}
    </fieldset>
  );
}

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
  const set = (key: keyof TRetryPolicy, value: TRetryPolicy[keyof TRetryPolicy]) => {
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
      <RetryOnEditor retry={retry} onChange={(retryOn) => set("retryOn", retryOn)} />
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
