import { BatonError } from "@baton/model";
import { z } from "zod";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { baseProcedure, router } from "../trpc.ts";

const ZTaskId = z.object({ id: z.string().uuid() });

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

  get: baseProcedure.input(ZTaskId).query(async ({ ctx, input }) => {
    const task = await ctx.db.prisma.manualTask.findUnique({
      where: { id: input.id },
      include: {
        decidedBy: { select: { id: true, name: true } },
        run: {
          select: {
            id: true,
            status: true,
            scenarioVersion: {
              select: { version: true, scenario: { select: { name: true, slug: true } } },
            },
          },
        },
      },
    });
    if (!task) throw new BatonError("NOT_FOUND", `No task ${input.id}.`);
    return task;
  }),

  approve: baseProcedure
    .input(ZTaskId.extend({ data: z.json().default({}) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.engine.approveTask(input.id, input.data);
      return { ok: true };
    }),

  reject: baseProcedure
    .input(
      ZTaskId.extend({
        reason: z.string().trim().min(1, "Say why the task is rejected").max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.engine.rejectTask(input.id, input.reason);
      return { ok: true };
    }),
});
