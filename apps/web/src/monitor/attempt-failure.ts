import { readStepError } from "../lib/step-error.ts";

/** Why one attempt failed, as the attempts table shows it. */
export type TAttemptFailure = {
  readonly message: string;
  /** the provider's classification (`function_error`, `timeout`, …) */
  readonly classification: string | undefined;
  readonly meaning: string | undefined;
  /** the HTTP status the function answered with, when it was called over HTTP */
  readonly status: number | undefined;
  /** another attempt followed this one */
  readonly retried: boolean;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A failed attempt's stored error read for people; undefined when the attempt did not fail. */
export const attemptFailure = (error: unknown, retried: boolean): TAttemptFailure | undefined => {
  const shown = readStepError(error);
  if (!shown) return undefined;
  const status = isRecord(shown.details) ? shown.details.status : undefined;
  return {
    message: shown.message,
    classification: shown.code,
    meaning: shown.meaning,
    status: typeof status === "number" ? status : undefined,
    retried,
  };
};
