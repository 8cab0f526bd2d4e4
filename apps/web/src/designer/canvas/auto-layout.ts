import type { XYPosition } from "@xyflow/react";
import type { ElkNode } from "elkjs/lib/elk-api";
import { READABLE_ZOOM } from "../../lib/readable-fit.ts";
import {
  ERROR_HANDLE,
  NEXT_HANDLE,
  TARGET_HANDLE,
  type TCanvasEdge,
  type TCanvasNode,
} from "./canvas-types.ts";
import { boxOf } from "./node-size.ts";

/** Which way the layers of a layout follow each other: left to right, or top to bottom. */
export type TLayoutDirection = "RIGHT" | "DOWN";

type TSide = "EAST" | "WEST" | "NORTH" | "SOUTH";

// Where a node's outgoing and incoming edges leave it, per direction.
const SIDES: Record<TLayoutDirection, { out: TSide; in: TSide }> = {
  RIGHT: { out: "EAST", in: "WEST" },
  DOWN: { out: "SOUTH", in: "NORTH" },
};

// Ports keep a node's outgoing edges in the order its handles are drawn (next above error,
// branches in rule order), so the layout does not cross them.
const sourceRank = (handle: string | null | undefined, node: TCanvasNode | undefined): number => {
  if (handle === NEXT_HANDLE) return 0;
  if (handle === ERROR_HANDLE) return 1_000;
  if (node?.type === "choice" && handle) {
    const step = node.data.step;
    const names = [...step.rules.map((r) => r.branch), ...(step.default ? [step.default] : [])];
    return names.indexOf(handle.slice("branch:".length)) + 1;
  }
  return 0;
};

/**
 * The ELK graph of the canvas: nodes at their measured size, one port per used handle;
 * `wrapAt` (width / height) cuts long chains into rows (or columns) of about that shape.
 */
export const toElkGraph = (
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
  direction: TLayoutDirection = "RIGHT",
  wrapAt?: number,
): ElkNode => {
  const sides = SIDES[direction];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ports = new Map<string, { id: string; rank: number; side: TSide }[]>();
  const addPort = (nodeId: string, handle: string, side: TSide, rank: number) => {
    const id = `${nodeId}::${handle}`;
    const list = ports.get(nodeId) ?? [];
    if (!list.some((p) => p.id === id)) list.push({ id, rank, side });
    ports.set(nodeId, list);
    return id;
  };
  const elkEdges = edges
    .filter((e) => byId.has(e.source) && byId.has(e.target))
    .map((e) => {
      const handle = e.sourceHandle ?? NEXT_HANDLE;
      return {
        id: e.id,
        sources: [addPort(e.source, handle, sides.out, sourceRank(handle, byId.get(e.source)))],
        targets: [addPort(e.target, TARGET_HANDLE, sides.in, 0)],
      };
    });
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": direction,
      "elk.layered.spacing.nodeNodeBetweenLayers": "80",
      "elk.spacing.nodeNode": "40",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      ...(wrapAt
        ? {
            "elk.layered.wrapping.strategy": "MULTI_EDGE",
            "elk.aspectRatio": String(wrapAt),
            "elk.layered.wrapping.additionalEdgeSpacing": "24",
          }
        : {}),
    },
    children: nodes.map((n) => {
      const { width, height } = boxOf(n);
      return {
        id: n.id,
        width,
        height,
        layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
        ports: (ports.get(n.id) ?? [])
          // ELK counts fixed port order clockwise: the outgoing side first, then the incoming.
          .sort((a, b) => (a.side === b.side ? a.rank - b.rank : a.side === sides.out ? -1 : 1))
          .map((p, index) => ({
            id: p.id,
            width: 1,
            height: 1,
            layoutOptions: { "elk.port.side": p.side, "elk.port.index": String(index) },
          })),
      };
    }),
    edges: elkEdges,
  };
};

/**
 * Positions from ELK's layered layout, left to right or top to bottom. When the result is
 * too long to read whole on `canvas` (at READABLE_ZOOM), long chains wrap into rows (or
 * columns) shaped like the canvas. ELK is loaded only when first asked.
 */
export const autoLayout = async (
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
  {
    direction = "RIGHT",
    canvas,
  }: { direction?: TLayoutDirection; canvas?: { width: number; height: number } } = {},
): Promise<Map<string, XYPosition>> => {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  let laid = await elk.layout(toElkGraph(nodes, edges, direction));
  if (canvas && canvas.width > 0 && canvas.height > 0) {
    const tooLong =
      direction === "RIGHT"
        ? (laid.width ?? 0) * READABLE_ZOOM > canvas.width
        : (laid.height ?? 0) * READABLE_ZOOM > canvas.height;
    if (tooLong) {
      laid = await elk.layout(toElkGraph(nodes, edges, direction, canvas.width / canvas.height));
    }
  }
  return new Map(
    (laid.children ?? []).map((child) => [
      child.id,
      { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) },
    ]),
  );
};
