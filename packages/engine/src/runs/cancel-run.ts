import { BatonError, type TAudit } from "@baton/model";
import { applyEffects } from "../apply/apply-effects.ts";
import type { TEngineContext } from "../context.ts";
import { insertAuditEntry } from "../store/audit.ts";
import { lockRun } from "../store/runs.ts";
import { sqlTransaction } from "../store/transaction.ts";
import { ACTIVE_RUN_STATUSES } from "../store/vocabulary.ts";

/**
 * Stops a run: its active steps and open tasks are cancelled, the runs it started too, and
 * workers running its steps are told to abort.
 */
export const cancelRun = async (
  ctx: TEngineContext,
  runId: string,
  actorId?: string,
  audit?: TAudit<void>,
): Promise<void> => {
  await sqlTransaction(ctx, async (tx) => {
    const status = (await lockRun(tx, runId))?.status;
    if (!status) throw new BatonError("NOT_FOUND", `No run ${runId}.`);
    if (!(ACTIVE_RUN_STATUSES as readonly string[]).includes(status)) {
      throw new BatonError(
        "CONFLICT",
        `The run has already ${status === "cancelled" ? "been cancelled" : status}; nothing to cancel.`,
      );
    }
    await applyEffects(ctx, tx, [
      {
        kind: "end-run",
        runId,
        status: "cancelled",
        error: { message: "The run was cancelled." },
        actorId,
      },
    ]);
    if (audit) await insertAuditEntry(tx, audit());
  });
};
