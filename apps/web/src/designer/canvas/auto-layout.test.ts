import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../test/fixtures.ts";
import { autoLayout } from "./auto-layout.ts";
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
