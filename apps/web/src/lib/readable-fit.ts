/** Below this zoom a step's name (13 px) is drawn under 8 px: a fit never goes lower. */
export const READABLE_ZOOM = 0.6;

export type TBox = { x: number; y: number; width: number; height: number };
export type TViewport = { x: number; y: number; zoom: number };
export type TPane = { width: number; height: number };

// Screen pixels kept free around a fitted graph.
const MARGIN = 40;

const boundsOf = (boxes: readonly TBox[]): TBox => {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
};

/**
 * Where one axis of the graph goes on screen: centred when it fits; else with `focus`
 * in the middle, moved no further than needed to keep the pane's margin filled with graph.
 */
const placeAxis = (pane: number, start: number, size: number, focus: number, zoom: number) => {
  if (size * zoom <= pane - 2 * MARGIN) return (pane - size * zoom) / 2 - start * zoom;
  const centred = pane / 2 - focus * zoom;
  const lowest = pane - MARGIN - (start + size) * zoom;
  const highest = MARGIN - start * zoom;
  return Math.min(highest, Math.max(lowest, centred));
};

/**
 * The viewport that shows every box, zoomed in no further than `maxZoom` and out no further
 * than READABLE_ZOOM: a graph too large for that shows the part around `focus` (its start),
 * and the rest is a pan away, instead of all of it too small to read.
 */
export const readableFit = (
  boxes: readonly TBox[],
  pane: TPane,
  { focus, maxZoom = 1 }: { focus?: TBox | undefined; maxZoom?: number } = {},
): TViewport => {
  if (boxes.length === 0 || pane.width <= 0 || pane.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const bounds = boundsOf(boxes);
  const fit = Math.min(
    (pane.width - 2 * MARGIN) / Math.max(bounds.width, 1),
    (pane.height - 2 * MARGIN) / Math.max(bounds.height, 1),
  );
  const zoom = Math.min(maxZoom, Math.max(READABLE_ZOOM, fit));
  const at = focus ?? bounds;
  return {
    x: placeAxis(pane.width, bounds.x, bounds.width, at.x + at.width / 2, zoom),
    y: placeAxis(pane.height, bounds.y, bounds.height, at.y + at.height / 2, zoom),
    zoom,
  };
};
