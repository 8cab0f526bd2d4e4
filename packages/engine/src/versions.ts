import {
  BatonError,
  incomingEdges,
  indexGraph,
  outgoingEdges,
  type TGraphIndex,
  type TGraphLike,
  type TMapNode,
  type TNode,
  type TScenario,
  ZScenario,
} from "@baton/model";
import type { TFlowGraph } from "./flow/advance.ts";
import { createReadCache } from "./read-cache.ts";
import { readVersion, type TVersionRow } from "./store/catalog.ts";
import type { TSql } from "./store/sql.ts";

/** The scenario's graph or a map body: where a node sits, and how its own graph flows. */
export type TPlace = {
  index: TGraphIndex;
  flow: TFlowGraph;
  start?: TNode;
  end?: TNode;
  /** the map whose body this is; none for the scenario's own graph */
  map?: TMapNode;
  /** the place of that map */
  parent?: TPlace;
};

/** A published version, parsed once: versions are immutable, so the cache never goes stale. */
export type TVersion = {
  id: string;
  scenarioId: string;
  version: number;
  scenario: TScenario;
  index: TGraphIndex;
  flow: TFlowGraph;
  /** any node, map bodies included */
  node(nodeId: string): TNode;
  hasNode(nodeId: string): boolean;
  place(nodeId: string): TPlace;
  startNode: TNode;
  /** a subscenario node anywhere (map bodies included): its runs may start other runs */
  startsRuns: boolean;
  /** a snapshot of a draft for a test run, not a published version */
  test: boolean;
  /** the output pinned for a step of a test snapshot, used instead of running it */
  pinned(nodeId: string): { output: unknown } | undefined;
};

/** Indexes a graph and, recursively, the bodies of its maps, by node id. */
const placeGraph = (
  graph: TGraphLike,
  places: Map<string, TPlace>,
  map?: TMapNode,
  parent?: TPlace,
): TPlace => {
  const index = indexGraph(graph);
  const start = graph.nodes.find((n) => n.kind === "start");
  const end = graph.nodes.find((n) => n.kind === "end");
  const place: TPlace = {
    index,
    flow: {
      outgoing: (id) => outgoingEdges(index, id),
      incoming: (id) => incomingEdges(index, id),
    },
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(map ? { map } : {}),
    ...(parent ? { parent } : {}),
  };
  for (const node of graph.nodes) {
    if (!places.has(node.id)) places.set(node.id, place);
    if (node.kind === "map") placeGraph(node.body, places, node, place);
  }
  return place;
};

export const toVersion = (row: TVersionRow): TVersion => {
  const parsed = ZScenario.safeParse(row.definition);
  if (!parsed.success) {
    throw new BatonError(
      "PRECONDITION_FAILED",
      `Version ${row.version} of the scenario is not a valid baton.scenario/v1 definition: ${parsed.error.issues[0]?.message}`,
    );
  }
  const scenario = parsed.data;
  const places = new Map<string, TPlace>();
  const top = placeGraph(scenario, places);
  const place = (nodeId: string) => {
    const found = places.get(nodeId);
    if (!found) throw new BatonError("NOT_FOUND", `The scenario has no node "${nodeId}".`);
    return found;
  };
  const node = (nodeId: string) => place(nodeId).index.nodes.get(nodeId)!;
  const startNode = scenario.nodes.find((n) => n.kind === "start");
  if (!startNode) throw new BatonError("PRECONDITION_FAILED", "The scenario has no start node.");
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    version: row.version,
    scenario,
    index: top.index,
    flow: top.flow,
    node,
    hasNode: (nodeId) => places.has(nodeId),
    place,
    startNode,
    startsRuns: [...places.keys()].some((id) => node(id).kind === "subscenario"),
    test: row.test ?? false,
    pinned: (nodeId) => {
      const pins = (row.test ? (row.pinned ?? {}) : {}) as Record<string, unknown>;
      return Object.hasOwn(pins, nodeId) ? { output: pins[nodeId] } : undefined;
    },
  };
};

/** Versions are immutable: once read, a version is kept for the life of the process. */
export const createVersionCache = (sql: TSql) =>
  createReadCache(sql, async (versionId, db) => {
    const row = await readVersion(db, versionId);
    if (!row) throw new BatonError("NOT_FOUND", `No scenario version ${versionId}.`);
    return toVersion(row);
  });
