import { isBatonError } from "@baton/model";
import { isProviderError } from "@baton/providers";

export type TStepError = {
  message: string;
  classification: string;
  retryable: boolean;
  code?: string;
  details?: unknown;
};

/**
 * The stored shape of a failed attempt. Provider errors carry their own classification;
 * our own errors (an input that cannot be built, an invalid form) are never retried, and
 * anything unexpected is treated as the function's failure.
 */
export const toStepError = (error: unknown): TStepError => {
  if (isProviderError(error)) return error.toJSON();
  if (isBatonError(error)) {
    return {
      message: error.message,
      classification: error.code === "BAD_INPUT" ? "rejected_input" : "engine",
      retryable: false,
      code: error.code,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    classification: "function_error",
    retryable: false,
  };
};
