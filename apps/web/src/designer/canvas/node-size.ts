import type { TCanvasNode } from "./canvas-types.ts";

/** A node's size before it is measured: about what the full node draws. */
export const DEFAULT_NODE_SIZE = { width: 224, height: 96 } as const;

export type TBox = { x: number; y: number; width: number; height: number };

/** Where a node is and how large, measured or else guessed. */
export const boxOf = (node: Pick<TCanvasNode, "position" | "measured">): TBox => ({
  x: node.position.x,
  y: node.position.y,
  width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
  height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
});
