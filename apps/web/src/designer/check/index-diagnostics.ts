import {
  listNodes,
  type TDiagnostic,
  type TEdge,
  type TMapping,
  type TNode,
  type TNodePlace,
  type TScenario,
} from "@baton/model";

export type TDiagnosticIndex = {
  readonly all: readonly TDiagnostic[];
  readonly byNode: ReadonlyMap<string, readonly TDiagnostic[]>;
  readonly byEdge: ReadonlyMap<string, readonly TDiagnostic[]>;
  readonly errors: number;
  readonly warnings: number;
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

// Problems with what a step receives: drawn on the edge when that edge alone feeds it.
const INPUT_CODES = new Set(["type-mismatch", "missing-input", "unproven", "unknown-field"]);

const mappingOf = (node: TNode): TMapping | undefined => {
  switch (node.kind) {
    case "end":
      return node.output;
    case "function":
    case "manual":
    case "subscenario":
      return node.input;
    default:
      return undefined;
  }
};

const feedingEdge = (place: TNodePlace | undefined): TEdge | undefined => {
  if (!place || mappingOf(place.node) !== undefined) return undefined;
  const incoming = place.graph.edges.filter((e) => e.target === place.node.id);
  return incoming.length === 1 ? incoming[0] : undefined;
};

/**
 * Files each diagnostic under its node and edge. A step without a mapping takes its single
 * predecessor's whole output, so a type problem there is the edge's fault and shows on it.
 */
export const indexDiagnostics = (
  diagnostics: readonly TDiagnostic[],
  scenario: TScenario,
): TDiagnosticIndex => {
  const byNode = new Map<string, TDiagnostic[]>();
  const byEdge = new Map<string, TDiagnostic[]>();
  // Map bodies included: their steps are drawn when the canvas shows the body.
  const places = new Map(listNodes(scenario).map((place) => [place.node.id, place]));
  const graphs = new Set([scenario, ...[...places.values()].map((place) => place.graph)]);
  const nodeOfEdge = new Map(
    [...graphs].flatMap((g) => g.edges.map((e) => [e.id, e.source] as const)),
  );
  for (const diagnostic of diagnostics) {
    if (diagnostic.edgeId !== undefined) push(byEdge, diagnostic.edgeId, diagnostic);
    const nodeId =
      diagnostic.nodeId ?? (diagnostic.edgeId ? nodeOfEdge.get(diagnostic.edgeId) : undefined);
    if (nodeId === undefined) continue;
    push(byNode, nodeId, diagnostic);
    if (diagnostic.edgeId === undefined && INPUT_CODES.has(diagnostic.code)) {
      const edge = feedingEdge(places.get(nodeId));
      if (edge) push(byEdge, edge.id, diagnostic);
    }
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { all: diagnostics, byNode, byEdge, errors, warnings: diagnostics.length - errors };
};

export const EMPTY_INDEX: TDiagnosticIndex = indexDiagnostics([], {
  format: "baton.scenario/v1",
  slug: "empty",
  name: "empty",
  nodes: [],
  edges: [],
});
