import type { XYPosition } from "@xyflow/react";
import type { TBox } from "../canvas/node-size.ts";

// Room kept around a placed step, so its handles and edges stay clear of its neighbours.
const MARGIN = 32;

const overlaps = (a: TBox, b: TBox) =>
  a.x < b.x + b.width + MARGIN &&
  b.x < a.x + a.width + MARGIN &&
  a.y < b.y + b.height + MARGIN &&
  b.y < a.y + a.height + MARGIN;

/**
 * `at`, or the first place straight below it where a box of `size` overlaps none of
 * `boxes`: a new step never lands on another.
 */
export const freeSpot = (
  at: XYPosition,
  size: { width: number; height: number },
  boxes: readonly TBox[],
): XYPosition => {
  let y = at.y;
  for (;;) {
    const box = { x: at.x, y, ...size };
    const blocking = boxes.filter((b) => overlaps(box, b));
    if (blocking.length === 0) return { x: at.x, y };
    y = Math.max(...blocking.map((b) => b.y + b.height)) + MARGIN;
  }
};
