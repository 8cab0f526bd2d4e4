import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import {
  type CostHints,
  effectiveEntry,
  type InvocableFunction,
  isProviderError,
  type JsonValue,
  type ProviderError,
  type ProviderRegistry,
  readFunctionAnnotation,
} from "@baton/providers";
import { toProviderConnection } from "../secrets/connection-secret.ts";
import type { TSecretBox } from "../secrets/secret-box.ts";
import { recordSample } from "./record-sample.ts";

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 120_000;

type TDeps = { prisma: PrismaClient; providers: ProviderRegistry; secrets: TSecretBox };

export type TTryResult =
  | { ok: true; output: JsonValue; durationMs: number; sampled: boolean }
  | { ok: false; error: ReturnType<ProviderError["toJSON"]>; durationMs: number };

/**
 * Invokes a catalog function once, as a person trying it from its page: with its
 * connection's credentials, its own timeout, and the same validation as a run. A call
 * that fails is an answer (classified), not an error. A successful call of a function
 * without a declared schema becomes a sample its schema is inferred from.
 */
export const tryFunction = async (
  { prisma, providers, secrets }: TDeps,
  id: string,
  input: unknown,
): Promise<TTryResult> => {
  const row = await prisma.function.findUnique({ where: { id }, include: { connection: true } });
  if (!row) throw new BatonError("NOT_FOUND", "The catalog has no such function.");
  if (row.status === "missing") {
    throw new BatonError(
      "PRECONDITION_FAILED",
      `${row.ref} was not found at its provider on the last refresh; refresh its connection first.`,
    );
  }
  const effective = effectiveEntry(row);
  const annotation = readFunctionAnnotation(row.annotation);
  // Sides nobody declared are not enforced here, so new calls can widen what is inferred.
  const open = (side: "input" | "output", schema: InvocableFunction["inputSchema"]) =>
    row.undeclared.includes(side) && annotation[`${side}Schema`] === undefined ? {} : schema;
  const costHints = row.costHints as CostHints;
  const fn: InvocableFunction = {
    ref: row.ref,
    name: row.name,
    locator: row.locator as InvocableFunction["locator"],
    inputSchema: open("input", effective.inputSchema),
    outputSchema: open("output", effective.outputSchema),
    costHints,
  };
  const timeoutMs = Math.min(costHints.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);
  const connection = toProviderConnection(secrets, row.connection);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let output: JsonValue;
  try {
    output = await providers.invoke(connection, fn, input, {
      deadline: Date.now() + timeoutMs,
      signal: new AbortController().signal,
      idempotencyKey: `try:${randomUUID()}`,
    });
  } catch (error) {
    if (isProviderError(error)) return { ok: false, error: error.toJSON(), durationMs: elapsed() };
    throw error;
  }
  const durationMs = elapsed();
  const sampled = row.undeclared.length > 0;
  if (sampled) await recordSample(prisma, row.id, input as JsonValue, output);
  return { ok: true, output, durationMs, sampled };
};
