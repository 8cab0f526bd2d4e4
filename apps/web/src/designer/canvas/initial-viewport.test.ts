import { describe, expect, it } from "vitest";
import { initialViewport } from "./initial-viewport.ts";

const at = (x: number, y: number) => ({ position: { x, y } });

describe("initialViewport", () => {
  it("keeps small graphs at full size, centred", () => {
    const view = initialViewport([at(0, 0), at(480, 0)], { width: 1000, height: 600 });
    expect(view.zoom).toBe(1);
    expect(view.x).toBeCloseTo((1000 - 704) / 2);
  });

  it("zooms out to fit large graphs, never below 0.1", () => {
    const grid = Array.from({ length: 500 }, (_, i) =>
      at((i % 20) * 280, Math.floor(i / 20) * 140),
    );
    const view = initialViewport(grid, { width: 1100, height: 850 });
    expect(view.zoom).toBeGreaterThan(0.1);
    expect(view.zoom).toBeLessThan(0.3);
    expect(initialViewport([at(0, 0), at(1e6, 0)], { width: 100, height: 100 }).zoom).toBe(0.1);
  });
});
