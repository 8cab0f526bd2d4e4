import { describe, expect, it } from "vitest";
import { revealViewport } from "./reveal-viewport.ts";

const pane = { width: 600, height: 400 };
const box = (x: number, y: number) => ({ x, y, width: 200, height: 100 });

describe("revealViewport", () => {
  it("leaves the view alone when the step is in it", () => {
    expect(revealViewport(box(100, 100), { x: 0, y: 0, zoom: 1 }, pane)).toBeUndefined();
  });

  it("pans a step that the narrowed canvas hides on the right just into view", () => {
    // dropped at x 500: the inspector opened and the canvas is now 600 wide
    expect(revealViewport(box(500, 100), { x: 0, y: 0, zoom: 1 }, pane)).toEqual({
      x: -148,
      y: 0,
      zoom: 1,
    });
  });

  it("pans up and left as well, at the same zoom", () => {
    expect(revealViewport(box(-50, -20), { x: 0, y: 0, zoom: 0.5 }, pane)).toEqual({
      x: 73,
      y: 58,
      zoom: 0.5,
    });
  });

  it("shows the start of a step larger than the canvas", () => {
    const wide = { x: 700, y: 100, width: 2000, height: 100 };
    expect(revealViewport(wide, { x: 0, y: 0, zoom: 1 }, pane)?.x).toBe(-652);
  });
});
