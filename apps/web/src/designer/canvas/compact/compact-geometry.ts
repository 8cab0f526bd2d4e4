import type { XYPosition } from "@xyflow/react";
import type { TStep } from "../canvas-types.ts";
import { compactHandles } from "../nodes/compact-handles.ts";

/** Every compact node has this size, so React Flow is told it instead of measuring 500 boxes. */
export const COMPACT_SIZE = { width: 224, height: 64 } as const;

/** Where an output handle sits, as a fraction of the node's height (as CompactNode draws it). */
export const outputTop = (index: number, count: number): number => (index + 1) / (count + 1);

const outputIds = new WeakMap<TStep, readonly string[]>();

/** The ids of a step's compact output handles, top to bottom; remembered per step object. */
const outputsOf = (step: TStep): readonly string[] => {
  let ids = outputIds.get(step);
  if (!ids) {
    ids = compactHandles(step).outputs.map((handle) => handle.id);
    outputIds.set(step, ids);
  }
  return ids;
};

/** The centre of a compact node's output handle; an unknown handle leaves from mid-right. */
export const outputAnchor = (position: XYPosition, step: TStep, handleId: string): XYPosition => {
  const ids = outputsOf(step);
  const index = ids.indexOf(handleId);
  const top = index < 0 ? 0.5 : outputTop(index, ids.length);
  return { x: position.x + COMPACT_SIZE.width, y: position.y + top * COMPACT_SIZE.height };
};

/** The centre of a compact node's input handle. */
export const inputAnchor = (position: XYPosition): XYPosition => ({
  x: position.x,
  y: position.y + COMPACT_SIZE.height / 2,
});

// React Flow's bezier for a right-hand source and a left-hand target (curvature 0.25), so an
// edge keeps its shape when the canvas switches between this drawing and React Flow's.
const controlOffset = (distance: number): number =>
  distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);

const round = (n: number): number => Math.round(n * 10) / 10;

/** The SVG path of a bezier edge from `s` to `t`, as one `M … C …` segment. */
export const bezierPath = (s: XYPosition, t: XYPosition): string => {
  const offset = controlOffset(t.x - s.x);
  return `M${round(s.x)} ${round(s.y)}C${round(s.x + offset)} ${round(s.y)} ${round(t.x - offset)} ${round(t.y)} ${round(t.x)} ${round(t.y)}`;
};

/** The point at `u` (0…1) along that bezier. */
export const bezierPoint = (s: XYPosition, t: XYPosition, u: number): XYPosition => {
  const offset = controlOffset(t.x - s.x);
  const v = 1 - u;
  // B(u) = v³·P0 + 3v²u·P1 + 3vu²·P2 + u³·P3 with P1 = (sx + o, sy) and P2 = (tx − o, ty)
  const [a, b, c, d] = [v * v * v, 3 * v * v * u, 3 * v * u * u, u * u * u];
  return {
    x: a * s.x + b * (s.x + offset) + c * (t.x - offset) + d * t.x,
    y: (a + b) * s.y + (c + d) * t.y,
  };
};

/** The point halfway along that bezier, where an edge's problem marker goes. */
export const bezierMidpoint = (s: XYPosition, t: XYPosition): XYPosition => bezierPoint(s, t, 0.5);
