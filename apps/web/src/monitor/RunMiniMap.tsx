import type { TScenario } from "@baton/model";
import { Panel, useReactFlow, useStore, useViewport } from "@xyflow/react";
import { memo, type PointerEvent, useMemo } from "react";
import { useThrottled } from "../lib/use-throttled.ts";
import { NODE_BOX } from "./monitor-graph.ts";
import type { TNodeState } from "./node-states.ts";
import { stepTone, type TTone } from "./step-state.ts";

const WIDTH = 200;
const HEIGHT = 150;
const PAD = 40;
// an overview redraws a few times a second, not on every event batch and clock tick
const REDRAW_MS = 250;

const TONE_FILL: Record<TTone, string> = {
  neutral: "#a1a1aa",
  info: "#0ea5e9",
  warn: "#f59e0b",
  good: "#10b981",
  bad: "#ef4444",
  muted: "#d4d4d8",
};

/** One path per tone: a few SVG elements however many steps the graph has. */
const tonePaths = (
  nodes: Pick<TScenario, "nodes">["nodes"],
  states: ReadonlyMap<string, TNodeState>,
): [TTone, string][] => {
  const paths = new Map<TTone, string[]>();
  for (const { id, kind, position } of nodes) {
    const tone = stepTone(states.get(id)?.state ?? "pending", kind);
    const list = paths.get(tone) ?? [];
    list.push(
      `M${position.x} ${position.y}h${NODE_BOX.width}v${NODE_BOX.height}h-${NODE_BOX.width}z`,
    );
    paths.set(tone, list);
  }
  return [...paths].map(([tone, parts]) => [tone, parts.join("")]);
};

const boundsOf = (nodes: Pick<TScenario, "nodes">["nodes"]) => {
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const x = Math.min(...xs) - PAD;
  const y = Math.min(...ys) - PAD;
  return {
    x,
    y,
    width: Math.max(...xs) + NODE_BOX.width + PAD - x,
    height: Math.max(...ys) + NODE_BOX.height + PAD - y,
  };
};

const Steps = memo(function Steps({
  nodes,
  states,
}: {
  nodes: Pick<TScenario, "nodes">["nodes"];
  states: ReadonlyMap<string, TNodeState>;
}) {
  return tonePaths(nodes, states).map(([tone, d]) => (
    <path key={tone} d={d} fill={TONE_FILL[tone]} />
  ));
});

/**
 * An overview of a large run graph drawn from the version's positions, not from React
 * Flow's nodes: the graph view hands React Flow only the steps in view, and React Flow's
 * minimap would draw 500 components where this draws a path per state. A press or a drag
 * on it moves the view there.
 */
export function RunMiniMap({
  nodes,
  states,
}: {
  nodes: Pick<TScenario, "nodes">["nodes"];
  states: ReadonlyMap<string, TNodeState>;
}) {
  const { x, y, zoom } = useViewport();
  const pane = useStore((s) => ({ width: s.width, height: s.height }), sameSize);
  const flow = useReactFlow();
  const bounds = useMemo(() => boundsOf(nodes), [nodes]);
  const shownStates = useThrottled(states, REDRAW_MS);
  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const scale = Math.max(bounds.width / box.width, bounds.height / box.height);
    // the drawing is centred in the box (preserveAspectRatio's default)
    const cx = bounds.x + bounds.width / 2 + (event.clientX - box.left - box.width / 2) * scale;
    const cy = bounds.y + bounds.height / 2 + (event.clientY - box.top - box.height / 2) * scale;
    void flow.setCenter(cx, cy, { zoom });
  };
  return (
    <Panel position="bottom-right">
      <svg
        role="img"
        aria-label="Mini map"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
        className="cursor-pointer rounded-md border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) moveTo(event);
        }}
      >
        <Steps nodes={nodes} states={shownStates} />
        <rect
          x={-x / zoom}
          y={-y / zoom}
          width={pane.width / zoom}
          height={pane.height / zoom}
          fill="rgb(99 102 241 / 0.08)"
          stroke="#6366f1"
          strokeWidth={Math.max(bounds.width / WIDTH, bounds.height / HEIGHT) * 1.5}
        />
      </svg>
    </Panel>
  );
}

const sameSize = (a: { width: number; height: number }, b: { width: number; height: number }) =>
  a.width === b.width && a.height === b.height;
