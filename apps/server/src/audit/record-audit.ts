import type { Prisma, PrismaClient } from "@baton/db";
import type { TAuditAction } from "@baton/model";

export type TAuditEntry = {
  /** the signed-in person; null for the CLI, webhooks and failed sign-ins */
  actorId: string | null;
  action: TAuditAction;
  /** what was acted on: a run, task, scenario or user id, or an email */
  target?: string | undefined;
  data?: Record<string, unknown>;
};

/** Appends to the audit trail; nothing in the app edits or deletes its entries. */
export const recordAudit = async (prisma: PrismaClient, entry: TAuditEntry): Promise<void> => {
  await prisma.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      data: (entry.data ?? {}) as Prisma.InputJsonValue,
    },
  });
};
