import { describe, expect, it } from "vitest";
import { READABLE_ZOOM } from "../../lib/readable-fit.ts";
import { everyKindScenario } from "../test/fixtures.ts";
import { autoLayout } from "./auto-layout.ts";
import { DEFAULT_NODE_SIZE } from "./node-size.ts";
import { toCanvas } from "./to-canvas.ts";

describe("autoLayout", () => {
  it("places every node left to right along the edges", async () => {
    const { nodes, edges } = toCanvas(everyKindScenario());
    const positions = await autoLayout(nodes, edges);
    expect([...positions.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    const x = (id: string) => positions.get(id)!.x;
    for (const edge of edges) expect(x(edge.source)).toBeLessThan(x(edge.target));
  });

  it("keeps a choice's branches in rule order, top to bottom", async () => {
    const { nodes, edges } = toCanvas(everyKindScenario());
    const positions = await autoLayout(nodes, edges);
    // route: vip → pause, other (default) → each
    expect(positions.get("pause")!.y).toBeLessThan(positions.get("each")!.y);
  });
});

const chain = (length: number) =>
  toCanvas({
    ...everyKindScenario(),
    nodes: Array.from({ length }, (_, i) => ({
      id: `s${i}`,
      kind: "wait" as const,
      label: `Step ${i}`,
      position: { x: 0, y: 0 },
      duration: "PT1M",
    })),
    edges: Array.from({ length: length - 1 }, (_, i) => ({
      id: `e${i}`,
      kind: "next" as const,
      source: `s${i}`,
      target: `s${i + 1}`,
    })),
  });

const extent = (positions: ReadonlyMap<string, { x: number; y: number }>) => {
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  return {
    width: Math.max(...xs) + DEFAULT_NODE_SIZE.width - Math.min(...xs),
    height: Math.max(...ys) + DEFAULT_NODE_SIZE.height - Math.min(...ys),
    rows: new Set(ys).size,
    columns: new Set(xs).size,
  };
};

describe("autoLayout options", () => {
  const canvas = { width: 1000, height: 700 };

  it("lays out top to bottom when asked", async () => {
    const { nodes, edges } = toCanvas(everyKindScenario());
    const positions = await autoLayout(nodes, edges, { direction: "DOWN" });
    const y = (id: string) => positions.get(id)!.y;
    for (const edge of edges) expect(y(edge.source)).toBeLessThan(y(edge.target));
  });

  it("keeps a chain that fits the canvas at a readable zoom on one row", async () => {
    const { nodes, edges } = chain(4);
    expect(extent(await autoLayout(nodes, edges, { canvas })).rows).toBe(1);
  });

  it("wraps a chain too long to read whole into rows that fit the canvas", async () => {
    const { nodes, edges } = chain(16);
    const laid = extent(await autoLayout(nodes, edges, { canvas }));
    expect(laid.rows).toBeGreaterThan(1);
    expect(laid.width * READABLE_ZOOM).toBeLessThanOrEqual(canvas.width);
  });

  it("wraps a chain too tall to read whole, top to bottom, into columns", async () => {
    const { nodes, edges } = chain(16);
    const laid = extent(await autoLayout(nodes, edges, { direction: "DOWN", canvas }));
    expect(laid.columns).toBeGreaterThan(1);
    expect(laid.columns).toBeLessThan(16);
    expect(laid.height * READABLE_ZOOM).toBeLessThanOrEqual(canvas.height);
  });
});
