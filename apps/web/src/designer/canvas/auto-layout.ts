import type { XYPosition } from "@xyflow/react";
import type { ElkNode } from "elkjs/lib/elk-api";
import {
  ERROR_HANDLE,
  NEXT_HANDLE,
  TARGET_HANDLE,
  type TCanvasEdge,
  type TCanvasNode,
} from "./canvas-types.ts";

const FALLBACK_SIZE = { width: 240, height: 110 };

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

/** The ELK graph of the canvas: nodes at their measured size, one port per used handle. */
export const toElkGraph = (
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
): ElkNode => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ports = new Map<string, { id: string; rank: number; side: "EAST" | "WEST" }[]>();
  const addPort = (nodeId: string, handle: string, side: "EAST" | "WEST", rank: number) => {
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
        sources: [addPort(e.source, handle, "EAST", sourceRank(handle, byId.get(e.source)))],
        targets: [addPort(e.target, TARGET_HANDLE, "WEST", 0)],
      };
    });
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "80",
      "elk.spacing.nodeNode": "40",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.measured?.width ?? FALLBACK_SIZE.width,
      height: n.measured?.height ?? FALLBACK_SIZE.height,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      ports: (ports.get(n.id) ?? [])
        // ELK counts fixed port order clockwise: the east side top to bottom, then the west.
        .sort((a, b) => (a.side === b.side ? a.rank - b.rank : a.side === "EAST" ? -1 : 1))
        .map((p, index) => ({
          id: p.id,
          width: 1,
          height: 1,
          layoutOptions: { "elk.port.side": p.side, "elk.port.index": String(index) },
        })),
    })),
    edges: elkEdges,
  };
};

/** Positions from ELK's layered layout, left to right; ELK is loaded only when first asked. */
export const autoLayout = async (
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
): Promise<Map<string, XYPosition>> => {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const laid = await new ELK().layout(toElkGraph(nodes, edges));
  return new Map(
    (laid.children ?? []).map((child) => [
      child.id,
      { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) },
    ]),
  );
};
