import type { TDiagnostic } from "@baton/model";
import type { XYPosition } from "@xyflow/react";
import type { TCanvasEdge, TCanvasNode } from "../canvas-types.ts";
import {
  bezierMidpoint,
  bezierPath,
  bezierPoint,
  inputAnchor,
  outputAnchor,
} from "./compact-geometry.ts";

/** How a compact edge is stroked: by its kind, unless the check blames it. */
export const EDGE_STYLES = ["next", "error", "branch", "warn", "invalid"] as const;
export type TEdgeStyle = (typeof EDGE_STYLES)[number];

export type TEdgePaths = Readonly<Record<TEdgeStyle, string>>;

type TDiagnostics = ReadonlyMap<string, readonly TDiagnostic[]>;

export const edgeStyle = (edge: TCanvasEdge, byEdge: TDiagnostics): TEdgeStyle => {
  const diagnostics = byEdge.get(edge.id);
  if (diagnostics?.some((d) => d.severity === "error")) return "invalid";
  if (diagnostics && diagnostics.length > 0) return "warn";
  return edge.type ?? "next";
};

export type TNodesById = ReadonlyMap<string, TCanvasNode>;

export const nodesById = (nodes: readonly TCanvasNode[]): TNodesById =>
  new Map(nodes.map((node) => [node.id, node]));

/** Where an edge starts and ends on the compact nodes; undefined if an end is missing. */
export const edgeEnds = (
  edge: TCanvasEdge,
  nodes: TNodesById,
): { source: XYPosition; target: XYPosition } | undefined => {
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source || !target) return undefined;
  return {
    source: outputAnchor(source.position, source.data.step, edge.sourceHandle ?? ""),
    target: inputAnchor(target.position),
  };
};

/** All given edges as one path per style: a few SVG elements instead of one per edge. */
export const edgePaths = (
  edges: readonly TCanvasEdge[],
  nodes: TNodesById,
  byEdge: TDiagnostics,
): TEdgePaths => {
  const parts: Record<TEdgeStyle, string[]> = {
    next: [],
    error: [],
    branch: [],
    warn: [],
    invalid: [],
  };
  for (const edge of edges) {
    const ends = edgeEnds(edge, nodes);
    if (ends) parts[edgeStyle(edge, byEdge)].push(bezierPath(ends.source, ends.target));
  }
  return {
    next: parts.next.join(""),
    error: parts.error.join(""),
    branch: parts.branch.join(""),
    warn: parts.warn.join(""),
    invalid: parts.invalid.join(""),
  };
};

export type TEdgeProblem = {
  edge: TCanvasEdge;
  at: XYPosition;
  severity: "error" | "warning";
};

/** The edges the check blames, with the point their marker is drawn at. */
export const edgeProblems = (
  edges: readonly TCanvasEdge[],
  nodes: TNodesById,
  byEdge: TDiagnostics,
): TEdgeProblem[] =>
  edges.flatMap((edge) => {
    const style = edgeStyle(edge, byEdge);
    const ends = style === "invalid" || style === "warn" ? edgeEnds(edge, nodes) : undefined;
    if (!ends) return [];
    const severity = style === "invalid" ? ("error" as const) : ("warning" as const);
    return [{ edge, at: bezierMidpoint(ends.source, ends.target), severity }];
  });

/** The ids of the nodes being dragged, sorted and joined: a key that changes only with them. */
export const movingKey = (nodes: readonly TCanvasNode[]): string =>
  nodes
    .filter((node) => node.dragging)
    .map((node) => node.id)
    .sort()
    .join("\n");

/** Splits edges into those that touch a moving node and the rest. */
export const splitByMoving = (
  edges: readonly TCanvasEdge[],
  moving: ReadonlySet<string>,
): { still: TCanvasEdge[]; moving: TCanvasEdge[] } => {
  const still: TCanvasEdge[] = [];
  const touching: TCanvasEdge[] = [];
  for (const edge of edges) {
    (moving.has(edge.source) || moving.has(edge.target) ? touching : still).push(edge);
  }
  return { still, moving: touching };
};

/**
 * `previous` again if no node outside `moving` changed since it was built, else a fresh map:
 * during a drag only the dragged nodes change, so the edges between the others stay as drawn.
 */
export const stillNodes = (
  previous: TNodesById | undefined,
  nodes: readonly TCanvasNode[],
  moving: ReadonlySet<string>,
): TNodesById => {
  if (previous?.size === nodes.length) {
    const same = nodes.every((node) => moving.has(node.id) || previous.get(node.id) === node);
    if (same) return previous;
  }
  return nodesById(nodes);
};

const SAMPLES = 24;

/**
 * The edge drawn nearest to a point of the canvas, if one passes within `tolerance` (flow
 * units): the zoomed-out edges are a few shared paths, so a click finds its edge this way.
 */
export const nearestEdge = (
  edges: readonly TCanvasEdge[],
  nodes: TNodesById,
  point: XYPosition,
  tolerance: number,
): TCanvasEdge | undefined => {
  let best: TCanvasEdge | undefined;
  let bestDistance = tolerance;
  for (const edge of edges) {
    const ends = edgeEnds(edge, nodes);
    if (!ends) continue;
    const { source: s, target: t } = ends;
    // skip edges whose box, widened by the tolerance, leaves the point out
    const slack = bestDistance + Math.abs(t.x - s.x) / 2;
    if (point.x < Math.min(s.x, t.x) - slack || point.x > Math.max(s.x, t.x) + slack) continue;
    if (point.y < Math.min(s.y, t.y) - bestDistance || point.y > Math.max(s.y, t.y) + bestDistance)
      continue;
    let previous = s;
    for (let i = 1; i <= SAMPLES; i++) {
      const next = bezierPoint(s, t, i / SAMPLES);
      const distance = distanceToSegment(point, previous, next);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = edge;
      }
      previous = next;
    }
  }
  return best;
};

const distanceToSegment = (p: XYPosition, a: XYPosition, b: XYPosition): number => {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const u =
    length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
};
