import type { TRunDetail, TStepRun } from "./run-types.ts";
import type { TStepState } from "./step-state.ts";

/** What the run graph shows on one node. */
export type TNodeState = {
  nodeId: string;
  state: TStepState;
  /** the latest step run of the node (the one rework would replace next) */
  current: TStepRun | undefined;
  /** every step run of the node, newest first, superseded ones included */
  history: TStepRun[];
  attempts: number;
  /** time spent so far (running) or in total (ended), from the first start */
  durationMs: number | undefined;
};

const newestFirst = (a: TStepRun, b: TStepRun): number =>
  b.generation - a.generation || Date.parse(b.createdAt) - Date.parse(a.createdAt);

export const stepDurationMs = (step: TStepRun, now: number): number | undefined => {
  if (!step.startedAt) return undefined;
  const end = step.endedAt ? Date.parse(step.endedAt) : now;
  return Math.max(0, end - Date.parse(step.startedAt));
};

/** A node's state from its step runs (newest first) and the one of them shown. */
const stateOf = (
  nodeId: string,
  history: TStepRun[],
  current: TStepRun | undefined,
  now: number,
): TNodeState => ({
  nodeId,
  state: current?.status ?? "pending",
  current,
  history,
  attempts: current?.attempt ?? 0,
  durationMs: current ? stepDurationMs(current, now) : undefined,
});

/** Maps the run's top-level step runs onto the nodes of its graph. */
export const nodeStates = (
  run: Pick<TRunDetail, "stepRuns">,
  nodeIds: readonly string[],
  now: number,
): Map<string, TNodeState> => {
  const byNode = new Map<string, TStepRun[]>();
  for (const step of run.stepRuns) {
    if (step.scope !== "") continue;
    const list = byNode.get(step.nodeId);
    if (list) list.push(step);
    else byNode.set(step.nodeId, [step]);
  }
  const states = new Map<string, TNodeState>();
  for (const nodeId of nodeIds) {
    const history = (byNode.get(nodeId) ?? []).sort(newestFirst);
    states.set(nodeId, stateOf(nodeId, history, history[0], now));
  }
  return states;
};

/**
 * A step inside a map's body, across the items it ran for: every step run of the node,
 * newest first; `picked` (a row of the timeline) is the one shown, else the newest.
 */
export const bodyNodeState = (
  run: Pick<TRunDetail, "stepRuns">,
  nodeId: string,
  now: number,
  picked?: string,
): TNodeState => {
  const history = run.stepRuns
    .filter((s) => s.nodeId === nodeId && s.scope !== "")
    .sort(newestFirst);
  return stateOf(nodeId, history, history.find((s) => s.id === picked) ?? history[0], now);
};

export type TProgress = { done: number; total: number; failed: number; active: number };

/** Steps of the current generation that are done (succeeded or skipped) out of the graph's nodes. */
export const runProgress = (
  run: Pick<TRunDetail, "stepRuns" | "stepsTotal">,
  states: ReadonlyMap<string, TNodeState>,
): TProgress => {
  let done = 0;
  let failed = 0;
  let active = 0;
  for (const { state } of states.values()) {
    if (state === "succeeded" || state === "skipped") done++;
    else if (state === "failed") failed++;
    else if (state === "running" || state === "retrying" || state === "waiting") active++;
  }
  return { done, total: Math.max(run.stepsTotal, states.size), failed, active };
};
