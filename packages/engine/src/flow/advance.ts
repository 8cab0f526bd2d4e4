import type { TEdge } from "@baton/model";

/** How a finished node left the graph: which of its outgoing edges it takes. */
export type TOutcome =
  | { kind: "succeeded"; branch?: string | undefined }
  | { kind: "failed" }
  | { kind: "skipped" };

export type TFlowGraph = {
  outgoing(nodeId: string): readonly TEdge[];
  incoming(nodeId: string): readonly TEdge[];
};

/** What is known of each node in the current generation: finished how, or still active. */
export type TNodeState = TOutcome | { kind: "active" };

export type TAdvance = { schedule: string[]; skip: string[] };

const edgeTaken = (edge: TEdge, outcome: TOutcome): boolean => {
  switch (outcome.kind) {
    case "skipped":
      return false;
    case "failed":
      return edge.kind === "error";
    case "succeeded":
      if (edge.kind === "error") return false;
      if (outcome.branch === undefined) return edge.kind === "next";
      return edge.kind === "branch" && edge.branch === outcome.branch;
  }
};

/**
 * Decides what follows a finished node. A target runs once every incoming edge is
 * settled and at least one is taken (so a join waits for all branches still alive); a
 * target none of whose edges is taken is skipped, and the skip travels on, so branches
 * a choice did not pick never hold up the join below them.
 */
export const advance = (
  graph: TFlowGraph,
  states: ReadonlyMap<string, TNodeState>,
  nodeId: string,
  outcome: TOutcome,
): TAdvance => {
  const known = new Map(states);
  known.set(nodeId, outcome);
  const result: TAdvance = { schedule: [], skip: [] };
  const queue = [nodeId];
  while (queue.length) {
    const current = queue.shift()!;
    for (const edge of graph.outgoing(current)) {
      const target = edge.target;
      if (known.has(target)) continue;
      let unsettled = false;
      let taken = false;
      for (const incoming of graph.incoming(target)) {
        const source = known.get(incoming.source);
        if (!source || source.kind === "active") unsettled = true;
        else if (edgeTaken(incoming, source)) taken = true;
      }
      if (unsettled) continue;
      if (taken) {
        known.set(target, { kind: "active" });
        result.schedule.push(target);
      } else {
        known.set(target, { kind: "skipped" });
        result.skip.push(target);
        queue.push(target);
      }
    }
  }
  return result;
};
