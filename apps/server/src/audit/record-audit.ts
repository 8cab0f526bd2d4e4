import type { Prisma, PrismaClient } from "@baton/db";
import type { TAudit, TAuditEntry } from "@baton/model";

/** The client of the action's own transaction, or Prisma itself for an action of no writes. */
export type TAuditClient = Pick<PrismaClient, "auditEntry">;

/** Appends to the audit trail; nothing in the app edits or deletes its entries. */
export const recordAudit = async (
  db: TAuditClient,
  entry: TAuditEntry | undefined,
): Promise<void> => {
  if (!entry) return;
  await db.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      data: (entry.data ?? {}) as Prisma.InputJsonValue,
    },
  });
};

/** Does an action of Prisma writes and records it, in one transaction. */
export const audited = <TResult>(
  prisma: PrismaClient,
  action: (tx: Prisma.TransactionClient) => Promise<TResult>,
  audit: TAudit<TResult>,
): Promise<TResult> =>
  prisma.$transaction(async (tx) => {
    const result = await action(tx);
    await recordAudit(tx, audit(result));
    return result;
  });
