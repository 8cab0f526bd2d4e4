import { isBatonError } from "@baton/model";

/** One line that says what is wrong and what to do; the stack only when asked for. */
export const reportError = (error: unknown): void => {
  if (isBatonError(error)) {
    console.error(`baton: ${error.message}`);
  } else {
    console.error(`baton: unexpected error: ${(error as Error)?.message ?? String(error)}`);
  }
  if (process.env.BATON_DEBUG) console.error(error);
  else if (!isBatonError(error)) console.error("baton: set BATON_DEBUG=1 to see the stack trace");
};
