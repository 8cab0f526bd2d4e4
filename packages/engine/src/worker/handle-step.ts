import { randomUUID } from "node:crypto";
import { applyEffects } from "../apply/apply-effects.ts";
import { fastFormOf, type TFastForm } from "../apply/fast-path.ts";
import { leaseSeconds } from "../apply/leases.ts";
import type { TEngineContext } from "../context.ts";
import type { TAt, TEffect } from "../flow/effects.ts";
import { onNodeOutcome } from "../flow/node-outcome.ts";
import { readableSteps } from "../scopes.ts";
import type { TClaimed } from "../store/claims.ts";
import { completeJob, STEP_QUEUE, type TStepJob } from "../store/queue.ts";
import { sqlTransaction } from "../store/transaction.ts";
import type { TVersion } from "../versions.ts";
import { executeNode, type TInflight } from "./execute-node.ts";

/** The step a worker runs next, already claimed when the chain's hot path claimed it. */
export type TNext = { job: TStepJob; claimed?: TClaimed };

/**
 * A chain step's success in one statement, which also claims the next step for this
 * worker: it is handed back to run at once (its readable results are known here). The
 * statement carries the chain steps of this process that finish meanwhile (ctx.chainStep).
 */
const storeChainStep = async (
  ctx: TEngineContext,
  job: TStepJob,
  version: TVersion,
  step: TClaimed,
  fast: Extract<TFastForm, { kind: "chain-step" }>,
): Promise<TNext | undefined> => {
  const { targets, effect } = fast;
  const leases = await Promise.all(
    targets.map((target) => leaseSeconds(ctx, undefined, version, target)),
  );
  const jobIds = targets.map(() => randomUUID());
  const done = await ctx.chainStep({
    step,
    output: effect.output,
    input: effect.input,
    targets,
    versionId: version.id,
    stepRunIds: targets.map(() => randomUUID()),
    jobIds,
    leases,
  });
  // Once the result is committed the job is spent; completing it a little later, with
  // others, keeps that work off the hot path (a crash before that only costs a no-op fetch).
  ctx.completeLater(job.id);
  const claimed = done?.claimed;
  return (
    claimed && {
      job: {
        id: jobIds[0]!,
        data: {
          kind: "step",
          runId: step.runId,
          stepRunId: claimed.id,
          nodeId: claimed.nodeId,
          versionId: version.id,
          ...(step.scope ? { scope: step.scope } : {}),
        },
      },
      claimed: {
        ...claimed,
        runInput: step.runInput,
        child: step.child,
        steps: { ...step.steps, [step.nodeId]: { output: effect.output } },
      },
    }
  );
};

/**
 * Stores what a step's execution led to: by one statement when the run rules make it a
 * plain chain step or a plain run's end (`apply/fast-path.ts`), else by the applier in one
 * transaction with the job's completion — a result is never recorded without its
 * successors' jobs, or the other way round. Returns the step this worker runs next.
 */
const handOver = async (
  ctx: TEngineContext,
  job: TStepJob,
  version: TVersion,
  step: TClaimed,
  effects: TEffect[],
): Promise<TNext | undefined> => {
  const fast = fastFormOf(version, effects, step);
  if (fast?.kind === "chain-step") return storeChainStep(ctx, job, version, step, fast);
  if (fast?.kind === "run-end") {
    await ctx.endChainRun({ step, output: fast.effect.output });
    ctx.completeLater(job.id);
    return undefined;
  }
  return sqlTransaction(ctx, async (tx) => {
    const { inline } = await applyEffects(ctx, tx, effects, { inline: { runId: step.runId } });
    await completeJob(ctx.boss, tx, job.id);
    return inline && { job: inline };
  });
};

/**
 * Runs one step job: claims it (unless the chain's statement claimed it already),
 * executes its node, and hands the outcome over. Returns the step that follows when the
 * worker should run it next. A database failure while storing the result propagates, so
 * the queue retries the job: the claim then takes the same attempt again (at-least-once,
 * same idempotency key).
 */
export const handleStep = async (
  ctx: TEngineContext,
  inflight: TInflight,
  { job, claimed }: TNext,
): Promise<TNext | undefined> => {
  const version = await ctx.version(job.data.versionId);
  const node = version.node(job.data.nodeId);
  const step =
    claimed ??
    (await ctx.claimStep({
      stepRunId: job.data.stepRunId,
      readable: readableSteps(version, node.id, job.data.scope ?? ""),
    }));
  if (!step) {
    // cancelled, superseded or already done: nothing to do but drop the job
    await ctx.boss.complete(STEP_QUEUE, job.id, null, { includeQueued: true });
    return undefined;
  }
  const outcome = await executeNode(ctx, inflight, version, node, step);
  const at: TAt = { runId: step.runId, versionId: version.id, scope: step.scope };
  const ref = { id: step.id, nodeId: step.nodeId, attempt: step.attempt };
  return handOver(ctx, job, version, step, onNodeOutcome(node, at, ref, outcome));
};
