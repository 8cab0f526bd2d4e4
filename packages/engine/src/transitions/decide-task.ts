import type { Prisma } from "@baton/db";
import { BatonError } from "@baton/model";
import { formatIssues, type JsonSchema, validateAgainstSchema } from "@baton/providers";
import type { TEngineContext } from "../context.ts";
import { completeJob } from "../queue.ts";
import { appendRunEvent, failStep, finishRun, succeedStep } from "../step-store.ts";
import { advanceRun } from "./advance-run.ts";

export type TDecision =
  | { kind: "approve"; data: unknown }
  | { kind: "reject"; reason: string }
  | { kind: "expire" };

const transaction = <T>(ctx: TEngineContext, work: (tx: Prisma.TransactionClient) => Promise<T>) =>
  ctx.db.prisma.$transaction(work, { timeout: 30_000, maxWait: 30_000 });

const statusOf = { approve: "approved", reject: "rejected", expire: "expired" } as const;

/**
 * Decides a manual task and moves its run on, in one transaction. Approval data must fit
 * the task's form. A rejection or an expiry fails the step: the run follows the step's
 * error edge, or fails and waits for rework.
 */
export const decideTask = async (
  ctx: TEngineContext,
  taskId: string,
  decision: TDecision,
  actorId?: string,
  jobId?: string,
): Promise<void> => {
  await transaction(ctx, async (tx) => {
    const [task] = await tx.$queryRawUnsafe<
      {
        id: string;
        runId: string;
        stepRunId: string;
        nodeId: string;
        status: string;
        formSchema: unknown;
        decidedAt: Date | null;
      }[]
    >(
      `SELECT id, "runId", "stepRunId", "nodeId", status, "formSchema", "decidedAt" FROM "ManualTask" WHERE id = $1::uuid FOR UPDATE`,
      taskId,
    );
    if (!task) throw new BatonError("NOT_FOUND", `No manual task ${taskId}.`);
    if (task.status !== "open") {
      if (decision.kind !== "expire") {
        throw new BatonError(
          "CONFLICT",
          `This task is already ${task.status}; nothing was changed.`,
        );
      }
      // decided in time: the expiry job has nothing left to do
      if (jobId) await completeJob(ctx.boss, tx, jobId);
      return;
    }
    if (decision.kind === "approve") {
      const issues = validateAgainstSchema(task.formSchema as JsonSchema, decision.data ?? {});
      if (issues.length) {
        throw new BatonError("BAD_INPUT", `The form is not complete: ${formatIssues(issues)}`, {
          issues,
        });
      }
    }
    if (decision.kind === "reject" && !decision.reason.trim()) {
      throw new BatonError("BAD_INPUT", "Say why the task is rejected: a reason is required.");
    }
    const decidedAt = new Date();
    await tx.manualTask.update({
      where: { id: task.id },
      data: {
        status: statusOf[decision.kind],
        decidedAt,
        decidedById: actorId ?? null,
        ...(decision.kind === "approve"
          ? { decision: (decision.data ?? {}) as Prisma.InputJsonValue }
          : {}),
        ...(decision.kind === "reject" ? { reason: decision.reason } : {}),
      },
    });
    await appendRunEvent(
      tx,
      task.runId,
      `task.${statusOf[decision.kind]}`,
      { taskId, nodeId: task.nodeId },
      actorId,
    );
    const step = await tx.stepRun.findUniqueOrThrow({
      where: { id: task.stepRunId },
      select: { attempt: true },
    });
    const run = await tx.run.findUniqueOrThrow({
      where: { id: task.runId },
      select: { scenarioVersionId: true },
    });
    const version = await ctx.version(run.scenarioVersionId);
    if (decision.kind === "approve") {
      const output = {
        approved: true,
        data: decision.data ?? {},
        decidedBy: actorId ?? null,
        decidedAt,
      };
      if (await succeedStep(tx, task.stepRunId, step.attempt, output)) {
        await advanceRun(ctx, tx, version, task.runId, task.nodeId, { kind: "succeeded" });
      }
    } else {
      const error =
        decision.kind === "reject"
          ? {
              message: `Rejected: ${decision.reason}`,
              classification: "rejected",
              retryable: false,
            }
          : {
              message: "Nobody decided the task by its due time.",
              classification: "timeout",
              retryable: false,
            };
      if (await failStep(tx, task.stepRunId, step.attempt, error, "failed")) {
        if (version.flow.outgoing(task.nodeId).some((edge) => edge.kind === "error")) {
          await advanceRun(ctx, tx, version, task.runId, task.nodeId, { kind: "failed" });
        } else {
          await finishRun(tx, task.runId, "failed", { error: { nodeId: task.nodeId, ...error } });
        }
      }
    }
    if (jobId) await completeJob(ctx.boss, tx, jobId);
  });
};
