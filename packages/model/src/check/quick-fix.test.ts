import { describe, expect, it } from "vitest";
import { chain, end, fn, map, scenario, start } from "../../test/fixtures.ts";
import type { TScenario } from "../scenario.ts";
import { applyNodeEdits, applyQuickFix } from "./quick-fix.ts";

describe("applyNodeEdits", () => {
  it("sets and removes values along a path, creating what is missing, leaving the node as it was", () => {
    const node = { id: "a", input: { x: { ref: "input.x" } }, list: [1, 2, 3] };
    const frozen = structuredClone(node);
    const edited = applyNodeEdits(node, [
      { op: "set", path: ["input", "y", "literal"], value: 1 },
      { op: "remove", path: ["input", "x"] },
      { op: "set", path: ["list", 1], value: 20 },
      { op: "remove", path: ["list", 0] },
    ]);
    expect(edited).toEqual({ id: "a", input: { y: { literal: 1 } }, list: [20, 3] });
    expect(node).toEqual(frozen);
  });

  it("keeps a field named __proto__ a field", () => {
    const edited = applyNodeEdits({ schema: {} }, [
      { op: "set", path: ["schema", "__proto__"], value: { polluted: true } },
    ]);
    expect(Object.keys(edited.schema)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(edited.schema)).toBe(Object.prototype);
  });

  it("copies values it sets, so editing the result later does not change the fix", () => {
    const value = { type: "string" };
    const edited = applyNodeEdits({} as { schema?: { type: string } }, [
      { op: "set", path: ["schema"], value },
    ]);
    expect(edited.schema).toEqual(value);
    expect(edited.schema).not.toBe(value);
  });
});

describe("applyQuickFix", () => {
  const body = scenario([start(undefined, "bodyStart"), fn("inner", "test/Count"), end()], []);
  const withMap: TScenario = scenario(
    [
      start(),
      map("each", { ref: "input.list" }, body.nodes, chain("bodyStart", "inner", "end")),
      end(undefined, "done"),
    ],
    chain("start", "each", "done"),
  );

  it("edits a node inside a map body and nothing else", () => {
    const fixed = applyQuickFix(withMap, {
      title: "Call Label",
      nodeId: "inner",
      edits: [{ op: "set", path: ["function"], value: "test/Label" }],
    });
    const each = fixed.nodes[1];
    expect(each?.kind === "map" && each.body.nodes[1]).toMatchObject({ function: "test/Label" });
    expect(fixed.nodes[0]).toBe(withMap.nodes[0]);
    expect(withMap.nodes[1]).toMatchObject({
      body: { nodes: [{}, { function: "test/Count" }, {}] },
    });
  });

  it("refuses a fix for a node the scenario does not have", () => {
    expect(() => applyQuickFix(withMap, { title: "x", nodeId: "nope", edits: [] })).toThrow(
      'There is no node "nope" to fix.',
    );
  });
});
