import type { Viewport } from "@xyflow/react";
import { readableFit } from "../../lib/readable-fit.ts";
import type { TCanvasNode } from "./canvas-types.ts";
import { boxOf } from "./node-size.ts";

/**
 * The viewport that fits the graph at a readable zoom, or shows its start when it is too
 * large for that. From positions alone (sizes are guessed until measured), so the first
 * render already draws at the right zoom and level of detail; useFitOnOpen refines it.
 */
export const initialViewport = (
  nodes: readonly Pick<TCanvasNode, "position" | "measured" | "type">[],
  canvas: { width: number; height: number },
): Viewport => {
  const start = nodes.find((n) => n.type === "start");
  return readableFit(nodes.map(boxOf), canvas, { focus: start && boxOf(start) });
};
