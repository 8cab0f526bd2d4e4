import type { TGraph } from "@baton/model";

/**
 * The maps, outermost first, whose bodies hold `nodeId` (empty for a top-level node), or
 * undefined when no graph holds it.
 */
export const locateNode = (graph: TGraph, nodeId: string): string[] | undefined => {
  for (const node of graph.nodes) {
    if (node.id === nodeId) return [];
    if (node.kind !== "map") continue;
    const inside = locateNode(node.body, nodeId);
    if (inside) return [node.id, ...inside];
  }
  return undefined;
};
