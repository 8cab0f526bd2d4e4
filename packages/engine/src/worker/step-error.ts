import { describeBytes, isBatonError, isSchemaObject, type TStepError } from "@baton/model";
import { isProviderError } from "@baton/providers";

/**
 * The engine could not read what a step needs (the database is away, the pool is
 * exhausted): not the step's failure. It propagates, so the queue retries the job and the
 * claim takes the same attempt again.
 */
export class InfrastructureError extends Error {
  constructor(cause: unknown) {
    super(`reading the step's definition failed: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
  }
}

/** Reads the engine's own data for a step; a failure there is the database's, not the step's. */
export const readForStep = <T>(read: Promise<T>): Promise<T> =>
  read.catch((error: unknown) => {
    throw isBatonError(error) ? error : new InfrastructureError(error);
  });

/** A step error is stored with its step, sent in events and shown to every viewer: kept small. */
export const MAX_ERROR_MESSAGE = 2_048;
export const MAX_ERROR_DETAILS_BYTES = 8 * 1024;

const bounded = <T extends TStepError & { retryable: boolean }>(error: T): T => {
  const message =
    error.message.length > MAX_ERROR_MESSAGE
      ? `${error.message.slice(0, MAX_ERROR_MESSAGE)}… [cut: ${error.message.length} characters in all]`
      : error.message;
  const bytes = error.details === undefined ? 0 : Buffer.byteLength(JSON.stringify(error.details));
  if (bytes <= MAX_ERROR_DETAILS_BYTES) return { ...error, message };
  return {
    ...error,
    message,
    details: {
      retryable: error.retryable,
      cut: `the details (${describeBytes(bytes)}) were too large to keep`,
    },
  };
};

const classify = (
  error: unknown,
  nodeId: string,
  attempts: number,
): TStepError & { retryable: boolean } => {
  if (isProviderError(error)) {
    return {
      message: error.message,
      code: error.classification,
      nodeId,
      attempts,
      details: { ...error.details, retryable: error.retryable },
      retryable: error.retryable,
    };
  }
  if (isBatonError(error)) {
    const overLimit = isSchemaObject(error.details) && "limit" in error.details;
    return {
      message: error.message,
      code: overLimit ? "limit_exceeded" : error.code === "BAD_INPUT" ? "rejected_input" : "engine",
      nodeId,
      attempts,
      ...(error.details === undefined ? {} : { details: error.details }),
      retryable: false,
    };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    code: "function_error",
    nodeId,
    attempts,
    retryable: false,
  };
};

/**
 * The stored shape of a failed attempt, as `@baton/model` types `steps.<id>.error` for
 * the steps after an error edge: `code` is the classification, `details.retryable` says
 * whether another attempt could help. Provider errors carry their own classification;
 * our own errors (an input that cannot be built, an invalid form, a value or an expression
 * over its limit: `limit_exceeded`) are never retried, and
 * anything unexpected counts as the function's failure.
 */
export const toStepError = (
  error: unknown,
  nodeId: string,
  attempts: number,
): TStepError & { retryable: boolean } => bounded(classify(error, nodeId, attempts));
