import type { Prisma } from "@baton/db";
import {
  BatonError,
  mayDecide,
  type TAssignees,
  type TManualOutput,
  type TRole,
} from "@baton/model";
import { formatIssues, type JsonSchema, validateAgainstSchema } from "@baton/providers";
import type { TEngineContext } from "../context.ts";
import { completeJob } from "../queue.ts";
import { appendRunEvent, succeedStep, syncWaitingStatus } from "../step-store.ts";
import { transaction } from "../transaction.ts";
import { advanceRun } from "./advance-run.ts";
import { stepFailed } from "./end-run.ts";

/** The person deciding: a step that names roles or people accepts only them. */
export type TActor = { id: string; email: string; roles: readonly TRole[] };

export type TDecision =
  | { kind: "approve"; actor: TActor; data: unknown; comment?: string | undefined }
  | { kind: "reject"; actor: TActor; reason: string; data?: unknown }
  | { kind: "expire" };

type TTaskRow = {
  id: string;
  runId: string;
  stepRunId: string;
  nodeId: string;
  status: string;
  formSchema: unknown;
  assignees: Partial<TAssignees>;
};

const statusOf = { approve: "approved", reject: "rejected", expire: "expired" } as const;

const describeAssignees = ({ roles = [], users = [] }: Partial<TAssignees>) =>
  [...roles.map((r) => `the ${r} role`), ...users].join(" or ") || "approvers";

const checkForm = (task: TTaskRow, data: unknown) => {
  const issues = validateAgainstSchema(task.formSchema as JsonSchema, data);
  if (issues.length) {
    throw new BatonError("BAD_INPUT", `The form is not filled in right: ${formatIssues(issues)}`, {
      issues,
    });
  }
};

/**
 * Decides a manual task and moves its run on, in one transaction. Form data must fit the
 * task's form. Approval and rejection (with its reason) are the step's output, which the
 * scenario branches on; a passed due time fails the step, so the run follows the step's
 * error edge, or fails and waits for rework. A person decides only tasks assigned to them
 * (see `mayDecide`); the expiry job decides as nobody.
 */
export const decideTask = async (
  ctx: TEngineContext,
  taskId: string,
  decision: TDecision,
  jobId?: string,
): Promise<void> => {
  await transaction(ctx, async (tx) => {
    const [task] = await tx.$queryRawUnsafe<TTaskRow[]>(
      `SELECT id, "runId", "stepRunId", "nodeId", status, "formSchema", assignees FROM "ManualTask" WHERE id = $1::uuid FOR UPDATE`,
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
    const actor = decision.kind === "expire" ? undefined : decision.actor;
    if (actor && !mayDecide(task.assignees, actor)) {
      throw new BatonError(
        "FORBIDDEN",
        `Only ${describeAssignees(task.assignees)} may decide this task; ask one of them.`,
      );
    }
    if (decision.kind === "reject" && !decision.reason.trim()) {
      throw new BatonError("BAD_INPUT", "Say why the task is rejected: a reason is required.");
    }
    const data = decision.kind === "expire" ? undefined : (decision.data ?? {});
    if (
      decision.kind === "approve" ||
      (decision.kind === "reject" && decision.data !== undefined)
    ) {
      checkForm(task, data);
    }
    const decidedAt = new Date();
    await tx.manualTask.update({
      where: { id: task.id },
      data: {
        status: statusOf[decision.kind],
        decidedAt,
        decidedById: actor?.id ?? null,
        ...(data === undefined ? {} : { decision: data as Prisma.InputJsonValue }),
        ...(decision.kind === "reject" ? { reason: decision.reason } : {}),
      },
    });
    await appendRunEvent(
      tx,
      task.runId,
      `task.${statusOf[decision.kind]}`,
      { taskId, nodeId: task.nodeId },
      actor?.id,
    );
    const step = await tx.stepRun.findUniqueOrThrow({
      where: { id: task.stepRunId },
      select: { attempt: true, scope: true },
    });
    const run = await tx.run.findUniqueOrThrow({
      where: { id: task.runId },
      select: { scenarioVersionId: true },
    });
    const version = await ctx.version(run.scenarioVersionId, tx);

    if (decision.kind === "expire") {
      await stepFailed(
        ctx,
        tx,
        version,
        task.runId,
        task.stepRunId,
        step.attempt,
        {
          message: "Nobody decided the task by its due time.",
          code: "timeout",
          nodeId: task.nodeId,
          attempts: step.attempt,
        },
        undefined,
        step.scope,
      );
    } else {
      // A decision either way is the step's result; the scenario branches on `decision`.
      const comment = decision.kind === "reject" ? decision.reason : decision.comment;
      const output: TManualOutput = {
        decision: statusOf[decision.kind],
        data,
        decidedBy: decision.actor.email,
        decidedAt: decidedAt.toISOString(),
        ...(comment ? { comment } : {}),
      };
      if (await succeedStep(tx, task.stepRunId, step.attempt, output)) {
        await advanceRun(
          ctx,
          tx,
          version,
          task.runId,
          task.nodeId,
          { kind: "succeeded" },
          { scope: step.scope },
        );
      }
    }
    await syncWaitingStatus(tx, task.runId);
    if (jobId) await completeJob(ctx.boss, tx, jobId);
  });
};
