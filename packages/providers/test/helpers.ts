import { fileURLToPath } from "node:url";
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
