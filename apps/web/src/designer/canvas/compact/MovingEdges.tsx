import type { TDiagnostic } from "@baton/model";
import type { TCanvasEdge } from "../canvas-types.ts";
import { edgePaths, type TNodesById } from "./compact-edges.ts";
import { EdgePaths } from "./EdgePaths.tsx";

/**
 * The edges of the nodes being dragged, redrawn on every frame of the drag, apart from the
 * rest so the path of hundreds of edges that stay put is not rebuilt and re-laid out.
 */
export function MovingEdges({
  edges,
  nodes,
  byEdge,
}: {
  edges: readonly TCanvasEdge[];
  nodes: TNodesById;
  byEdge: ReadonlyMap<string, readonly TDiagnostic[]>;
}) {
  if (edges.length === 0) return null;
  return <EdgePaths paths={edgePaths(edges, nodes, byEdge)} />;
}
