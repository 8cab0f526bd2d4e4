import {
  BatonError,
  incomingEdges,
  indexGraph,
  outgoingEdges,
  type TGraphIndex,
  type TNode,
  type TScenario,
  ZScenario,
} from "@baton/model";
import type { TFlowGraph } from "./flow/advance.ts";
import type { TSql } from "./sql.ts";

/** A published version, parsed once: versions are immutable, so the cache never goes stale. */
export type TVersion = {
  id: string;
  scenarioId: string;
  version: number;
  scenario: TScenario;
  index: TGraphIndex;
  flow: TFlowGraph;
  node(nodeId: string): TNode;
  startNode: TNode;
};

export const toVersion = (row: {
  id: string;
  scenarioId: string;
  version: number;
  definition: unknown;
}): TVersion => {
  const parsed = ZScenario.safeParse(row.definition);
  if (!parsed.success) {
    throw new BatonError(
      "PRECONDITION_FAILED",
      `Version ${row.version} of the scenario is not a valid baton.scenario/v1 definition: ${parsed.error.issues[0]?.message}`,
    );
  }
  const scenario = parsed.data;
  const index = indexGraph(scenario);
  const node = (nodeId: string) => {
    const found = index.nodes.get(nodeId);
    if (!found) throw new BatonError("NOT_FOUND", `The scenario has no node "${nodeId}".`);
    return found;
  };
  const startNode = scenario.nodes.find((n) => n.kind === "start");
  if (!startNode) throw new BatonError("PRECONDITION_FAILED", "The scenario has no start node.");
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    version: row.version,
    scenario,
    index,
    flow: {
      outgoing: (id) => outgoingEdges(index, id),
      incoming: (id) => incomingEdges(index, id),
    },
    node,
    startNode,
  };
};

type TVersionRow = { id: string; scenarioId: string; version: number; definition: unknown };

/** Inside a transaction pass it: a cache miss then reads through it (see functions.ts). */
export const createVersionCache = (sql: TSql) => {
  const cache = new Map<string, Promise<TVersion>>();
  return (versionId: string, tx?: TSql): Promise<TVersion> => {
    let found = cache.get(versionId);
    if (!found) {
      found = (tx ?? sql)
        .$queryRawUnsafe<TVersionRow[]>(
          `SELECT id, "scenarioId", version, definition FROM "ScenarioVersion" WHERE id = $1::uuid`,
          versionId,
        )
        .then(([row]) => {
          if (!row) throw new BatonError("NOT_FOUND", `No scenario version ${versionId}.`);
          return toVersion(row);
        });
      found.catch(() => cache.delete(versionId));
      cache.set(versionId, found);
    }
    return found;
  };
};
