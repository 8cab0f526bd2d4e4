import { useReactFlow } from "@xyflow/react";
import { type MouseEvent, useCallback } from "react";
import { useDesignerContext } from "../../use-designer-context.ts";
import { nearestEdge, nodesById } from "./compact-edges.ts";

/** How near a click must land to an edge to pick it, in screen pixels. */
const REACH_PX = 6;

/**
 * Zoomed out, the edges are a few shared paths React Flow knows nothing of, so a click on
 * the pane picks the edge drawn nearest to it (and opens its panel), as a click on a
 * React Flow edge would.
 */
export const useCompactEdgeClick = () => {
  const { store } = useDesignerContext();
  const { screenToFlowPosition, getZoom } = useReactFlow();
  return useCallback(
    (event: MouseEvent) => {
      const { nodes, edges, selectEdge } = store.getState();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const edge = nearestEdge(edges, nodesById(nodes), point, REACH_PX / getZoom());
      if (edge) selectEdge(edge.id);
    },
    [store, screenToFlowPosition, getZoom],
  );
};
