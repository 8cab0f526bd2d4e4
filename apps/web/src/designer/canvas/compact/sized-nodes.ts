import type { TCanvasNode } from "../canvas-types.ts";
import { COMPACT_SIZE } from "./compact-geometry.ts";

const sized = new WeakMap<TCanvasNode, TCanvasNode>();

/**
 * The nodes with their compact size given up front, so React Flow shows them at once instead
 * of hiding them until measured. Each copy is remembered per node object: during a drag only
 * the dragged node is copied again, and React Flow sees every other node unchanged.
 */
export const withCompactSize = (nodes: readonly TCanvasNode[]): TCanvasNode[] =>
  nodes.map((node) => {
    let copy = sized.get(node);
    if (!copy) {
      copy = { ...node, ...COMPACT_SIZE };
      sized.set(node, copy);
    }
    return copy;
  });
