import type { Viewport } from "@xyflow/react";
import type { TCanvasNode } from "./canvas-types.ts";

// A node's size before it is measured: about what the full node draws.
const NODE = { width: 224, height: 96 };

/**
 * A first guess at the viewport that fits every node, from positions alone, so the first
 * render already draws at roughly the right zoom (and so in the right level of detail);
 * fitView corrects it once nodes are measured.
 */
export const initialViewport = (
  nodes: readonly Pick<TCanvasNode, "position">[],
  canvas: { width: number; height: number },
  padding = 0.2,
): Viewport => {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const width = Math.max(...xs) - left + NODE.width;
  const height = Math.max(...ys) - top + NODE.height;
  const zoom = Math.min(
    1,
    Math.max(
      0.1,
      Math.min(canvas.width / (width * (1 + padding)), canvas.height / (height * (1 + padding))),
    ),
  );
  return {
    x: (canvas.width - width * zoom) / 2 - left * zoom,
    y: (canvas.height - height * zoom) / 2 - top * zoom,
    zoom,
  };
};
