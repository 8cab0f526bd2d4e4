import type { Prisma } from "@baton/db";
import type { TEngineContext } from "./context.ts";

/**
 * Every engine transition runs in one of these. The limits are generous because under
 * load (many workers, a small pool, PGlite's single session) a transaction may queue for
 * a connection; giving up early would turn load into failed steps.
 */
export const transaction = <T>(
  ctx: TEngineContext,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
) => ctx.db.prisma.$transaction(work, { timeout: 60_000, maxWait: 60_000 });
