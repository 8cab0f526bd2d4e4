import { randomUUID } from "node:crypto";
import type { TEngineContext } from "../context.ts";
import { advance, type TOutcome } from "../flow/advance.ts";
import { enqueue, type TStepJob } from "../queue.ts";
import type { TSql } from "../sql.ts";
import {
  countActiveSteps,
  createStepRuns,
  loadStates,
  lockRun,
  type TCreated,
} from "../step-store.ts";
import type { TVersion } from "../versions.ts";
import { endRun } from "./end-run.ts";
import { endIterationWithoutEnd } from "./map-step.ts";

/** Slack on top of a call's deadline before its job's lease runs out. */
const LEASE_MARGIN_S = 10;

/**
 * How long a worker may hold a node's job before the queue assumes it died and hands the
 * job to another: the call's deadline plus a margin, so a slow call is never run twice
 * while its first worker is alive, and a crashed worker's step comes back soon.
 */
export const leaseSeconds = async (
  ctx: TEngineContext,
  tx: TSql | undefined,
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

export type TAdvanceOptions = {
  /** hand back a scheduled step for the calling worker to run next */
  inline?: boolean;
  /** the map iteration the nodes run in (see scopes.ts); "" for the scenario's own graph */
  scope?: string;
};

/**
 * The jobs of steps just created, in the caller's transaction. With `inline`, the first
 * is handed back for the calling worker to run as soon as the transaction commits,
 * saving the queue's pickup delay: its job is still written, but held back for the
 * step's lease, so the queue only hands it to another worker if this one died.
 */
export const enqueueSteps = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  created: TCreated[],
  options: TAdvanceOptions = {},
): Promise<TStepJob | undefined> => {
  let inline: TStepJob | undefined;
  const jobs = await Promise.all(
    created.map(async (step, i) => {
      const job: TStepJob = {
        id: randomUUID(),
        data: {
          kind: "step",
          runId,
          stepRunId: step.id,
          nodeId: step.nodeId,
          versionId: version.id,
          ...(options.scope ? { scope: options.scope } : {}),
        },
      };
      const expireInSeconds = await leaseSeconds(ctx, tx, version, step.nodeId);
      if (i > 0 || !options.inline) return { ...job, expireInSeconds };
      inline = job;
      return { ...job, expireInSeconds, startAfter: new Date(Date.now() + expireInSeconds * 1000) };
    }),
  );
  await enqueue(ctx.boss, tx, jobs);
  return inline;
};

/** Creates step runs for nodes and their jobs, in the caller's transaction. */
export const scheduleNodes = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  nodeIds: string[],
  options: TAdvanceOptions = {},
): Promise<{ created: TCreated[]; inline?: TStepJob }> => {
  const created = await createStepRuns(tx, runId, nodeIds, "scheduled", options.scope);
  const inline = await enqueueSteps(ctx, tx, version, runId, created, options);
  return inline ? { created, inline } : { created };
};

/**
 * The next steps of a node in a plain chain: it succeeded without picking a branch, and
 * each target has no other way in, so no join can be involved and nothing needs reading.
 */
export const chainTargets = (
  version: TVersion,
  nodeId: string,
  outcome: TOutcome,
): string[] | undefined => {
  const flow = version.place(nodeId).flow;
  const targets = flow.outgoing(nodeId);
  const simple =
    outcome.kind === "succeeded" &&
    outcome.branch === undefined &&
    targets.every((edge) => edge.kind === "next" && flow.incoming(edge.target).length === 1) &&
    targets.some((edge) => edge.kind === "next");
  return simple ? [...new Set(targets.map((e) => e.target))] : undefined;
};

/**
 * Moves a run on after one of its nodes finished: schedules what is now ready, skips
 * branches nobody took, and ends the run — or the map iteration — when nothing is left
 * to do. A plain step in a chain needs no reads; anything that may touch a join locks the
 * run and reads its state. With `inline`, returns a scheduled step for the calling worker
 * to run next.
 */
export const advanceRun = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  nodeId: string,
  outcome: TOutcome,
  options: TAdvanceOptions = {},
): Promise<TStepJob | undefined> => {
  const place = version.place(nodeId);
  const scope = options.scope ?? "";
  const targets = chainTargets(version, nodeId, outcome);
  if (targets) return (await scheduleNodes(ctx, tx, version, runId, targets, options)).inline;
  const run = await lockRun(tx, runId);
  if (!run || !["pending", "running", "waiting"].includes(run.status)) return undefined;
  const states = await loadStates(tx, runId, [...place.index.nodes.keys()], scope);
  const { schedule, skip } = advance(place.flow, states, nodeId, outcome);
  await createStepRuns(tx, runId, skip, "skipped", scope);
  const { inline } = await scheduleNodes(ctx, tx, version, runId, schedule, options);
  if (!schedule.length && (await countActiveSteps(tx, runId, scope)) === 0) {
    // Every path ended without reaching an end node (e.g. after an error path): done, no output.
    if (place.map) await endIterationWithoutEnd(ctx, tx, version, runId, place.map, scope);
    else await endRun(ctx, tx, runId, "succeeded", { output: null });
  }
  return inline;
};
