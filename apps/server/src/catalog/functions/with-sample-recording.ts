import type { PrismaClient } from "@baton/db";
import type { JsonValue, ProviderRegistry } from "@baton/providers";
import { recordSample } from "./record-sample.ts";

const TTL_MS = 10_000;

/**
 * The registry as the engine should see it for inference: every successful call of a
 * function that declares no schema for a side is kept as a sample (after the step's
 * result is returned, so a step never waits for it). Which functions those are is read
 * at most every few seconds. `drain` waits for the samples still being written.
 */
export const withSampleRecording = (
  registry: ProviderRegistry,
  prisma: PrismaClient,
  onError: (error: unknown) => void,
): { registry: ProviderRegistry; drain(): Promise<void> } => {
  const pending = new Set<Promise<unknown>>();
  let cached: { at: number; ids: Promise<Map<string, string>> } | undefined;
  const undeclared = () => {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.ids;
    const ids = prisma.function
      .findMany({ where: { undeclared: { isEmpty: false } }, select: { id: true, ref: true } })
      .then((rows) => new Map(rows.map((r) => [r.ref, r.id])));
    cached = { at: Date.now(), ids };
    ids.catch(() => {
      cached = undefined;
    });
    return ids;
  };
  return {
    registry: {
      ...registry,
      invoke: async (connection, fn, input, options) => {
        const output = await registry.invoke(connection, fn, input, options);
        const recording = undeclared()
          .then((ids) => {
            const id = ids.get(fn.ref);
            return id ? recordSample(prisma, id, input as JsonValue, output) : undefined;
          })
          .catch(onError)
          .finally(() => pending.delete(recording));
        pending.add(recording);
        return output;
      },
    },
    drain: async () => {
      await Promise.allSettled([...pending]);
    },
  };
};
