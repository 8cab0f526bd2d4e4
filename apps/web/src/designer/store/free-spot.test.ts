import { describe, expect, it } from "vitest";
import { freeSpot } from "./free-spot.ts";

const size = { width: 200, height: 80 };

describe("freeSpot", () => {
  it("keeps a spot nothing covers", () => {
    expect(freeSpot({ x: 0, y: 0 }, size, [{ x: 400, y: 0, width: 200, height: 80 }])).toEqual({
      x: 0,
      y: 0,
    });
  });

  it("moves below the steps in the way, with a margin, however many there are", () => {
    const boxes = [
      { x: 0, y: 0, width: 200, height: 80 },
      { x: 100, y: 100, width: 200, height: 120 },
    ];
    expect(freeSpot({ x: 50, y: 10 }, size, boxes)).toEqual({ x: 50, y: 252 });
  });

  it("treats a step closer than the margin as in the way", () => {
    expect(freeSpot({ x: 0, y: 0 }, size, [{ x: 210, y: 0, width: 10, height: 10 }])).toEqual({
      x: 0,
      y: 42,
    });
  });
});
