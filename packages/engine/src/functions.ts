import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import type { Connection, InvocableFunction, JsonSchema } from "@baton/providers";

export type TResolvedFunction = { fn: InvocableFunction; connection: Connection };

const TTL_MS = 10_000;

/** Inside a transaction, reads must go through it: PGlite has one session, so a read
 * beside the transaction would wait for it forever. */
type TDb = PrismaClient | Prisma.TransactionClient;

/**
 * Catalog entries with their connection, cached briefly: a step pays no lookup, and a
 * refreshed schema or connection setting is picked up within seconds. The user's
 * annotation, when there is one, overrides the discovered schemas.
 */
export const createFunctionCache = (prisma: PrismaClient) => {
  const cache = new Map<string, { at: number; value: Promise<TResolvedFunction> }>();
  const load = async (ref: string, db: TDb): Promise<TResolvedFunction> => {
    const row = await db.function.findUnique({ where: { ref }, include: { connection: true } });
    if (!row) {
      throw new BatonError(
        "NOT_FOUND",
        `The catalog has no function "${ref}"; refresh its connection or fix the step.`,
      );
    }
    const annotation = (row.annotation ?? {}) as {
      inputSchema?: JsonSchema;
      outputSchema?: JsonSchema;
    };
    return {
      fn: {
        ref: row.ref,
        name: row.name,
        locator: row.locator as InvocableFunction["locator"],
        inputSchema: annotation.inputSchema ?? (row.inputSchema as JsonSchema),
        outputSchema: annotation.outputSchema ?? (row.outputSchema as JsonSchema),
        costHints: row.costHints as InvocableFunction["costHints"],
      },
      connection: {
        name: row.connection.name,
        provider: row.connection.provider,
        config: row.connection.config as Record<string, unknown>,
      },
    };
  };
  return (ref: string, tx?: Prisma.TransactionClient): Promise<TResolvedFunction> => {
    const hit = cache.get(ref);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = load(ref, tx ?? prisma);
    value.catch(() => cache.delete(ref));
    cache.set(ref, { at: Date.now(), value });
    return value;
  };
};
