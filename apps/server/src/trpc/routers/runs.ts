import { z } from "zod";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { baseProcedure, router } from "../trpc.ts";

export const ZRunStatus = z.enum([
  "pending",
  "running",
  "waiting",
  "succeeded",
  "failed",
  "cancelled",
]);

export const runsRouter = router({
  list: baseProcedure
    .input(
      ZPage.extend({
        status: ZRunStatus.optional(),
        scenarioId: z.string().uuid().optional(),
        since: z.coerce.date().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.run.findMany({
        where: {
          ...(input.status ? { status: input.status } : {}),
          ...(input.scenarioId ? { scenarioVersion: { scenarioId: input.scenarioId } } : {}),
          ...(input.since ? { createdAt: { gte: input.since } } : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          trigger: true,
          stepsDone: true,
          stepsTotal: true,
          createdAt: true,
          startedAt: true,
          endedAt: true,
          startedBy: { select: { id: true, name: true } },
          scenarioVersion: {
            select: { version: true, scenario: { select: { id: true, name: true, slug: true } } },
          },
        },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),
});
