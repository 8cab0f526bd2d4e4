/**
 * The one error type Baton raises on purpose. `code` is stable and machine-readable;
 * `message` is a sentence for a person: what is wrong, then what to do.
 */
export type TBatonErrorCode =
  | "BAD_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "DATABASE_UNREACHABLE"
  | "DATABASE_CONFIG"
  | "DATA_DIR"
  | "PORT_IN_USE"
  | "PROVIDER"
  | "INTERNAL";

export class BatonError extends Error {
  override readonly name = "BatonError";

  constructor(
    readonly code: TBatonErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isBatonError = (error: unknown): error is BatonError => error instanceof BatonError;
