import type { TEdge, TNode, TNodeKind, TScenario } from "@baton/model";
import { type Edge, type Node, type NodeHandle, Position } from "@xyflow/react";
import { readableFit, type TPane, type TViewport } from "../lib/readable-fit.ts";
import { focusNode } from "./focus-viewport.ts";
import type { TNodeState } from "./node-states.ts";
import type { TStepState } from "./step-state.ts";

export type TMonitorNodeData = {
  label: string;
  kind: TNodeKind;
  /** the function, approval title or rule count shown under the label */
  detail: string | undefined;
  state: TStepState;
  attempts: number;
  durationMs: number | undefined;
  /** earlier step runs of this node that rework replaced */
  superseded: number;
  /** a map's items done out of its list ("2 / 5 items") */
  progress?: string | undefined;
};

export type TMonitorNode = Node<TMonitorNodeData, "step">;
export type TMonitorEdge = Edge<{ kind: TEdge["kind"]; taken: boolean; live: boolean }>;

// an edge the run went along is green; error edges are dashed red
const EDGE_CLASSES = {
  idle: "[--xy-edge-stroke:var(--color-zinc-300)] dark:[--xy-edge-stroke:var(--color-zinc-700)]",
  taken: "[--xy-edge-stroke-width:2] [--xy-edge-stroke:var(--color-emerald-500)]",
  error: "[--xy-edge-stroke:var(--color-red-400)] [&_path]:[stroke-dasharray:4_3]",
};

const detailOf = (node: TNode): string | undefined => {
  switch (node.kind) {
    case "function":
      return node.function;
    case "manual":
      return node.title;
    case "choice":
      return `${node.rules.length} rule${node.rules.length === 1 ? "" : "s"}`;
    case "subscenario":
      return `${node.scenario.slug} v${node.scenario.version}`;
    default:
      return undefined;
  }
};

const sameData = (a: TMonitorNodeData, b: TMonitorNodeData): boolean =>
  a.state === b.state &&
  a.attempts === b.attempts &&
  a.durationMs === b.durationMs &&
  a.superseded === b.superseded &&
  a.progress === b.progress &&
  a.label === b.label &&
  a.detail === b.detail;

/**
 * The run graph's nodes at the version's positions. A node whose data did not change is
 * the same object as before, so React Flow re-renders only the steps that moved.
 */
export const toMonitorNodes = (
  scenario: Pick<TScenario, "nodes">,
  states: ReadonlyMap<string, TNodeState>,
  previous: ReadonlyMap<string, TMonitorNode> = new Map(),
  progress?: ReadonlyMap<string, string>,
): TMonitorNode[] =>
  scenario.nodes.map((node) => {
    const s = states.get(node.id);
    const data: TMonitorNodeData = {
      label: node.label,
      kind: node.kind,
      detail: detailOf(node),
      state: s?.state ?? "pending",
      attempts: s?.attempts ?? 0,
      durationMs: s?.durationMs,
      superseded: s?.history.filter((h) => h.status === "superseded").length ?? 0,
      progress: progress?.get(node.id),
    };
    const before = previous.get(node.id);
    if (before && sameData(before.data, data)) return before;
    return { id: node.id, type: "step", position: node.position, data };
  });

const reached = (state: TStepState | undefined): boolean =>
  state !== undefined &&
  state !== "pending" &&
  state !== "skipped" &&
  state !== "superseded" &&
  state !== "cancelled";

/**
 * Edges of the graph; the ones the run went along are marked taken, those into live steps
 * live (animated unless `animate` is off: large graphs would repaint all the time). As with
 * nodes, an edge that did not change is the same object as before.
 */
export const toMonitorEdges = (
  scenario: Pick<TScenario, "edges">,
  states: ReadonlyMap<string, TNodeState>,
  previous: ReadonlyMap<string, TMonitorEdge> = new Map(),
  animate = true,
): TMonitorEdge[] =>
  scenario.edges.map((edge) => {
    const source = states.get(edge.source)?.state;
    const target = states.get(edge.target)?.state;
    const sourceDone = edge.kind === "error" ? source === "failed" : source === "succeeded";
    const taken = sourceDone && reached(target);
    const live = taken && (target === "running" || target === "waiting" || target === "retrying");
    const before = previous.get(edge.id);
    if (before?.data?.taken === taken && before.data.live === live) return before;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: "smoothstep",
      ...(edge.kind === "branch" ? { label: edge.branch } : {}),
      animated: animate && live,
      className:
        edge.kind === "error" ? EDGE_CLASSES.error : taken ? EDGE_CLASSES.taken : EDGE_CLASSES.idle,
      data: { kind: edge.kind, taken, live },
    };
  });

/** The size a step is drawn at (MonitorNode's `w-48` and two text rows). */
export const NODE_BOX = { width: 192, height: 58 };

// MonitorNode's handles: 6 px dots centred on the middle of its left and right borders
const HANDLE = 6;
export const NODE_HANDLES: NodeHandle[] = [
  {
    type: "target",
    position: Position.Left,
    x: -HANDLE / 2,
    y: NODE_BOX.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: "source",
    position: Position.Right,
    x: NODE_BOX.width - HANDLE / 2,
    y: NODE_BOX.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

export type { TPane, TViewport };

/**
 * Ids of the nodes a large graph draws: those whose declared box meets the pane grown by
 * `margin` panes on each side (so a short pan needs no new set), plus the far ends of
 * their edges, so an edge leaving the screen is still drawn. Computed from the version's
 * positions: React Flow never has to place or measure the other nodes.
 */
export const nodesInView = (
  scenario: Pick<TScenario, "nodes" | "edges">,
  viewport: TViewport,
  pane: TPane,
  margin = 0.5,
): Set<string> => {
  const left = (-viewport.x - pane.width * margin) / viewport.zoom;
  const top = (-viewport.y - pane.height * margin) / viewport.zoom;
  const right = left + (pane.width * (1 + 2 * margin)) / viewport.zoom;
  const bottom = top + (pane.height * (1 + 2 * margin)) / viewport.zoom;
  const meets = (x0: number, y0: number, x1: number, y1: number) =>
    x1 >= left && x0 <= right && y1 >= top && y0 <= bottom;
  const positions = new Map(scenario.nodes.map((n) => [n.id, n.position]));
  const inside = new Set<string>();
  for (const [id, { x, y }] of positions) {
    if (meets(x, y, x + NODE_BOX.width, y + NODE_BOX.height)) inside.add(id);
  }
  const shown = new Set(inside);
  for (const edge of scenario.edges) {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    // an edge between two steps out of view may still cross it: its box tells (it may
    // add a pair that only passes by, which costs two nodes and draws nothing wrong)
    const crosses =
      from &&
      to &&
      meets(
        Math.min(from.x, to.x),
        Math.min(from.y, to.y),
        Math.max(from.x, to.x) + NODE_BOX.width,
        Math.max(from.y, to.y) + NODE_BOX.height,
      );
    if (inside.has(edge.source) || inside.has(edge.target) || crosses) {
      shown.add(edge.source);
      shown.add(edge.target);
    }
  }
  return shown;
};

/** The same set of ids, so a pan that shows no new node changes nothing. */
export const sameIds = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((id) => b.has(id));

/**
 * `next`, or `previous` when it holds the same items in the same order: React Flow re-indexes
 * every node or edge it is handed in a new list, even when none of them changed.
 */
export const sameListOr = <T>(previous: T[] | undefined, next: T[]): T[] =>
  previous?.length === next.length && next.every((item, i) => previous[i] === item)
    ? previous
    : next;

/**
 * Where a run graph opens and what Fit view shows: all of it, at most a little over full
 * size and never below a readable zoom; a graph too large for that shows the part around
 * the step that matters (focusNode), and the rest is a pan away.
 */
export const monitorViewport = (
  scenario: Pick<TScenario, "nodes">,
  states: ReadonlyMap<string, TNodeState>,
  pane: TPane,
): TViewport => {
  const box = (position: { x: number; y: number }) => ({ ...position, ...NODE_BOX });
  const focus = focusNode(scenario, states);
  return readableFit(
    scenario.nodes.map((n) => box(n.position)),
    pane,
    { focus: focus && box(focus.position), maxZoom: 1.1 },
  );
};
