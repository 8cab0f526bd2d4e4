import { Background, BackgroundVariant, Controls, MiniMap, type Node } from "@xyflow/react";
import { memo } from "react";
import { EdgeProblemCard } from "../check/EdgeProblemCard.tsx";
import { FrozenMiniMapNode, minimapNodeClass } from "./FrozenMiniMapNode.tsx";
import { KIND_COLORS } from "./nodes/node-kinds.ts";
import { ScopeBar } from "./ScopeBar.tsx";

export const GRID: [number, number] = [16, 16];

const minimapColor = (node: Node): string =>
  KIND_COLORS[node.type as keyof typeof KIND_COLORS] ?? "#a1a1aa";

const MINIMAP_SIZE = { width: 168, height: 112 };

/**
 * Everything drawn over the graph. Memoised without props, so the canvas re-rendering for
 * each frame of a drag does not re-render the minimap and controls with it.
 */
export const CanvasChrome = memo(function CanvasChrome() {
  return (
    <>
      <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1} />
      <MiniMap
        pannable
        zoomable
        nodeColor={minimapColor}
        nodeClassName={minimapNodeClass}
        nodeComponent={FrozenMiniMapNode}
        nodeBorderRadius={6}
        className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
        ariaLabel="Minimap"
        style={MINIMAP_SIZE}
      />
      {/* the toolbar's Fit view stays readable; React Flow's would zoom out to any size */}
      <Controls
        showInteractive={false}
        showFitView={false}
        className="overflow-hidden rounded-md"
      />
      <EdgeProblemCard />
      <ScopeBar />
    </>
  );
});
