import type { TScenario } from "@baton/model";
import {
  Background,
  ControlButton,
  Controls,
  type NodeChange,
  type NodeMouseHandler,
  ReactFlow,
  type ReactFlowInstance,
  useReactFlow,
  useStoreApi,
  type Viewport,
} from "@xyflow/react";
import { Maximize } from "lucide-react";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTheme } from "../lib/theme.ts";
import { useIdle } from "../lib/use-idle.ts";
import { focusViewport, LARGE_GRAPH } from "./focus-viewport.ts";
import { MonitorNode } from "./MonitorNode.tsx";
import {
  monitorViewport,
  NODE_BOX,
  NODE_HANDLES,
  nodesInView,
  sameIds,
  sameListOr,
  type TMonitorEdge,
  type TMonitorNode,
  type TPane,
  toMonitorEdges,
  toMonitorNodes,
} from "./monitor-graph.ts";
import type { TNodeState } from "./node-states.ts";
import { RunMiniMap } from "./RunMiniMap.tsx";

const nodeTypes = { step: MonitorNode };
const NO_NODES: TMonitorNode[] = [];
// panes around the view, on each side, whose steps are drawn ahead of a pan
const PAN_MARGIN = 0.5;
const NO_EDGES: TMonitorEdge[] = [];
// the size a step is drawn at and where its handles are, so React Flow draws it and its
// edges before measuring it
const NODE_SIZE = {
  initialWidth: NODE_BOX.width,
  initialHeight: NODE_BOX.height,
  handles: NODE_HANDLES,
};

/** React Flow's Fit view, kept readable: it never zooms out below READABLE_ZOOM. */
function FitViewButton({
  scenario,
  states,
}: {
  scenario: Pick<TScenario, "nodes">;
  states: ReadonlyMap<string, TNodeState>;
}) {
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  const fit = () => {
    const { width, height } = flow.getState();
    void setViewport(monitorViewport(scenario, states, { width, height }), { duration: 300 });
  };
  return (
    <ControlButton onClick={fit} aria-label="Fit view" title="Fit view">
      <Maximize aria-hidden />
    </ControlButton>
  );
}

/**
 * The version's graph, read-only, each node showing its step's live state. Memoised: the
 * monitor re-renders per event batch, the graph only when its states change.
 */
export const RunGraph = memo(function RunGraph({
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
  // A large graph hands React Flow only the steps in view, chosen from their declared
  // positions and the pane's size. Until the pane has been laid out the window stands in
  // for it: a few steps too many in the first frame, but no layout forced to draw it.
  const wrapper = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState<TPane | undefined>(() =>
    large ? { width: globalThis.innerWidth, height: globalThis.innerHeight } : undefined,
  );
  const viewport = useRef<Viewport | undefined>(opening);
  const [inView, setInView] = useState<ReadonlySet<string> | undefined>(() =>
    opening && pane ? nodesInView(scenario, opening, pane, 0) : undefined,
  );
  useEffect(() => {
    const element = wrapper.current;
    if (!large || !element) return;
    // called after layout, so reading the size costs nothing
    const observer = new ResizeObserver(() =>
      setPane({ width: element.clientWidth, height: element.clientHeight }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [large]);
  // The first frame draws only the steps on screen; once the page is idle, those around it
  // are added too, so a short pan finds them drawn. The overview waits as well.
  const idle = useIdle();
  const cull = useCallback(
    (next: Viewport | undefined, size: TPane | undefined) => {
      if (!next || !size) return;
      const ids = nodesInView(scenario, next, size, idle ? PAN_MARGIN : 0);
      setInView((before) => (before && sameIds(before, ids) ? before : ids));
    },
    [scenario, idle],
  );
  useLayoutEffect(() => cull(viewport.current, pane), [cull, pane]);
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
  // while a large graph's events change only steps out of view, React Flow gets the same lists
  const drawn = useRef<{ nodes?: TMonitorNode[]; edges?: TMonitorEdge[] }>({});
  const drawnNodes = useMemo(() => {
    const next = large ? (inView ? nodes.filter((n) => inView.has(n.id)) : NO_NODES) : nodes;
    drawn.current.nodes = sameListOr(drawn.current.nodes, next);
    return drawn.current.nodes;
  }, [large, nodes, inView]);
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
  const drawnEdges = useMemo(() => {
    const next = large
      ? inView
        ? edges.filter((e) => inView.has(e.source) && inView.has(e.target))
        : NO_EDGES
      : edges;
    drawn.current.edges = sameListOr(drawn.current.edges, next);
    return drawn.current.edges;
  }, [large, edges, inView]);
  const onNodeClick: NodeMouseHandler<TMonitorNode> = (_, node) => onSelect(node.id);
  // a small graph opens whole when that reads, else on the step that matters
  const openReadable = (flow: ReactFlowInstance<TMonitorNode, TMonitorEdge>) => {
    const element = wrapper.current;
    if (!element) return;
    const size = { width: element.clientWidth, height: element.clientHeight };
    void flow.setViewport(monitorViewport(scenario, states, size));
  };
  return (
    <div ref={wrapper} className="h-full">
      <ReactFlow
        aria-label="Run graph"
        nodes={drawnNodes}
        edges={drawnEdges}
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
          ? {
              defaultViewport: opening,
              onMove: (_: unknown, next: Viewport) => {
                viewport.current = next;
                cull(next, pane);
              },
            }
          : { onInit: openReadable })}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          <FitViewButton scenario={scenario} states={states} />
        </Controls>
        {scenario.nodes.length > 12 && idle && (
          <RunMiniMap nodes={scenario.nodes} states={states} />
        )}
      </ReactFlow>
    </div>
  );
});
