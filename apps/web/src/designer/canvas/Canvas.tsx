import { type IsValidConnection, ReactFlow } from "@xyflow/react";
import { useCallback, useContext, useMemo, useState } from "react";
import { useTheme } from "../../lib/theme.ts";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { CanvasChrome, GRID } from "./CanvasChrome.tsx";
import type { TCanvasEdge, TCanvasNode } from "./canvas-types.ts";
import { CompactEdges } from "./compact/CompactEdges.tsx";
import { withCompactSize } from "./compact/sized-nodes.ts";
import { useCompactEdgeClick } from "./compact/use-compact-edge-click.ts";
import { EdgeMarkers } from "./EdgeMarkers.tsx";
import { EmptyCanvasHint } from "./EmptyCanvasHint.tsx";
import { edgeTypes } from "./edges/edge-types.ts";
import { initialViewport } from "./initial-viewport.ts";
import { nodeTypes } from "./nodes/node-types.ts";
import { ZoomedOutContext } from "./nodes/ZoomedOutContext.ts";
import { useCanvasShortcuts } from "./use-canvas-shortcuts.ts";
import { useFitOnOpen } from "./use-fit-on-open.ts";
import { useFitOnScopeChange } from "./use-fit-on-scope-change.ts";
import { useFocusNode } from "./use-focus-node.ts";
import { usePaletteDrop } from "./use-palette-drop.ts";
import { useRemeasureOnZoomLevel } from "./use-remeasure-on-zoom-level.ts";
import { useRevealSelection } from "./use-reveal-selection.ts";
import { useZoomedOutState } from "./use-zoomed-out-state.ts";

// Module-level, so each render (one per frame of a drag) hands React Flow the same objects:
// it copies any prop that changed into its store, which would wake every node and edge.
const DELETE_KEYS = ["Delete", "Backspace"];
const MULTI_SELECT_KEYS = ["Meta", "Control"];
const PRO = { hideAttribution: true };
const isValidConnection: IsValidConnection<TCanvasEdge> = (c) => c.source !== c.target;
// Zoomed out, CompactEdges draws the edges; React Flow gets none to keep in its store.
const NO_EDGES: TCanvasEdge[] = [];

/**
 * React Flow, controlled by the designer store. The only component that renders on every
 * frame of a drag, so it holds nothing but the flow itself.
 */
function Flow() {
  const nodes = useDesigner((s) => s.nodes);
  const edges = useDesigner((s) => s.edges);
  const onNodesChange = useDesigner((s) => s.onNodesChange);
  const onEdgesChange = useDesigner((s) => s.onEdgesChange);
  const connect = useDesigner((s) => s.connect);
  const beginDrag = useDesigner((s) => s.beginDrag);
  const enterMap = useDesigner((s) => s.enterMap);
  const [dragging, setDragging] = useState(false);
  const startDrag = useCallback(() => {
    beginDrag();
    setDragging(true);
  }, [beginDrag]);
  const endDrag = useCallback(() => setDragging(false), []);
  const openMap = useCallback(
    (_event: unknown, node: TCanvasNode) => {
      if (node.type === "map") enterMap(node.id);
    },
    [enterMap],
  );
  const theme = useTheme((s) => s.theme);
  // Culling pays when zoomed in; zoomed out, most of the graph is in view and working out
  // which part is, on every frame of a drag, costs more than it saves.
  const zoomedOut = useContext(ZoomedOutContext);
  const shown = useMemo(() => (zoomedOut ? withCompactSize(nodes) : nodes), [zoomedOut, nodes]);
  const { onDragOver, onDrop } = usePaletteDrop();
  const pickCompactEdge = useCompactEdgeClick();
  const { readOnly } = useDesignerContext();
  // The canvas is about the window less the palette, header and toolbar; useFitOnOpen refines it.
  const [viewport] = useState(() =>
    initialViewport(nodes, { width: window.innerWidth - 480, height: window.innerHeight - 90 }),
  );
  return (
    <ReactFlow
      aria-label="Canvas"
      nodes={shown}
      edges={zoomedOut ? NO_EDGES : edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={connect}
      onNodeDragStart={startDrag}
      onSelectionDragStart={startDrag}
      onNodeDragStop={endDrag}
      onNodeDoubleClick={openMap}
      onPaneClick={zoomedOut ? pickCompactEdge : undefined}
      onSelectionDragStop={endDrag}
      // While dragging, nothing but the dragged nodes needs the pointer (see designer.css).
      className={dragging ? "is-dragging" : undefined}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={readOnly ? undefined : onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      colorMode={theme}
      snapToGrid
      snapGrid={GRID}
      defaultViewport={viewport}
      minZoom={0.1}
      maxZoom={2}
      deleteKeyCode={readOnly ? null : DELETE_KEYS}
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      selectionKeyCode="Shift"
      onlyRenderVisibleElements={!zoomedOut}
      proOptions={PRO}
    >
      {zoomedOut && <CompactEdges />}
      <CanvasChrome />
      <EmptyCanvasHint />
    </ReactFlow>
  );
}

/** The graph and what its nodes read from the canvas as a whole: the zoom level. */
export function Canvas() {
  const zoomedOut = useZoomedOutState();
  useRemeasureOnZoomLevel(zoomedOut);
  useCanvasShortcuts(zoomedOut);
  useFocusNode();
  useFitOnScopeChange();
  useFitOnOpen();
  useRevealSelection();
  return (
    <ZoomedOutContext value={zoomedOut}>
      <div className="relative h-full w-full">
        <EdgeMarkers />
        <Flow />
      </div>
    </ZoomedOutContext>
  );
}
