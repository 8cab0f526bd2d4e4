import { AUDIT_ACTIONS } from "@baton/model";
import { z } from "zod";
import { nameAuditEntries } from "../../audit/name-audit-entries.ts";
import { ZInstant } from "../input-bounds.ts";
import { adminProcedure, router } from "../trpc.ts";

// not strict: infinite queries add their own keys (direction)
const ZAuditFilter = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.uuid().optional(),
  /** a run, task, scenario or user id, or an email */
  target: z.string().trim().min(1).max(254).optional(),
  since: ZInstant.optional(),
  until: ZInstant.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** the id of the last entry of the previous page */
  cursor: z.string().regex(/^\d+$/).nullish(),
});

/** Read only: the app offers no way to change or remove an audit entry. */
export const auditRouter = router({
  list: adminProcedure.input(ZAuditFilter).query(async ({ ctx, input }) => {
    const rows = await ctx.db.prisma.auditEntry.findMany({
      where: {
        ...(input.action ? { action: input.action } : {}),
        ...(input.actorId ? { actorId: input.actorId } : {}),
        ...(input.target ? { target: input.target } : {}),
        ...(input.since || input.until
          ? {
              at: {
                ...(input.since ? { gte: input.since } : {}),
                ...(input.until ? { lt: input.until } : {}),
              },
            }
          : {}),
        ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
      },
      orderBy: { id: "desc" },
      take: input.limit + 1,
      include: { actor: { select: { id: true, name: true, email: true } } },
    });
    const items = await nameAuditEntries(
      ctx.db.prisma,
      rows.slice(0, input.limit).map((entry) => ({ ...entry, id: entry.id.toString() })),
    );
    return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
  }),
});
