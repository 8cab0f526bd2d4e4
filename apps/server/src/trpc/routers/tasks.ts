import { z } from "zod";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { baseProcedure, router } from "../trpc.ts";

export const tasksRouter = router({
  list: baseProcedure
    .input(
      ZPage.extend({
        status: z.enum(["open", "approved", "rejected", "expired", "cancelled"]).default("open"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.manualTask.findMany({
        where: { status: input.status },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          nodeId: true,
          status: true,
          dueAt: true,
          createdAt: true,
          decidedAt: true,
          run: {
            select: {
              id: true,
              scenarioVersion: { select: { version: true, scenario: { select: { name: true } } } },
            },
          },
        },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),
});
