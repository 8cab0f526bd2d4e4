import {
  describeBytes,
  isBatonError,
  isSchemaObject,
  type TClassifiedFailure,
  type TStepError,
} from "@baton/model";
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

/**
 * A failed attempt as stored, and, when a provider classified it, that classification with
 * the HTTP status it answered: what a retry policy's `retryOn` is matched against.
 */
export type TAttemptError = TStepError & { classified?: TClassifiedFailure };

const bounded = (error: TAttemptError): TAttemptError => {
  const message =
    error.message.length > MAX_ERROR_MESSAGE
      ? `${error.message.slice(0, MAX_ERROR_MESSAGE)}… [cut: ${error.message.length} characters in all]`
      : error.message;
  const bytes = error.details === undefined ? 0 : Buffer.byteLength(JSON.stringify(error.details));
  if (bytes <= MAX_ERROR_DETAILS_BYTES) return { ...error, message };
  const status = error.classified?.status;
  return {
    ...error,
    message,
    details: {
      retryable: isSchemaObject(error.details) && error.details.retryable === true,
      ...(status === undefined ? {} : { status }),
      cut: `the details (${describeBytes(bytes)}) were too large to keep`,
    },
  };
};

const classify = (error: unknown, nodeId: string, attempts: number): TAttemptError => {
  if (isProviderError(error)) {
    const { status } = error.details;
    return {
      message: error.message,
      code: error.classification,
      nodeId,
      attempts,
      details: { ...error.details, retryable: error.retryable },
      classified: {
        classification: error.classification,
        ...(status === undefined ? {} : { status }),
      },
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
    };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    code: "function_error",
    nodeId,
    attempts,
  };
};

/**
 * The stored shape of a failed attempt, as `@baton/model` types `steps.<id>.error` for
 * the steps after an error edge: `code` is the classification, `details.retryable` says
 * whether the provider deems another attempt could help, `details.status` is the HTTP
 * status it answered. Provider errors carry their own classification (`classified`, which
 * the step's retry policy decides on); our own errors (an input that cannot be built, an
 * invalid form, a value or an expression over its limit: `limit_exceeded`) are never
 * retried, and anything unexpected counts as the function's failure.
 */
export const toStepError = (error: unknown, nodeId: string, attempts: number): TAttemptError =>
  bounded(classify(error, nodeId, attempts));
