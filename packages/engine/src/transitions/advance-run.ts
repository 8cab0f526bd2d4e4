import type { Prisma } from "@baton/db";
import type { TEngineContext } from "../context.ts";
import { advance, type TOutcome } from "../flow/advance.ts";
import { enqueue } from "../queue.ts";
import { countActiveSteps, createStepRuns, loadStates, lockRun } from "../step-store.ts";
import type { TVersion } from "../versions.ts";
import { endRun } from "./end-run.ts";

/** Slack on top of a call's deadline before its job's lease runs out. */
const LEASE_MARGIN_S = 10;

/**
 * How long a worker may hold a node's job before the queue assumes it died and hands the
 * job to another: the call's deadline plus a margin, so a slow call is never run twice
 * while its first worker is alive, and a crashed worker's step comes back soon.
 */
export const leaseSeconds = async (
  ctx: TEngineContext,
  tx: Prisma.TransactionClient,
  version: TVersion,
  nodeId: string,
) => {
  const node = version.node(nodeId);
  if (node.kind !== "function" || !node.function) return LEASE_MARGIN_S * 3;
  const hinted =
    node.timeoutMs ??
    (await ctx.fn(node.function, tx).then(
      (f) => f.fn.costHints?.timeoutMs,
      () => undefined,
    ));
  return Math.ceil((hinted ?? ctx.defaultTimeoutMs) / 1000) + LEASE_MARGIN_S;
};

/** Creates step runs for nodes and their jobs, in the caller's transaction. */
export const scheduleNodes = async (
  ctx: TEngineContext,
  tx: Prisma.TransactionClient,
  version: TVersion,
  runId: string,
  nodeIds: string[],
) => {
  const created = await createStepRuns(tx, runId, nodeIds, "scheduled");
  await enqueue(
    ctx.boss,
    tx,
    await Promise.all(
      created.map(async (step) => ({
        data: {
          kind: "step" as const,
          runId,
          stepRunId: step.id,
          nodeId: step.nodeId,
          versionId: version.id,
        },
        expireInSeconds: await leaseSeconds(ctx, tx, version, step.nodeId),
      })),
    ),
  );
  return created;
};

/**
 * Moves a run on after one of its nodes finished: schedules what is now ready, skips
 * branches nobody took, and ends the run when nothing is left to do. A plain step in a
 * chain needs no reads; anything that may touch a join locks the run and reads its state.
 */
export const advanceRun = async (
  ctx: TEngineContext,
  tx: Prisma.TransactionClient,
  version: TVersion,
  runId: string,
  nodeId: string,
  outcome: TOutcome,
): Promise<void> => {
  const targets = version.flow.outgoing(nodeId);
  const simple =
    outcome.kind === "succeeded" &&
    outcome.branch === undefined &&
    targets.every(
      (edge) => edge.kind === "next" && version.flow.incoming(edge.target).length === 1,
    ) &&
    targets.some((edge) => edge.kind === "next");
  if (simple) {
    await scheduleNodes(ctx, tx, version, runId, [...new Set(targets.map((e) => e.target))]);
    return;
  }
  const run = await lockRun(tx, runId);
  if (!run || !["pending", "running", "waiting"].includes(run.status)) return;
  const states = await loadStates(tx, runId, [...version.index.nodes.keys()]);
  const { schedule, skip } = advance(version.flow, states, nodeId, outcome);
  await createStepRuns(tx, runId, skip, "skipped");
  await scheduleNodes(ctx, tx, version, runId, schedule);
  if (!schedule.length && (await countActiveSteps(tx, runId)) === 0) {
    // Every path ended without reaching an end node (e.g. after an error path): done, no output.
    await endRun(ctx, tx, runId, "succeeded", { output: null });
  }
};
