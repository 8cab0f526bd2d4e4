import { describe, expect, it } from "vitest";
import { bodyNodeState, nodeStates, runProgress } from "./node-states.ts";
import { runDetail, stepRun, T0, t } from "./test-fixtures.ts";

describe("nodeStates", () => {
  it("shows the latest step run of each node and keeps the superseded ones as history", () => {
    const run = runDetail([
      stepRun("start"),
      stepRun("createUser", { id: "old", status: "superseded", attempt: 1 }),
      stepRun("createUser", {
        id: "new",
        generation: 1,
        status: "running",
        attempt: 2,
        startedAt: t(10),
        endedAt: null,
      }),
    ]);
    const states = nodeStates(run, ["start", "createUser", "end"], T0 + 12_500);
    expect(states.get("start")).toMatchObject({ state: "succeeded", durationMs: 1000 });
    const createUser = states.get("createUser")!;
    expect(createUser).toMatchObject({ state: "running", attempts: 2, durationMs: 2500 });
    expect(createUser.history.map((h) => h.id)).toEqual(["new", "old"]);
    expect(states.get("end")).toMatchObject({ state: "pending", durationMs: undefined });
  });

  it("shows a node rework replaced and has not run again as superseded", () => {
    const run = runDetail([stepRun("notify", { status: "superseded" })]);
    expect(nodeStates(run, ["notify"], T0).get("notify")!.state).toBe("superseded");
  });

  it("leaves step runs inside map iterations out of the top-level graph", () => {
    const run = runDetail([stepRun("inner", { scope: "0" })]);
    expect(nodeStates(run, ["inner"], T0).get("inner")!.state).toBe("pending");
  });
});

describe("runProgress", () => {
  it("counts succeeded and skipped steps as done, out of the graph's nodes", () => {
    const run = runDetail(
      [
        stepRun("a"),
        stepRun("b", { status: "skipped" }),
        stepRun("c", { status: "failed" }),
        stepRun("d", { status: "waiting" }),
      ],
      { stepsTotal: 5 },
    );
    const states = nodeStates(run, ["a", "b", "c", "d", "e"], T0);
    expect(runProgress(run, states)).toEqual({ done: 2, total: 5, failed: 1, active: 1 });
  });
});

describe("bodyNodeState", () => {
  const run = runDetail([
    stepRun("each"),
    stepRun("check", { id: "item-0", scope: "0", createdAt: t(1) }),
    stepRun("check", { id: "item-1", scope: "1", createdAt: t(2), status: "failed" }),
  ]);

  it("gathers a body step's runs across items, newest first, showing the newest", () => {
    const state = bodyNodeState(run, "check", T0);
    expect(state.history.map((s) => s.id)).toEqual(["item-1", "item-0"]);
    expect(state.current?.id).toBe("item-1");
    expect(state.state).toBe("failed");
  });

  it("shows the item picked in the timeline", () => {
    const state = bodyNodeState(run, "check", T0, "item-0");
    expect(state.current?.id).toBe("item-0");
    expect(state.state).toBe("succeeded");
  });
});
