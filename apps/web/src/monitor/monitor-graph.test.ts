import type { TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { READABLE_ZOOM } from "../lib/readable-fit.ts";
import {
  monitorViewport,
  NODE_BOX,
  sameListOr,
  toMonitorEdges,
  toMonitorNodes,
} from "./monitor-graph.ts";
import { nodeStates } from "./node-states.ts";
import { runDetail, stepRun, T0 } from "./test-fixtures.ts";

const scenario: Pick<TScenario, "nodes" | "edges"> = {
  nodes: [
    { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
    {
      id: "check",
      kind: "choice",
      label: "Large?",
      position: { x: 200, y: 0 },
      rules: [{ branch: "big", condition: "true" }],
      default: "small",
    },
    {
      id: "approve",
      kind: "manual",
      label: "Approve",
      title: "Approve a large order",
      assignees: { roles: [], users: [] },
      position: { x: 400, y: -100 },
    },
    {
      id: "ship",
      kind: "function",
      label: "Ship",
      function: "examples/ShipOrder",
      position: { x: 400, y: 100 },
    },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "check" },
    { id: "e2", kind: "branch", branch: "big", source: "check", target: "approve" },
    { id: "e3", kind: "branch", branch: "small", source: "check", target: "ship" },
  ],
};

const ids = scenario.nodes.map((n) => n.id);

describe("toMonitorNodes", () => {
  it("gives a map node its items done, and a new node only when that count moves", () => {
    const states = nodeStates(runDetail([]), ids, T0);
    const before = toMonitorNodes(scenario, states, new Map(), new Map([["ship", "1 / 3 items"]]));
    expect(before.find((n) => n.id === "ship")?.data.progress).toBe("1 / 3 items");
    const previous = new Map(before.map((n) => [n.id, n]));
    const same = toMonitorNodes(scenario, states, previous, new Map([["ship", "1 / 3 items"]]));
    expect(same.find((n) => n.id === "ship")).toBe(previous.get("ship"));
    const moved = toMonitorNodes(scenario, states, previous, new Map([["ship", "2 / 3 items"]]));
    expect(moved.find((n) => n.id === "ship")).not.toBe(previous.get("ship"));
  });

  it("puts each step's state, attempts and what it does on the node at its position", () => {
    const run = runDetail([
      stepRun("start"),
      stepRun("check"),
      stepRun("approve", { status: "waiting", endedAt: null }),
      stepRun("ship", { status: "skipped" }),
    ]);
    const nodes = toMonitorNodes(scenario, nodeStates(run, ids, T0 + 5000));
    expect(nodes.map((n) => [n.id, n.data.state, n.data.detail])).toEqual([
      ["start", "succeeded", undefined],
      ["check", "succeeded", "1 rule"],
      ["approve", "waiting", "Approve a large order"],
      ["ship", "skipped", "examples/ShipOrder"],
    ]);
    expect(nodes[2]).toMatchObject({ type: "step", position: { x: 400, y: -100 } });
  });

  it("keeps the objects of nodes that did not change, so only changed steps re-render", () => {
    const before = runDetail([stepRun("start"), stepRun("check", { status: "running" })]);
    const first = toMonitorNodes(scenario, nodeStates(before, ids, T0));
    const after = runDetail([stepRun("start"), stepRun("check")]);
    const second = toMonitorNodes(
      scenario,
      nodeStates(after, ids, T0),
      new Map(first.map((n) => [n.id, n])),
    );
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.data.state).toBe("succeeded");
  });
});

describe("toMonitorEdges", () => {
  it("marks the branch the run took, and the edge into a waiting step as live", () => {
    const run = runDetail([
      stepRun("start"),
      stepRun("check"),
      stepRun("approve", { status: "waiting", endedAt: null }),
      stepRun("ship", { status: "skipped" }),
    ]);
    const edges = toMonitorEdges(scenario, nodeStates(run, ids, T0));
    expect(edges.map((e) => [e.id, e.data?.taken, e.data?.live, e.label])).toEqual([
      ["e1", true, false, undefined],
      ["e2", true, true, "big"],
      ["e3", false, false, "small"],
    ]);
    const again = toMonitorEdges(
      scenario,
      nodeStates(run, ids, T0),
      new Map(edges.map((e) => [e.id, e])),
    );
    expect(again[1]).toBe(edges[1]);
  });
});

describe("sameListOr", () => {
  it("keeps the previous list while its items are the same, in the same order", () => {
    const a = { id: "a" };
    const b = { id: "b" };
    const previous = [a, b];
    expect(sameListOr(previous, [a, b])).toBe(previous);
    expect(sameListOr(previous, [b, a])).toEqual([b, a]);
    expect(sameListOr(previous, [a])).toEqual([a]);
    expect(sameListOr(undefined, [a])).toEqual([a]);
  });
});

describe("monitorViewport", () => {
  const pane = { width: 800, height: 500 };
  const chain: Pick<TScenario, "nodes"> = {
    nodes: Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      kind: i === 0 ? ("start" as const) : ("wait" as const),
      label: `Step ${i}`,
      position: { x: i * 300, y: 0 },
      duration: "PT1M",
    })),
  };

  it("shows a small graph whole", () => {
    const view = monitorViewport(scenario, new Map(), pane);
    expect(view.zoom).toBeGreaterThan(READABLE_ZOOM);
    expect(view.zoom).toBeLessThanOrEqual(1.1);
  });

  it("never shrinks a long graph below a readable zoom: it shows the step that matters", () => {
    const ids = chain.nodes.map((n) => n.id);
    const failing = nodeStates(runDetail([stepRun("s12", { status: "failed" })]), ids, T0);
    const view = monitorViewport(chain, failing, pane);
    expect(view.zoom).toBe(READABLE_ZOOM);
    // the failed step's middle is in the middle of the pane
    expect((12 * 300 + NODE_BOX.width / 2) * view.zoom + view.x).toBeCloseTo(400);
    // with nothing notable, the start
    expect(monitorViewport(chain, new Map(), pane).x).toBe(40);
  });
});
