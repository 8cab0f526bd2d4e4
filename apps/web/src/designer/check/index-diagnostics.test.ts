import type { TDiagnostic, TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { indexDiagnostics } from "./index-diagnostics.ts";

const scenario: TScenario = {
  format: "baton.scenario/v1",
  slug: "s",
  name: "S",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
    { id: "a", kind: "function", label: "A", position: { x: 0, y: 0 }, function: "f/A" },
    {
      id: "b",
      kind: "function",
      label: "B",
      position: { x: 0, y: 0 },
      function: "f/B",
      input: { x: { ref: "input.x" } },
    },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "a" },
    { id: "e2", kind: "next", source: "a", target: "b" },
  ],
};

const diagnostic = (
  nodeId: string,
  code: TDiagnostic["code"],
  extra: Partial<TDiagnostic> = {},
): TDiagnostic => ({
  severity: "error",
  code,
  nodeId,
  message: `${nodeId} ${code}`,
  ...extra,
});

describe("indexDiagnostics", () => {
  it("puts an input problem of an unmapped step on the edge that feeds it", () => {
    const index = indexDiagnostics([diagnostic("a", "missing-input")], scenario);
    expect(index.byNode.get("a")).toHaveLength(1);
    expect(index.byEdge.get("e1")).toHaveLength(1);
  });

  it("leaves a mapped step's input problems on the step: the mapping is at fault, not the edge", () => {
    const index = indexDiagnostics([diagnostic("b", "type-mismatch")], scenario);
    expect(index.byEdge.size).toBe(0);
  });

  it("files edge diagnostics under the edge and its source node, and counts severities", () => {
    const index = indexDiagnostics(
      [
        diagnostic("a", "unknown-function"),
        { severity: "warning", code: "dangling-edge", edgeId: "e2", message: "m" },
      ],
      scenario,
    );
    expect(index.byEdge.get("e2")).toHaveLength(1);
    expect(index.byNode.get("a")).toHaveLength(2);
    expect([index.errors, index.warnings]).toEqual([1, 1]);
  });
});
