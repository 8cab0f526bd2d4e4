import { describe, expect, it } from "vitest";
import { READABLE_ZOOM, readableFit } from "./readable-fit.ts";

const box = (x: number, y: number) => ({ x, y, width: 200, height: 80 });
const pane = { width: 1000, height: 600 };

describe("readableFit", () => {
  it("shows a small graph whole, at full size at most, centred", () => {
    const view = readableFit([box(0, 0), box(300, 0)], pane);
    expect(view.zoom).toBe(1);
    expect(view.x).toBe((1000 - 500) / 2);
    expect(view.y).toBe((600 - 80) / 2);
  });

  it("zooms out to fit a graph that fits at a readable size", () => {
    const view = readableFit([box(0, 0), box(1200, 0)], pane);
    expect(view.zoom).toBeCloseTo(920 / 1400);
    expect(view.zoom).toBeGreaterThan(READABLE_ZOOM);
  });

  it("never zooms out below a readable size: a long chain shows its start, at the left", () => {
    const chain = Array.from({ length: 20 }, (_, i) => box(i * 300, 0));
    const view = readableFit(chain, pane, { focus: chain[0] });
    expect(view.zoom).toBe(READABLE_ZOOM);
    // the start's left edge sits at the margin, not off screen or in the middle
    expect(view.x).toBe(40);
    // the one row is centred vertically
    expect(view.y).toBeCloseTo((600 - 80 * READABLE_ZOOM) / 2);
  });

  it("centres on the focus where it can, without showing empty space past the graph", () => {
    const column = Array.from({ length: 30 }, (_, i) => box(0, i * 120));
    const middle = column[15]!;
    const view = readableFit(column, pane, { focus: middle });
    expect(middle.y * view.zoom + view.y + (80 * view.zoom) / 2).toBeCloseTo(300);
    const last = column[29]!;
    const atEnd = readableFit(column, pane, { focus: last });
    // the graph's bottom sits at the pane's bottom margin
    expect((last.y + last.height) * atEnd.zoom + atEnd.y).toBeCloseTo(560);
  });

  it("leaves an empty graph at full size", () => {
    expect(readableFit([], pane)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
