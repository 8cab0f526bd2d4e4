import { fileURLToPath } from "node:url";
import { isProviderError, type ProviderError } from "../src/errors.ts";
import type { InvokeOptions } from "../src/index.ts";

export const fixturesFolder = fileURLToPath(new URL("./fixtures/local", import.meta.url));
export const examplesFolder = fileURLToPath(
  new URL("../../../examples/functions", import.meta.url),
);

let attempt = 0;

/** Invoke options with a fresh idempotency key and a deadline `ms` from now. */
export function callOptions(ms = 5_000, signal = new AbortController().signal): InvokeOptions {
  attempt += 1;
  return { deadline: Date.now() + ms, signal, idempotencyKey: `run-1:node-1:0:${attempt}` };
}

/** The ProviderError `promise` rejects with; anything else fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}
