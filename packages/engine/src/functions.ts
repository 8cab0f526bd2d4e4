import { BatonError } from "@baton/model";
import type { Connection, InvocableFunction, JsonSchema } from "@baton/providers";
import { createReadCache } from "./read-cache.ts";
import { readFunction } from "./store/catalog.ts";
import type { TSql } from "./store/sql.ts";

export type TResolvedFunction = { fn: InvocableFunction; connection: Connection };

const TTL_MS = 10_000;

/**
 * Catalog entries with their connection, cached briefly: a step pays no lookup, and a
 * refreshed schema or connection setting is picked up within seconds. The user's
 * annotation, when there is one, overrides the discovered schemas.
 */
export const createFunctionCache = (sql: TSql) => {
  const load = async (ref: string, db: TSql): Promise<TResolvedFunction> => {
    const row = await readFunction(db, ref);
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
        name: row.connectionName,
        provider: row.provider,
        config: row.config as Record<string, unknown>,
      },
    };
  };
  return createReadCache(sql, load, TTL_MS);
};
