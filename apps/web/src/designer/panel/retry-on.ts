import {
  DEFAULT_RETRY_ON,
  type TErrorClass,
  type TRetryOn,
  ZErrorClass,
  ZRetryOn,
} from "@baton/model";

/** The error classes a person picks from, in the order the editor lists them. */
export const ERROR_CLASSES: readonly { value: TErrorClass; label: string; hint: string }[] = [
  { value: "timeout", label: "Timeout", hint: "no answer before the deadline; HTTP 408, 504" },
  { value: "throttled", label: "Throttled", hint: "asked to slow down; HTTP 429" },
  { value: "unavailable", label: "Unavailable", hint: "unreachable; HTTP 502, 503" },
  { value: "function_error", label: "Function error", hint: "the function failed; HTTP 500" },
  { value: "bad_output", label: "Bad output", hint: "the answer broke the output schema" },
  { value: "rejected_input", label: "Rejected input", hint: "refused the input; HTTP 4xx" },
];

const isErrorClass = (entry: TRetryOn[number]): entry is TErrorClass =>
  ZErrorClass.safeParse(entry).success;

/** What a policy's `retryOn` retries, as the editor shows it: classes, and statuses as text. */
export const splitRetryOn = (
  retryOn: TRetryOn | undefined,
): { classes: ReadonlySet<TErrorClass>; statuses: string } => {
  const entries = retryOn ?? DEFAULT_RETRY_ON;
  return {
    classes: new Set(entries.filter(isErrorClass)),
    statuses: entries.filter((entry) => !isErrorClass(entry)).join(", "),
  };
};

/** HTTP statuses typed as `500, 502-504`: the entries, or a sentence saying what is wrong. */
export const parseStatuses = (text: string): { entries: TRetryOn } | { problem: string } => {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
  const entries = words.map((word) => (/^\d+$/.test(word) ? Number(word) : word));
  const isStatus = (entry: string | number) =>
    (typeof entry === "number" || /^\d+-\d+$/.test(entry)) && ZRetryOn.safeParse([entry]).success;
  const wrong = entries.find((entry) => !isStatus(entry));
  if (wrong !== undefined) {
    return {
      problem: `${wrong} is not an HTTP status: write statuses from 100 to 599 or ranges such as 502-504, separated by commas.`,
    };
  }
  return { entries: entries as TRetryOn };
};

/** The `retryOn` to store: undefined when it is the default, so scenarios stay short. */
export const joinRetryOn = (
  classes: ReadonlySet<TErrorClass>,
  statuses: TRetryOn,
): TRetryOn | undefined => {
  const picked = ERROR_CLASSES.map((c) => c.value).filter((value) => classes.has(value));
  const isDefault =
    statuses.length === 0 &&
    picked.length === DEFAULT_RETRY_ON.length &&
    DEFAULT_RETRY_ON.every((value) => classes.has(value));
  return isDefault ? undefined : [...picked, ...statuses];
};
