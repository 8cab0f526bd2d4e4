import type { TManualOutput, TStepError } from "@baton/model";
import { iterationScope } from "../scopes.ts";
import type { TVersion } from "../versions.ts";
import { advance, type TNodeState, type TOutcome } from "./advance.ts";
import type { TAt, TEffect, TFact, TStepRef } from "./effects.ts";

/**
 * The run rules: for each fact the applier reports, what follows, as effects. Pure: what a
 * rule needs from the database (a scope's states, a run's children) is read by the
 * applier and handed in. One handler per kind of fact; none calls another.
 */

/** Items of one map step that run at once when the map names no limit. */
export const DEFAULT_MAP_CONCURRENCY = 10;
/** Items started by one transaction: a request waits behind a transaction at most. */
export const ITEMS_PER_TRANSACTION = 10;

type TFactOf<K extends TFact["kind"]> = Extract<TFact, { kind: K }>;

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

/** Items of a map step running at once: its own setting, within this server's limit. */
export const mapConcurrency = (version: TVersion, mapNodeId: string, limit: number): number => {
  const map = version.node(mapNodeId);
  return Math.min(
    (map.kind === "map" ? map.concurrency : undefined) ?? DEFAULT_MAP_CONCURRENCY,
    limit,
  );
};

/** A failed step without an error edge ends its item, or its run; one with one moves on. */
const failsItsGraph = (version: TVersion, fact: TFactOf<"step-done">) =>
  fact.outcome.kind === "failed" &&
  !version
    .place(fact.step.nodeId)
    .flow.outgoing(fact.step.nodeId)
    .some((edge) => edge.kind === "error");

/**
 * Whether deciding after a finished step needs the states of its scope: not when it ends
 * its graph (an end node, a failure with no error edge) nor in a plain chain.
 */
export const needsStates = (version: TVersion, fact: TFactOf<"step-done">): boolean =>
  version.node(fact.step.nodeId).kind !== "end" &&
  !failsItsGraph(version, fact) &&
  !chainTargets(version, fact.step.nodeId, fact.outcome);

/**
 * A step finished. An end node ends its run (or its map item); a failure with no error
 * edge fails the item, or the run. Otherwise its successors that are now ready are
 * scheduled, those no branch leads to skipped, and when nothing is left to run the graph
 * ends without reaching its end node (the run succeeds with no output, the item is done).
 */
export const onStepDone = (
  version: TVersion,
  fact: TFactOf<"step-done">,
  states?: ReadonlyMap<string, TNodeState>,
): TEffect[] => {
  const { at, step, outcome } = fact;
  const place = version.place(step.nodeId);
  if (version.node(step.nodeId).kind === "end" && outcome.kind === "succeeded") {
    return place.map
      ? [{ kind: "end-item", at, mapNodeId: place.map.id, withoutEnd: false }]
      : [{ kind: "end-run", runId: at.runId, status: "succeeded", output: fact.output ?? null }];
  }
  if (failsItsGraph(version, fact)) {
    const error = fact.error as TStepError;
    return place.map
      ? [{ kind: "fail-item", at, mapNodeId: place.map.id, error }]
      : [
          {
            kind: "end-run",
            runId: at.runId,
            status: "failed",
            error: { ...error, label: version.node(error.nodeId).label },
          },
        ];
  }
  const chain = chainTargets(version, step.nodeId, outcome);
  if (chain) return [{ kind: "schedule", at, nodeIds: chain }];
  if (!states) return [];
  const { schedule, skip } = advance(place.flow, states, step.nodeId, outcome);
  const effects: TEffect[] = [];
  if (skip.length) effects.push({ kind: "skip", at, nodeIds: skip });
  if (schedule.length) return [...effects, { kind: "schedule", at, nodeIds: schedule }];
  const active = [...states].some(([id, s]) => id !== step.nodeId && s.kind === "active");
  if (active) return effects;
  return [
    ...effects,
    place.map
      ? { kind: "end-item", at, mapNodeId: place.map.id, withoutEnd: true }
      : { kind: "end-run", runId: at.runId, status: "succeeded", output: null },
  ];
};

/** A run was created: its graph starts with its input. */
export const onRunCreated = (version: TVersion, fact: TFactOf<"run-created">): TEffect[] => [
  {
    kind: "start-graph",
    at: { runId: fact.runId, versionId: fact.versionId, scope: "" },
    startNodeId: version.startNode.id,
    input: fact.input,
  },
];

/** What of other runs an ended run settles: the runs it started, and the step that waits for it. */
export type TRelatedRuns = { children: string[]; parent?: { at: TAt; step: TStepRef } };

/**
 * A run ended. The subscenario runs it started that are still going are cancelled; when
 * it is itself a subscenario, the step waiting for it takes its output, or fails with its
 * error.
 */
export const onRunEnded = (fact: TFactOf<"run-ended">, related: TRelatedRuns): TEffect[] => {
  const effects: TEffect[] = related.children.map((child) => ({
    kind: "end-run",
    runId: child,
    status: "cancelled",
    error: { message: "The run that started it ended." },
    actorId: fact.actorId,
  }));
  const { parent } = related;
  if (!parent) return effects;
  if (fact.status === "succeeded") {
    return [
      ...effects,
      { kind: "succeed-step", at: parent.at, step: parent.step, output: fact.output ?? null },
    ];
  }
  const reason = (fact.error as { message?: string } | undefined)?.message ?? fact.status;
  return [
    ...effects,
    {
      kind: "fail-step",
      at: parent.at,
      step: parent.step,
      error: {
        message: `The subscenario run ${fact.status}: ${reason}`,
        code: "subscenario_failed",
        nodeId: parent.step.nodeId,
        attempts: parent.step.attempt,
        details: { runId: fact.runId, error: fact.error ?? null },
      },
    },
  ];
};

/** A subscenario step parked: its run starts, and the step waits for it to end. */
export const onChildDue = (fact: TFactOf<"child-due">): TEffect[] => [
  {
    kind: "create-run",
    versionId: fact.versionId,
    input: fact.input,
    trigger: "subscenario",
    parentStepRunId: fact.step.id,
  },
];

/** A map step parked on its list: its first items start, at most a transaction's worth. */
export const onMapParked = (
  version: TVersion,
  fact: TFactOf<"map-parked">,
  limit: number,
): TEffect[] => [
  {
    kind: "start-items",
    at: fact.at,
    mapStep: fact.mapStep,
    count: Math.min(
      fact.total,
      mapConcurrency(version, fact.mapStep.nodeId, limit),
      ITEMS_PER_TRANSACTION,
    ),
  },
];

/**
 * Items were counted started: each begins an iteration of the body in a scope of its own;
 * when the map's concurrency allows more than were started, more start later, in a
 * transaction of their own (a large concurrency never makes one long transaction).
 */
export const onItemsTaken = (
  version: TVersion,
  fact: TFactOf<"items-taken">,
  limit: number,
): TEffect[] => {
  const map = version.node(fact.mapStep.nodeId);
  if (map.kind !== "map") return [];
  const start = map.body.nodes.find((n) => n.kind === "start");
  if (!start) return [];
  const effects: TEffect[] = fact.items.map(({ index, value }) => ({
    kind: "start-graph",
    at: { ...fact.at, scope: iterationScope(fact.at.scope, index) },
    startNodeId: start.id,
    input: value,
  }));
  const running = fact.started - fact.done;
  if (fact.started < fact.total && running < mapConcurrency(version, map.id, limit)) {
    effects.push({ kind: "start-items-later", at: fact.at, mapStep: fact.mapStep });
  }
  return effects;
};

/**
 * The job that starts more items of a map step came: as many as its concurrency allows
 * beside those running, at most a transaction's worth (more come later again).
 */
export const onMoreItemsDue = (
  version: TVersion,
  at: TAt,
  mapStep: TStepRef,
  counts: { started: number; done: number; total: number },
  limit: number,
): TEffect[] => {
  const count = Math.min(
    mapConcurrency(version, mapStep.nodeId, limit) - (counts.started - counts.done),
    counts.total - counts.started,
    ITEMS_PER_TRANSACTION,
  );
  return count > 0 ? [{ kind: "start-items", at, mapStep, count }] : [];
};

/** An item is done: the map gathers its items when it was the last, else the next starts. */
export const onItemCounted = (fact: TFactOf<"item-counted">): TEffect[] => {
  if (fact.done >= fact.total) {
    return [{ kind: "gather-items", at: fact.at, mapStep: fact.mapStep, total: fact.total }];
  }
  return fact.started < fact.total
    ? [{ kind: "start-items", at: fact.at, mapStep: fact.mapStep, count: 1 }]
    : [];
};

/** The map step succeeds with its items' outputs. */
export const onItemsGathered = (fact: TFactOf<"items-gathered">): TEffect[] => [
  { kind: "succeed-step", at: fact.at, step: fact.mapStep, output: fact.outputs },
];

/** An item failed: the map step fails with it, naming the item and where it failed. */
export const onItemFailed = (version: TVersion, fact: TFactOf<"item-failed">): TEffect[] => [
  { kind: "sync-waiting", runId: fact.at.runId },
  {
    kind: "fail-step",
    at: fact.at,
    step: fact.mapStep,
    error: {
      message: `Item ${fact.index} failed at "${version.node(fact.error.nodeId).label}": ${fact.error.message}`,
      code: "item_failed",
      nodeId: fact.mapStep.nodeId,
      attempts: fact.mapStep.attempt,
      details: {
        index: fact.index,
        scope: iterationScope(fact.at.scope, fact.index),
        error: fact.error,
      },
    },
  },
];

/**
 * A task was decided: approval and rejection are the step's output, which the scenario
 * branches on; a passed due time fails the step (its error edge, or the run fails). Either
 * way the run's status follows its open tasks again.
 */
export const onTaskDecided = (
  at: TAt,
  step: TStepRef,
  decision: { kind: "decided"; output: TManualOutput } | { kind: "expired" },
): TEffect[] => [
  decision.kind === "decided"
    ? { kind: "succeed-step", at, step, output: decision.output }
    : {
        kind: "fail-step",
        at,
        step,
        error: {
          message: "Nobody decided the task by its due time.",
          code: "timeout",
          nodeId: step.nodeId,
          attempts: step.attempt,
        },
      },
  { kind: "sync-waiting", runId: at.runId },
];
