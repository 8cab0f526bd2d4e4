import { EdgeLabelRenderer } from "@xyflow/react";
import { memo, useMemo, useRef } from "react";
import { useChecks } from "../../check/use-checks.ts";
import { useDesigner } from "../../use-designer.ts";
import { CompactEdgeProblems } from "./CompactEdgeProblems.tsx";
import {
  edgePaths,
  edgeProblems,
  movingKey,
  nodesById,
  splitByMoving,
  stillNodes,
  type TNodesById,
} from "./compact-edges.ts";
import { EdgePaths } from "./EdgePaths.tsx";
import { MovingEdges } from "./MovingEdges.tsx";

/**
 * Every edge of the zoomed-out canvas, drawn from node positions as one path per style
 * instead of one React Flow edge component each (523 components woke on every drag frame).
 * The edges of dragged nodes are drawn apart (MovingEdges), so the big paths stay as they are
 * while a drag lasts. `data-compact-edges` says how many edges are drawn, for the benchmark.
 */
export const CompactEdges = memo(function CompactEdges() {
  const nodes = useDesigner((s) => s.nodes);
  const edges = useDesigner((s) => s.edges);
  const byEdge = useChecks((s) => s.index.byEdge);
  const key = movingKey(nodes);
  const moving = useMemo(() => new Set(key ? key.split("\n") : []), [key]);
  const split = useMemo(() => splitByMoving(edges, moving), [edges, moving]);
  const previous = useRef<TNodesById>(undefined);
  const still = stillNodes(previous.current, nodes, moving);
  previous.current = still;
  const stillPaths = useMemo(
    () => edgePaths(split.still, still, byEdge),
    [split.still, still, byEdge],
  );
  const current = split.moving.length > 0 ? nodesById(nodes) : still;
  const problems = useMemo(() => edgeProblems(edges, current, byEdge), [edges, current, byEdge]);
  return (
    <EdgeLabelRenderer>
      <svg
        className="pointer-events-none absolute top-0 left-0 size-px overflow-visible"
        data-compact-edges={edges.length}
        aria-hidden
      >
        <EdgePaths paths={stillPaths} />
        <MovingEdges edges={split.moving} nodes={current} byEdge={byEdge} />
      </svg>
      <CompactEdgeProblems problems={problems} />
    </EdgeLabelRenderer>
  );
});
