import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type Node,
  ReactFlow,
} from "@xyflow/react";
import { useState } from "react";
import { useTheme } from "../../lib/theme.ts";
import { EdgeProblemCard } from "../check/EdgeProblemCard.tsx";
import { useDesigner } from "../use-designer.ts";
import { EdgeMarkers } from "./EdgeMarkers.tsx";
import { edgeTypes } from "./edges/edge-types.ts";
import { initialViewport } from "./initial-viewport.ts";
import { KIND_COLORS } from "./nodes/node-kinds.ts";
import { nodeTypes } from "./nodes/node-types.ts";
import { ZoomedOutContext } from "./nodes/ZoomedOutContext.ts";
import { useCanvasShortcuts } from "./use-canvas-shortcuts.ts";
import { useFocusNode } from "./use-focus-node.ts";
import { usePaletteDrop } from "./use-palette-drop.ts";
import { useRemeasureOnZoomLevel } from "./use-remeasure-on-zoom-level.ts";
import { useZoomedOutState } from "./use-zoomed-out-state.ts";

const GRID: [number, number] = [16, 16];

const minimapColor = (node: Node): string =>
  KIND_COLORS[node.type as keyof typeof KIND_COLORS] ?? "#a1a1aa";

/** The graph: React Flow, controlled by the designer store. */
export function Canvas() {
  const nodes = useDesigner((s) => s.nodes);
  const edges = useDesigner((s) => s.edges);
  const onNodesChange = useDesigner((s) => s.onNodesChange);
  const onEdgesChange = useDesigner((s) => s.onEdgesChange);
  const connect = useDesigner((s) => s.connect);
  const beginDrag = useDesigner((s) => s.beginDrag);
  const theme = useTheme((s) => s.theme);
  const zoomedOut = useZoomedOutState();
  useRemeasureOnZoomLevel(zoomedOut);
  const { onDragOver, onDrop } = usePaletteDrop();
  // The canvas is about the window less the palette, header and toolbar; fitView refines it.
  const [viewport] = useState(() =>
    initialViewport(nodes, { width: window.innerWidth - 480, height: window.innerHeight - 90 }),
  );
  useCanvasShortcuts();
  useFocusNode();
  return (
    <ZoomedOutContext value={zoomedOut}>
      <div className="relative h-full w-full">
        <EdgeMarkers />
        <ReactFlow
          aria-label="Canvas"
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={connect}
          onNodeDragStart={beginDrag}
          onSelectionDragStart={beginDrag}
          isValidConnection={(c) => c.source !== c.target}
          onDragOver={onDragOver}
          onDrop={onDrop}
          colorMode={theme}
          snapToGrid
          snapGrid={GRID}
          defaultViewport={viewport}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
          minZoom={0.1}
          maxZoom={2}
          deleteKeyCode={["Delete", "Backspace"]}
          multiSelectionKeyCode={["Meta", "Control"]}
          selectionKeyCode="Shift"
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1} />
          <MiniMap
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeBorderRadius={6}
            className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
            ariaLabel="Minimap"
            style={{ width: 168, height: 112 }}
          />
          <Controls showInteractive={false} className="overflow-hidden rounded-md" />
          <EdgeProblemCard />
        </ReactFlow>
      </div>
    </ZoomedOutContext>
  );
}
