import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type Node,
  ReactFlow,
} from "@xyflow/react";
import { useTheme } from "../../lib/theme.ts";
import { EdgeProblemCard } from "../check/EdgeProblemCard.tsx";
import { useDesigner } from "../use-designer.ts";
import { EdgeMarkers } from "./EdgeMarkers.tsx";
import { edgeTypes } from "./edges/edge-types.ts";
import { KIND_COLORS } from "./nodes/node-kinds.ts";
import { nodeTypes } from "./nodes/node-types.ts";
import { useCanvasShortcuts } from "./use-canvas-shortcuts.ts";
import { useFocusNode } from "./use-focus-node.ts";
import { usePaletteDrop } from "./use-palette-drop.ts";

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
  const { onDragOver, onDrop } = usePaletteDrop();
  useCanvasShortcuts();
  useFocusNode();
  return (
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
  );
}
