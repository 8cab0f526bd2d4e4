import type { TEdge, TNode } from "@baton/model";
import { describe, expect, it } from "vitest";
import { toVersion } from "../versions.ts";
import { planRework, type TStepRow } from "./rework-plan.ts";

const at = { x: 0, y: 0 };
const node = (id: string, kind: "start" | "end"): TNode => ({ id, kind, label: id, position: at });
const step = (id: string): TNode => ({
  id,
  kind: "function",
  label: id,
  position: at,
  function: "t/Noop",
});
const next = (source: string, target: string): TEdge => ({
  id: `${source}-${target}`,
  kind: "next",
  source,
  target,
});

// start → a → each (map: s → x → y → e) → b → end
const version = toVersion({
  id: "v",
  scenarioId: "sc",
  version: 1,
  definition: {
    format: "baton.scenario/v1",
    slug: "plan",
    name: "plan",
    nodes: [
      node("start", "start"),
      step("a"),
      {
        id: "each",
        kind: "map",
        label: "each",
        position: at,
        items: { ref: "input.xs" },
        body: {
          nodes: [node("s", "start"), step("x"), step("y"), node("e", "end")],
          edges: [next("s", "x"), next("x", "y"), next("y", "e")],
        },
      },
      step("b"),
      node("end", "end"),
    ],
    edges: [next("start", "a"), next("a", "each"), next("each", "b"), next("b", "end")],
  },
});

const row = (
  nodeId: string,
  scope = "",
  status = "succeeded",
  input: unknown = null,
): TStepRow => ({
  id: `${nodeId}@${scope}`,
  nodeId,
  scope,
  status,
  input,
});
const rows = [
  row("start"),
  row("a"),
  row("each", "", "succeeded", [1, 2]),
  ...["0", "1"].flatMap((i) => ["s", "x", "y", "e"].map((n) => row(n, i))),
  row("b"),
  row("end"),
];

describe("planRework", () => {
  it("redoes one item of a map: its steps from the target on, the map reopened, what follows it", () => {
    const plan = planRework(version, rows, [{ nodeId: "x", scope: "1" }]);
    expect(plan.rerun).toEqual([{ nodeId: "x", scope: "1" }]);
    expect(plan.reopen).toEqual([{ nodeId: "each", scope: "", input: [1, 2] }]);
    expect(plan.supersede.sort()).toEqual(["b@", "e@1", "each@", "end@", "x@1", "y@1"]);
  });

  it("reruns a map whole, every item included, when the restart is upstream of it", () => {
    const plan = planRework(version, rows, [{ nodeId: "a", scope: "" }]);
    expect(plan.reopen).toEqual([]);
    expect(plan.supersede).toHaveLength(rows.length - 1);
    expect(plan.supersede).not.toContain("start@");
  });

  it("reopens a failed map rather than rerunning it when one of its items is retried", () => {
    const failed = rows.map((r) =>
      r.id === "each@" || r.id === "y@0" ? { ...r, status: "failed" } : r,
    );
    const plan = planRework(version, failed, [
      { nodeId: "each", scope: "" },
      { nodeId: "y", scope: "0" },
    ]);
    expect(plan.rerun).toEqual([{ nodeId: "y", scope: "0" }]);
    expect(plan.reopen.map((m) => m.nodeId)).toEqual(["each"]);
    expect(plan.supersede).not.toContain("x@1");
  });

  it("refuses to redo one item of a map that reruns whole anyway", () => {
    expect(() =>
      planRework(version, rows, [
        { nodeId: "a", scope: "" },
        { nodeId: "x", scope: "1" },
      ]),
    ).toThrow(/runs again whole/);
  });
});
