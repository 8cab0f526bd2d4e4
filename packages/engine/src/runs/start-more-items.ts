import { applyEffects } from "../apply/apply-effects.ts";
import type { TEngineContext } from "../context.ts";
import { onMoreItemsDue } from "../flow/decide.ts";
import { itemCounts } from "../store/maps.ts";
import type { TJobData } from "../store/queue.ts";
import { lockRun } from "../store/runs.ts";
import { sqlTransaction } from "../store/transaction.ts";

/**
 * Starts more items of a map step, up to its concurrency (the job that a map step whose
 * concurrency exceeds a transaction's worth of items asks for). Done again after a crash,
 * it starts only what is still missing.
 */
export const startMoreItems = (
  ctx: TEngineContext,
  job: Extract<TJobData, { kind: "start-items" }>,
) =>
  sqlTransaction(ctx, async (tx) => {
    const version = await ctx.version(job.versionId, tx);
    await lockRun(tx, job.runId);
    const counts = await itemCounts(tx, job.stepRunId);
    if (!counts) return;
    const at = { runId: job.runId, versionId: job.versionId, scope: job.scope };
    const mapStep = { id: job.stepRunId, nodeId: job.nodeId, attempt: counts.attempt };
    await applyEffects(
      ctx,
      tx,
      onMoreItemsDue(version, at, mapStep, counts, ctx.limits.mapConcurrency),
    );
  });
