import type { Prisma } from "@baton/db";
import type { TEngineContext } from "./context.ts";

const TRIES = 4;

/** A deadlock or serialization failure: the database rolled back, and trying again is safe. */
const isTransient = (error: unknown): boolean =>
  /\b(40P01|40001)\b|deadlock detected|could not serialize/.test(
    `${(error as { meta?: { code?: string } }).meta?.code ?? ""} ${(error as Error).message ?? ""}`,
  );

/**
 * Every engine transition runs in one of these. The limits are generous because under
 * load (many workers, a small pool, PGlite's single session) a transaction may queue for
 * a connection; giving up early would turn load into failed steps. A transaction the
 * database aborted as a deadlock victim is simply run again.
 */
export const transaction = async <T>(
  ctx: TEngineContext,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.prisma.$transaction(work, { timeout: 60_000, maxWait: 60_000 });
    } catch (error) {
      if (attempt >= TRIES || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
};
