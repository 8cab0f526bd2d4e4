import type { TScenario } from "@baton/model";
import {
  Background,
  Controls,
  MiniMap,
  type NodeChange,
  type NodeMouseHandler,
  ReactFlow,
} from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTheme } from "../lib/theme.ts";
import { focusViewport, LARGE_GRAPH } from "./focus-viewport.ts";
import { MonitorNode } from "./MonitorNode.tsx";
import {
  type TMonitorEdge,
  type TMonitorNode,
  toMonitorEdges,
  toMonitorNodes,
} from "./monitor-graph.ts";
import type { TNodeState } from "./node-states.ts";
import { stepTone } from "./step-state.ts";

const nodeTypes = { step: MonitorNode };
const NO_NODES: TMonitorNode[] = [];
const NO_EDGES: TMonitorEdge[] = [];
// the size a step is drawn at, so React Flow can tell which are on screen before measuring
const NODE_SIZE = { initialWidth: 192, initialHeight: 58 };

const MINIMAP_COLORS: Record<string, string> = {
  neutral: "#a1a1aa",
  info: "#0ea5e9",
  warn: "#f59e0b",
  good: "#10b981",
  bad: "#ef4444",
  muted: "#d4d4d8",
};

/** The version's graph, read-only, each node showing its step's live state. */
export function RunGraph({
  scenario,
  states,
  selectedNodeId,
  onSelect,
  progress,
}: {
  scenario: Pick<TScenario, "nodes" | "edges">;
  states: ReadonlyMap<string, TNodeState>;
  /** items done of each map node, for runs with maps */
  progress?: ReadonlyMap<string, string>;
  selectedNodeId: string | undefined;
  onSelect: (nodeId: string | undefined) => void;
}) {
  const { theme } = useTheme();
  const large = scenario.nodes.length > LARGE_GRAPH;
  // where a large graph opens is decided once, when the view mounts
  const [opening] = useState(() => (large ? focusViewport(scenario, states) : undefined));
  // Until React Flow knows its own size it counts every node as on screen and measures all
  // of them; a large graph gets its nodes one frame later.
  const [sized, setSized] = useState(!large);
  useEffect(() => {
    if (sized) return;
    const frame = requestAnimationFrame(() => setSized(true));
    return () => cancelAnimationFrame(frame);
  }, [sized]);
  const base = useRef(new Map<string, TMonitorNode>());
  const shown = useRef(new Map<string, TMonitorNode>());
  // an unchanged list keeps its identity, so React Flow skips re-indexing 500 nodes
  const shownNodes = useRef<TMonitorNode[] | undefined>(undefined);
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const nodes = useMemo(() => {
    const next = toMonitorNodes(scenario, states, base.current, progress);
    base.current = new Map(next.map((n) => [n.id, n]));
    const result = next.map((n) => {
      const selected = n.id === selectedNodeId;
      const before = shown.current.get(n.id);
      if (before && before.data === n.data && (before.selected ?? false) === selected)
        return before;
      // React Flow measures a node once; a new object for it must carry that size or it stays hidden
      const size = measured.current.get(n.id);
      return { ...n, selected, ...(size ? { measured: size } : NODE_SIZE) };
    });
    const same =
      result.length === shown.current.size && result.every((n) => shown.current.get(n.id) === n);
    if (same && shownNodes.current) return shownNodes.current;
    shown.current = new Map(result.map((n) => [n.id, n]));
    shownNodes.current = result;
    return result;
  }, [scenario, states, selectedNodeId, progress]);
  const onNodesChange = (changes: NodeChange<TMonitorNode>[]) => {
    for (const change of changes) {
      if (change.type === "dimensions" && change.dimensions) {
        measured.current.set(change.id, change.dimensions);
      }
    }
  };
  const shownEdges = useRef(new Map<string, TMonitorEdge>());
  const edgeList = useRef<TMonitorEdge[] | undefined>(undefined);
  const edges = useMemo(() => {
    const next = toMonitorEdges(scenario, states, shownEdges.current, !large);
    if (edgeList.current && next.every((e, i) => edgeList.current?.[i] === e)) {
      return edgeList.current;
    }
    shownEdges.current = new Map(next.map((e) => [e.id, e]));
    edgeList.current = next;
    return next;
  }, [scenario, states, large]);
  const onNodeClick: NodeMouseHandler<TMonitorNode> = (_, node) => onSelect(node.id);
  return (
    <ReactFlow
      aria-label="Run graph"
      nodes={sized ? nodes : NO_NODES}
      edges={sized ? edges : NO_EDGES}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onPaneClick={() => onSelect(undefined)}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      colorMode={theme}
      {...(opening
        ? { defaultViewport: opening, onlyRenderVisibleElements: true }
        : { fitView: true, fitViewOptions: { padding: 0.06, maxZoom: 1.1 } })}
      minZoom={0.05}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} position="bottom-left" />
      {scenario.nodes.length > 12 && (
        <MiniMap
          pannable
          zoomable
          nodeColor={(n) => MINIMAP_COLORS[stepTone((n as TMonitorNode).data.state)] ?? "#a1a1aa"}
        />
      )}
    </ReactFlow>
  );
}
