import type { TMapNode } from "@baton/model";
import { describe, expect, it } from "vitest";
import {
  bodyNodeIds,
  itemCountOf,
  mapItems,
  mapProgress,
  previewValue,
  topLevelMaps,
} from "./map-items.ts";
import { event, stepRun, T0, t } from "./test-fixtures.ts";

const BODY = new Set(["bStart", "check", "bEnd"]);
const body = (nodeId: string, scope: string, overrides: Parameters<typeof stepRun>[1] = {}) =>
  stepRun(nodeId, { id: `${nodeId}-${scope}-${overrides?.generation ?? 0}`, scope, ...overrides });

describe("mapItems", () => {
  it("gives each item the state of its body steps, and lists items not started yet", () => {
    const items = mapItems(
      [
        stepRun("map", { status: "failed" }),
        body("bStart", "0"),
        body("check", "0"),
        body("bEnd", "0", { endedAt: t(5) }),
        body("bStart", "1"),
        body("check", "1", { status: "failed", error: { message: "boom" } }),
        body("bStart", "2"),
        body("check", "2", { status: "cancelled" }),
        body("check", "3", { status: "running", startedAt: t(2), endedAt: null }),
        // a top-level step with a body-like scope of another map is not an item
        stepRun("other", { scope: "4" }),
      ],
      BODY,
      "",
      6,
      T0 + 10_000,
    );
    expect(items.map((i) => [i.scope, i.state])).toEqual([
      ["0", "done"],
      ["1", "failed"],
      ["2", "cancelled"],
      ["3", "running"],
      ["4", "not started"],
      ["5", "not started"],
    ]);
    expect(items[0]?.steps.map((s) => s.nodeId)).toEqual(["bStart", "check", "bEnd"]);
    expect(items[0]?.durationMs).toBe(4_000);
    expect(items[3]?.durationMs).toBe(8_000);
    expect(items[4]?.durationMs).toBeUndefined();
  });

  it("shows the step runs a restart of the item made, not the ones it replaced", () => {
    const items = mapItems(
      [
        body("bStart", "1"),
        body("check", "1", { status: "superseded" }),
        body("check", "1", { generation: 1, status: "running", endedAt: null }),
        body("check", "0"),
      ],
      BODY,
      "",
      2,
      T0,
    );
    expect(items[1]?.state).toBe("running");
    expect(items[1]?.steps.map((s) => s.id)).toEqual(["bStart-1-0", "check-1-1"]);
    expect(items[0]?.state).toBe("done");
  });

  it("reads the items of a nested map by their deeper scope", () => {
    const runs = [
      body("inner", "0", { status: "waiting", endedAt: null }),
      body("check", "0/0"),
      body("check", "0/1", { status: "failed" }),
      body("check", "1/0"),
    ];
    const outer = mapItems(runs, new Set(["inner", "check"]), "", 2, T0);
    expect(outer[0]?.state).toBe("failed");
    expect(outer[0]?.steps.map((s) => s.nodeId)).toEqual(["inner"]);
    expect(outer[0]?.nested.map((s) => s.scope)).toEqual(["0/0", "0/1"]);
    const inner = mapItems(runs, new Set(["check"]), "0", undefined, T0);
    expect(inner.map((i) => [i.scope, i.state])).toEqual([
      ["0/0", "done"],
      ["0/1", "failed"],
    ]);
  });
});

describe("map progress", () => {
  const map: TMapNode = {
    id: "map",
    kind: "map",
    label: "Each email",
    position: { x: 0, y: 0 },
    items: { ref: "input.emails" },
    body: {
      nodes: [
        { id: "bStart", kind: "start", label: "Item", position: { x: 0, y: 0 } },
        { id: "check", kind: "function", label: "Check", position: { x: 0, y: 0 } },
      ],
      edges: [],
    } as TMapNode["body"],
  };

  it("finds the list's length in the event of the map starting to wait", () => {
    const events = [
      event("step.waiting", 1, "m", { nodeId: "map", scope: "", items: 3 }),
      event("step.waiting", 2, "x", { nodeId: "inner", scope: "0", items: 9 }),
      event("step.waiting", 3, "m2", { nodeId: "map", scope: "", reopened: true }),
    ];
    expect(itemCountOf(events, "map", "")).toBe(3);
    expect(itemCountOf(events, "inner", "0")).toBe(9);
    expect(itemCountOf(events, "nope", "")).toBeUndefined();
  });

  it("counts the items done out of the list", () => {
    expect(bodyNodeIds(map)).toEqual(new Set(["bStart", "check"]));
    const maps = topLevelMaps([
      { id: "s", kind: "start", label: "S", position: { x: 0, y: 0 } },
      map,
    ]);
    const progress = mapProgress(
      maps,
      [body("check", "0"), body("check", "1", { status: "running", endedAt: null })],
      [event("step.waiting", 1, "m", { nodeId: "map", scope: "", items: 3 })],
    );
    expect(progress).toEqual(new Map([["map", "1 / 3 items"]]));
    expect(mapProgress(maps, [], [])).toEqual(new Map());
  });
});

describe("previewValue", () => {
  it("shows strings as they are and cuts long values short", () => {
    expect(previewValue("ada@example.com")).toBe("ada@example.com");
    expect(previewValue({ a: 1 })).toBe('{"a":1}');
    expect(previewValue("x".repeat(60), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
