import { BatonError, type TSchemaIssue } from "@baton/model";

/**
 * Why a call failed. The first three are worth retrying (the same call may succeed
 * later); the other three are not (it would fail the same way again).
 */
export type ProviderErrorClass =
  | "timeout"
  | "throttled"
  | "unavailable"
  | "rejected_input"
  | "function_error"
  | "bad_output";

const retryable: ReadonlySet<ProviderErrorClass> = new Set(["timeout", "throttled", "unavailable"]);

export type ProviderErrorDetails = {
  provider?: string;
  ref?: string;
  /** A finer cause, e.g. `not_found`, `out_of_memory`, `exited`, `http_503`, `cancelled`. */
  reason?: string;
  status?: number;
  /** The function's own error type (`TypeError`, Lambda's `errorType`, …). */
  errorType?: string;
  issues?: TSchemaIssue[];
  problems?: string[];
  retryAfterMs?: number;
};

export class ProviderError extends BatonError {
  declare readonly details: ProviderErrorDetails;

  constructor(
    readonly classification: ProviderErrorClass,
    message: string,
    details: ProviderErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super("PROVIDER", message, details, options);
  }

  get retryable(): boolean {
    return retryable.has(this.classification);
  }

  /** The shape stored with a step run and shown in the monitor. */
  toJSON(): {
    code: "PROVIDER";
    classification: ProviderErrorClass;
    retryable: boolean;
    message: string;
    details: ProviderErrorDetails;
  } {
    return {
      code: "PROVIDER",
      classification: this.classification,
      retryable: this.retryable,
      message: this.message,
      details: this.details,
    };
  }
}

export const isProviderError = (error: unknown): error is ProviderError =>
  error instanceof ProviderError;

export const isRetryable = (classification: ProviderErrorClass): boolean =>
  retryable.has(classification);

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}
