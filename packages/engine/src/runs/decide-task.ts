import {
  BatonError,
  formatIssues,
  mayDecide,
  type TAssignees,
  type TAudit,
  type TManualOutput,
  type TRole,
  validateValue,
} from "@baton/model";
import type { JsonSchema } from "@baton/providers";
import { applyEffects } from "../apply/apply-effects.ts";
import type { TEngineContext } from "../context.ts";
import { onTaskDecided } from "../flow/decide.ts";
import { insertAuditEntry } from "../store/audit.ts";
import { completeJob } from "../store/queue.ts";
import { lockTask, recordDecision, type TTaskRow } from "../store/tasks.ts";
import { sqlTransaction } from "../store/transaction.ts";

/** The person deciding: a step that names roles or people accepts only them. */
export type TActor = { id: string; email: string; roles: readonly TRole[] };

export type TDecision =
  | {
      kind: "approve";
      actor: TActor;
      data: unknown;
      comment?: string | undefined;
      audit?: TAudit<void> | undefined;
    }
  | {
      kind: "reject";
      actor: TActor;
      reason: string;
      data?: unknown;
      audit?: TAudit<void> | undefined;
    }
  | { kind: "expire" };

const statusOf = { approve: "approved", reject: "rejected", expire: "expired" } as const;

const describeAssignees = ({ roles = [], users = [] }: Partial<TAssignees>) =>
  [...roles.map((r) => `the ${r} role`), ...users].join(" or ") || "approvers";

const checkForm = (task: TTaskRow, data: unknown) => {
  const issues = validateValue(task.formSchema as JsonSchema, data);
  if (issues.length) {
    throw new BatonError("BAD_INPUT", `The form is not filled in right: ${formatIssues(issues)}`, {
      issues,
    });
  }
};

/**
 * Decides a manual task and moves its run on, in one transaction. Form data must fit the
 * task's form. A person decides only tasks assigned to them (see `mayDecide`); the expiry
 * job decides as nobody, and does nothing once the task was decided in time.
 */
export const decideTask = async (
  ctx: TEngineContext,
  taskId: string,
  decision: TDecision,
  jobId?: string,
): Promise<void> => {
  await sqlTransaction(ctx, async (tx) => {
    const task = await lockTask(tx, taskId);
    if (!task) throw new BatonError("NOT_FOUND", `No manual task ${taskId}.`);
    if (task.status !== "open") {
      if (decision.kind !== "expire") {
        throw new BatonError(
          "CONFLICT",
          `This task is already ${task.status}; nothing was changed.`,
        );
      }
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
    const status = statusOf[decision.kind];
    await recordDecision(tx, task, {
      status,
      at: decidedAt,
      actorId: actor?.id ?? null,
      data,
      reason: decision.kind === "reject" ? decision.reason : null,
    });
    const at = { runId: task.runId, versionId: task.versionId, scope: task.scope };
    const step = { id: task.stepRunId, nodeId: task.nodeId, attempt: task.attempt };
    const comment =
      decision.kind === "reject"
        ? decision.reason
        : decision.kind === "approve"
          ? decision.comment
          : undefined;
    const outcome =
      decision.kind === "expire"
        ? ({ kind: "expired" } as const)
        : {
            kind: "decided" as const,
            output: {
              decision: status,
              data,
              decidedBy: decision.actor.email,
              decidedAt: decidedAt.toISOString(),
              ...(comment ? { comment } : {}),
            } as TManualOutput,
          };
    await applyEffects(ctx, tx, onTaskDecided(at, step, outcome));
    if (decision.kind !== "expire" && decision.audit) await insertAuditEntry(tx, decision.audit());
    if (jobId) await completeJob(ctx.boss, tx, jobId);
  });
};
