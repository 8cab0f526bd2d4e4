import type { TEdge, TNode, TScenario } from "@baton/model";
import type { TCanvasEdge, TCanvasNode, TScenarioMeta } from "./canvas-types.ts";

// Positions are stored rounded: sub-pixel drag noise would make every save a diff.
const round = (value: number) => Math.round(value);

export const fromCanvasNode = (node: TCanvasNode): TNode =>
  ({
    ...node.data.step,
    position: { x: round(node.position.x), y: round(node.position.y) },
  }) as TNode;

export const fromCanvasEdge = (edge: TCanvasEdge): TEdge => {
  const ends = { id: edge.id, source: edge.source, target: edge.target };
  if (edge.type === "branch") return { ...ends, kind: "branch", branch: edge.data?.branch ?? "" };
  return { ...ends, kind: edge.type === "error" ? "error" : "next" };
};

/** The scenario the canvas shows: the inverse of toCanvas. */
export const fromCanvas = (
  meta: TScenarioMeta,
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
): TScenario => ({
  ...meta,
  nodes: nodes.map(fromCanvasNode),
  edges: edges.map(fromCanvasEdge),
});
