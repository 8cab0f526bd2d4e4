import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../../test/fixtures.ts";
import { toCanvas } from "../to-canvas.ts";
import {
  bezierMidpoint,
  bezierPath,
  COMPACT_SIZE,
  inputAnchor,
  outputAnchor,
} from "./compact-geometry.ts";

const stepOf = (id: string) => {
  const node = toCanvas(everyKindScenario()).nodes.find((n) => n.id === id);
  if (!node) throw new Error(id);
  return node.data.step;
};

describe("compact anchors", () => {
  it("put the input mid-left and spread the outputs down the right side", () => {
    const at = { x: 100, y: 50 };
    expect(inputAnchor(at)).toEqual({ x: 100, y: 50 + COMPACT_SIZE.height / 2 });
    const step = stepOf("createUser"); // outputs: next, error
    expect(outputAnchor(at, step, "next")).toEqual({
      x: 100 + COMPACT_SIZE.width,
      y: 50 + COMPACT_SIZE.height / 3,
    });
    expect(outputAnchor(at, step, "error").y).toBeCloseTo(50 + (2 * COMPACT_SIZE.height) / 3);
  });

  it("find a choice's branch handles and send unknown handles from mid-right", () => {
    const route = stepOf("route"); // branches: vip, other
    expect(outputAnchor({ x: 0, y: 0 }, route, "branch:other").y).toBeCloseTo(
      (2 * COMPACT_SIZE.height) / 3,
    );
    expect(outputAnchor({ x: 0, y: 0 }, route, "branch:gone").y).toBe(COMPACT_SIZE.height / 2);
  });
});

describe("bezierPath", () => {
  it("draws React Flow's right-to-left bezier", () => {
    expect(bezierPath({ x: 0, y: 0 }, { x: 100, y: 40 })).toBe("M0 0C50 0 50 40 100 40");
    // Backwards edges bow out by 0.25 · 25 · √distance on each side.
    expect(bezierPath({ x: 100, y: 0 }, { x: 0, y: 0 })).toBe("M100 0C162.5 0 -62.5 0 0 0");
  });

  it("puts the midpoint halfway along the curve", () => {
    expect(bezierMidpoint({ x: 0, y: 0 }, { x: 100, y: 40 })).toEqual({ x: 50, y: 20 });
  });
});
