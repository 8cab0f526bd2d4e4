import { ZScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../test/fixtures.ts";
import { fromCanvas } from "./from-canvas.ts";
import { toCanvas } from "./to-canvas.ts";

describe("toCanvas / fromCanvas", () => {
  it("draws one node per step, typed by kind, with the position outside the step", () => {
    const { nodes } = toCanvas(everyKindScenario());
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ["start", "start"],
      ["createUser", "function"],
      ["approve", "manual"],
      ["route", "choice"],
      ["pause", "wait"],
      ["each", "map"],
      ["child", "subscenario"],
      ["end", "end"],
    ]);
    expect(nodes[1]?.position).toEqual({ x: 200.4, y: 0 });
    expect(nodes[1]?.data.step).not.toHaveProperty("position");
  });

  it("gives each edge kind its own handle: next, error, and one per choice branch", () => {
    const { edges } = toCanvas(everyKindScenario());
    const handles = Object.fromEntries(edges.map((e) => [e.id, [e.type, e.sourceHandle]]));
    expect(handles).toMatchObject({
      e2: ["next", "next"],
      e3: ["error", "error"],
      e5: ["branch", "branch:vip"],
      e6: ["branch", "branch:other"],
    });
    expect(edges.every((e) => e.targetHandle === "in")).toBe(true);
  });

  it("round-trips every node and edge kind, rounding positions to whole pixels", () => {
    const scenario = everyKindScenario();
    const { meta, nodes, edges } = toCanvas(scenario);
    const back = fromCanvas(meta, nodes, edges);
    expect(back.nodes[1]?.position).toEqual({ x: 200, y: 0 });
    const expected = structuredClone(scenario);
    expected.nodes[1]!.position = { x: 200, y: 0 };
    expect(back).toEqual(expected);
    expect(ZScenario.safeParse(back).success).toBe(true);
  });

  it("keeps a map's body untouched: it is edited inside the map, not on the top canvas", () => {
    const { meta, nodes, edges } = toCanvas(everyKindScenario());
    const map = fromCanvas(meta, nodes, edges).nodes.find((n) => n.kind === "map");
    expect(map?.kind === "map" && map.body.nodes.map((n) => n.id)).toEqual([
      "bodyStart",
      "bodyEnd",
    ]);
  });
});
