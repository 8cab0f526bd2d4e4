import type { TBox, TPane, TViewport } from "../../lib/readable-fit.ts";

// Screen pixels kept between a revealed step and the canvas's edge.
const MARGIN = 48;

/** How far one axis must move for [start, end) to be on screen, keeping its start in view. */
const shift = (start: number, end: number, pane: number): number => {
  if (start < MARGIN) return MARGIN - start;
  if (end > pane - MARGIN) return Math.max(pane - MARGIN - end, MARGIN - start);
  return 0;
};

/**
 * The viewport moved as little as needed to show `box` whole on the pane (its top left
 * when it is larger), at the same zoom; undefined when it is in view already.
 */
export const revealViewport = (
  box: TBox,
  viewport: TViewport,
  pane: TPane,
): TViewport | undefined => {
  const { zoom } = viewport;
  const left = box.x * zoom + viewport.x;
  const top = box.y * zoom + viewport.y;
  const dx = shift(left, left + box.width * zoom, pane.width);
  const dy = shift(top, top + box.height * zoom, pane.height);
  if (dx === 0 && dy === 0) return undefined;
  return { x: viewport.x + dx, y: viewport.y + dy, zoom };
};
