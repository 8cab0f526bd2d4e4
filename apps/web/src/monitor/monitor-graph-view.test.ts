import type { TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { nodesInView, sameIds } from "./monitor-graph.ts";

// a row of 20 steps, 300 px apart, each joined to the next
const row: Pick<TScenario, "nodes" | "edges"> = {
  nodes: Array.from({ length: 20 }, (_, i) => ({
    id: `n${i}`,
    kind: "function" as const,
    label: `Step ${i}`,
    function: "examples/ValidateEmail",
    position: { x: i * 300, y: 0 },
  })),
  edges: Array.from({ length: 19 }, (_, i) => ({
    id: `e${i}`,
    kind: "next" as const,
    source: `n${i}`,
    target: `n${i + 1}`,
  })),
};
const pane = { width: 1000, height: 600 };

describe("nodesInView", () => {
  it("keeps the nodes whose declared box meets the pane, and the far ends of their edges", () => {
    // the pane shows x 0…1000 at zoom 1: n0…n3; n4 is one edge away
    const ids = nodesInView(row, { x: 0, y: 0, zoom: 1 }, pane, 0);
    expect([...ids].sort()).toEqual(["n0", "n1", "n2", "n3", "n4"]);
  });

  it("counts a box that only reaches into the pane from the left", () => {
    // x 1000…2000 on screen; n2's box (600…792) is left of it, n3's (900…1092) reaches in
    const ids = nodesInView(row, { x: -1000, y: 0, zoom: 1 }, pane, 0);
    expect(ids.has("n3")).toBe(true);
    expect(ids.has("n2")).toBe(true); // the far end of n3's edge
    expect(ids.has("n1")).toBe(false);
  });

  it("scales with the zoom and grows by the margin", () => {
    const zoomedOut = nodesInView(row, { x: 0, y: 0, zoom: 0.5 }, pane, 0);
    expect(zoomedOut.has("n6")).toBe(true); // x 0…2000 in flow units
    expect(zoomedOut.has("n8")).toBe(false);
    const withMargin = nodesInView(row, { x: 0, y: 0, zoom: 0.5 }, pane, 0.5);
    expect(withMargin.has("n9")).toBe(true); // x -1000…3000
  });

  it("keeps both ends of an edge that crosses the pane between two steps out of view", () => {
    const long = {
      ...row,
      edges: [...row.edges, { id: "far", kind: "next" as const, source: "n0", target: "n19" }],
    };
    // x 2000…3000 on screen: n7 (2100) … n9 (2700) are in view, n0 and n19 are not
    const ids = nodesInView(long, { x: -2000, y: 0, zoom: 1 }, pane, 0);
    expect(ids.has("n0")).toBe(true);
    expect(ids.has("n19")).toBe(true);
    expect(nodesInView(row, { x: -2000, y: 0, zoom: 1 }, pane, 0).has("n0")).toBe(false);
  });

  it("leaves out what is above or below the pane", () => {
    expect(nodesInView(row, { x: 0, y: -1000, zoom: 1 }, pane, 0).size).toBe(0);
  });
});

describe("sameIds", () => {
  it("compares sets by their members", () => {
    expect(sameIds(new Set(["a", "b"]), new Set(["b", "a"]))).toBe(true);
    expect(sameIds(new Set(["a"]), new Set(["b"]))).toBe(false);
    expect(sameIds(new Set(["a"]), new Set(["a", "b"]))).toBe(false);
  });
});
