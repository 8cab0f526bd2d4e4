import type { TCanvasEdge } from "./canvas-types.ts";
import { TARGET_HANDLE } from "./canvas-types.ts";

/** Node id → the handle ids edges attach to, on either end. */
export const handlesInUse = (edges: readonly TCanvasEdge[]): Map<string, Set<string>> => {
  const used = new Map<string, Set<string>>();
  const add = (nodeId: string, handle: string) => {
    const set = used.get(nodeId);
    if (set) set.add(handle);
    else used.set(nodeId, new Set([handle]));
  };
  for (const edge of edges) {
    if (edge.sourceHandle) add(edge.source, edge.sourceHandle);
    add(edge.target, edge.targetHandle ?? TARGET_HANDLE);
  }
  return used;
};
