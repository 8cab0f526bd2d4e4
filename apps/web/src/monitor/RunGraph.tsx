import type { TScenario } from "@baton/model";
import { Background, Controls, MiniMap, type NodeMouseHandler, ReactFlow } from "@xyflow/react";
import { useMemo, useRef } from "react";
import { useTheme } from "../lib/theme.ts";
import { MonitorNode } from "./MonitorNode.tsx";
import { type TMonitorNode, toMonitorEdges, toMonitorNodes } from "./monitor-graph.ts";
import type { TNodeState } from "./node-states.ts";
import { stepTone } from "./step-state.ts";

const nodeTypes = { step: MonitorNode };

const EDGE_CLASSES = {
  idle: "[&_.react-flow__edge-path]:!stroke-zinc-300 dark:[&_.react-flow__edge-path]:!stroke-zinc-700",
  taken: "[&_.react-flow__edge-path]:!stroke-emerald-500 [&_.react-flow__edge-path]:!stroke-2",
  error:
    "[&_.react-flow__edge-path]:!stroke-red-400 [&_.react-flow__edge-path]:[stroke-dasharray:4_3]",
};

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
}: {
  scenario: Pick<TScenario, "nodes" | "edges">;
  states: ReadonlyMap<string, TNodeState>;
  selectedNodeId: string | undefined;
  onSelect: (nodeId: string | undefined) => void;
}) {
  const { theme } = useTheme();
  const previous = useRef(new Map<string, TMonitorNode>());
  const nodes = useMemo(() => {
    const next = toMonitorNodes(scenario, states, previous.current).map((n) =>
      n.id === selectedNodeId || n.selected ? { ...n, selected: n.id === selectedNodeId } : n,
    );
    previous.current = new Map(next.map((n) => [n.id, n]));
    return next;
  }, [scenario, states, selectedNodeId]);
  const edges = useMemo(
    () =>
      toMonitorEdges(scenario, states).map((e) => ({
        ...e,
        animated: e.data?.live ?? false,
        className:
          e.data?.kind === "error"
            ? EDGE_CLASSES.error
            : e.data?.taken
              ? EDGE_CLASSES.taken
              : EDGE_CLASSES.idle,
      })),
    [scenario, states],
  );
  const onNodeClick: NodeMouseHandler<TMonitorNode> = (_, node) => onSelect(node.id);
  return (
    <ReactFlow
      aria-label="Run graph"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      onPaneClick={() => onSelect(undefined)}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      colorMode={theme}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
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
