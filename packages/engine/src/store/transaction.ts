import type { Prisma } from "@baton/db";
import type { TEngineContext } from "../context.ts";
import type { TSql } from "./sql.ts";

const TRIES = 4;

/** A deadlock or serialization failure: the database rolled back, and trying again is safe. */
const isTransient = (error: unknown): boolean => {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return /\b(40P01|40001)\b|deadlock detected|could not serialize/.test(
    `${e.code ?? ""} ${e.meta?.code ?? ""} ${e.message ?? ""}`,
  );
};

/** Runs a transaction (or one statement) again when the database aborted it as a deadlock victim. */
export const retryTransient = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= TRIES || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
};

/**
 * A transition that needs Prisma's model API. The limits are generous because under
 * load (many workers, a small pool, PGlite's single session) a transaction may queue for
 * a connection; giving up early would turn load into failed steps.
 */
export const transaction = <T>(
  ctx: TEngineContext,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> =>
  retryTransient(() => ctx.db.prisma.$transaction(work, { timeout: 60_000, maxWait: 60_000 }));

/** A transition in raw SQL on the driver (see sql-client.ts): the steps' hot path. */
export const sqlTransaction = <T>(
  ctx: TEngineContext,
  work: (tx: TSql) => Promise<T>,
): Promise<T> => retryTransient(() => ctx.sql.transaction(work));
