import { describe, expect, it } from "vitest";
import { READABLE_ZOOM } from "../../lib/readable-fit.ts";
import { initialViewport } from "./initial-viewport.ts";

const at = (x: number, y: number, type: "start" | "function" = "function") => ({
  type,
  position: { x, y },
});

describe("initialViewport", () => {
  it("keeps small graphs at full size, centred", () => {
    const view = initialViewport([at(0, 0, "start"), at(480, 0)], { width: 1000, height: 600 });
    expect(view.zoom).toBe(1);
    expect(view.x).toBeCloseTo((1000 - 704) / 2);
  });

  it("opens a large graph at a readable zoom on its start, not all of it unreadably small", () => {
    const grid = Array.from({ length: 500 }, (_, i) =>
      at((i % 20) * 280 + 300, Math.floor(i / 20) * 140),
    );
    const start = at(0, 1700, "start");
    const view = initialViewport([start, ...grid], { width: 1100, height: 850 });
    expect(view.zoom).toBe(READABLE_ZOOM);
    // the start is on screen, at the left margin and in the middle of the height
    expect(view.x).toBe(40);
    expect((1700 + 48) * view.zoom + view.y).toBeCloseTo(425);
  });
});
