import { BatonError, mayDecide, roleToDecide, type TAssignees } from "@baton/model";
import { z } from "zod";
import type { TSessionUser } from "../../auth/sessions.ts";
import { loadStepLabels } from "../../runs/step-labels.ts";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { decideProcedure, readProcedure, router } from "../trpc.ts";

const ZTaskId = z.object({ id: z.string().uuid() });

type TTaskAccess = { status: string; assignees: unknown };

/** Whether the signed-in person may decide a task: the browser shows its buttons only then. */
const actionableBy = (user: TSessionUser, task: TTaskAccess) =>
  task.status === "open" && mayDecide(task.assignees as Partial<TAssignees>, user);

/** The role an administrator could take to decide an open task they may not decide yet. */
const roleToTake = (user: TSessionUser, task: TTaskAccess) =>
  (task.status === "open" && roleToDecide(task.assignees as Partial<TAssignees>, user)) || null;

export const tasksRouter = router({
  list: readProcedure
    .input(
      ZPage.extend({
        status: z.enum(["open", "approved", "rejected", "expired", "cancelled"]).default("open"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.manualTask.findMany({
        // a test run's tasks are reached from its monitor, not from everyone's inbox
        where: { status: input.status, run: { test: false } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          nodeId: true,
          status: true,
          dueAt: true,
          createdAt: true,
          decidedAt: true,
          assignees: true,
          run: {
            select: {
              id: true,
              scenarioVersion: {
                select: { id: true, version: true, scenario: { select: { name: true } } },
              },
            },
          },
        },
        ...pageArgs(input),
      });
      const page = toPage(rows, input.limit);
      const labels = await loadStepLabels(
        ctx.db.prisma,
        page.items.map((task) => task.run.scenarioVersion.id),
      );
      return {
        ...page,
        items: page.items.map((task) => ({
          ...task,
          stepLabel: labels.get(task.run.scenarioVersion.id)?.get(task.nodeId) ?? task.nodeId,
          actionable: actionableBy(ctx.user, task),
        })),
      };
    }),

  get: readProcedure.input(ZTaskId).query(async ({ ctx, input }) => {
    const task = await ctx.db.prisma.manualTask.findUnique({
      where: { id: input.id },
      include: {
        decidedBy: { select: { id: true, name: true } },
        run: {
          select: {
            id: true,
            status: true,
            scenarioVersion: {
              select: { id: true, version: true, scenario: { select: { name: true, slug: true } } },
            },
          },
        },
      },
    });
    if (!task) throw new BatonError("NOT_FOUND", `No task ${input.id}.`);
    const labels = await loadStepLabels(ctx.db.prisma, [task.run.scenarioVersion.id]);
    return {
      ...task,
      stepLabel: labels.get(task.run.scenarioVersion.id)?.get(task.nodeId) ?? task.nodeId,
      actionable: actionableBy(ctx.user, task),
      roleToTake: roleToTake(ctx.user, task),
    };
  }),

  approve: decideProcedure
    .input(ZTaskId.extend({ data: z.json().default({}) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.engine.approveTask(input.id, input.data, ctx.user, () => ({
        actorId: ctx.user.id,
        action: "task.approve",
        target: input.id,
      }));
      return { ok: true };
    }),

  reject: decideProcedure
    .input(
      ZTaskId.extend({
        reason: z.string().trim().min(1, "Say why the task is rejected").max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.engine.rejectTask(input.id, input.reason, ctx.user, () => ({
        actorId: ctx.user.id,
        action: "task.reject",
        target: input.id,
        data: { reason: input.reason },
      }));
      return { ok: true };
    }),
});
