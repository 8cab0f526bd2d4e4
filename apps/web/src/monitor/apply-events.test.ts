import { describe, expect, it } from "vitest";
import { applyEvents, needsRefetch, snapshotWatermark } from "./apply-events.ts";
import { nodeStates } from "./node-states.ts";
import { event, runDetail, stepRun, t } from "./test-fixtures.ts";

describe("applyEvents", () => {
  it("moves a step through its life from events alone", () => {
    const run = runDetail([]);
    const id = "s1";
    const after = applyEvents(run, [
      event("step.scheduled", 1, id, { nodeId: "charge" }),
      event("step.started", 2, id, { nodeId: "charge", attempt: 1 }),
      event("step.retrying", 3, id, { nodeId: "charge", attempt: 1, error: { message: "503" } }),
      event("step.started", 5, id, { nodeId: "charge", attempt: 2 }),
      event("step.succeeded", 6, id, { nodeId: "charge", attempt: 2 }),
    ]);
    const step = after.stepRuns[0]!;
    expect(step).toMatchObject({
      nodeId: "charge",
      status: "succeeded",
      attempt: 2,
      error: null,
      scheduledAt: t(1),
      startedAt: t(2),
      endedAt: t(6),
    });
    expect(step.attempts.map((a) => [a.attempt, a.status, a.endedAt])).toEqual([
      [1, "failed", t(3)],
      [2, "succeeded", t(6)],
    ]);
    expect(step.attempts[0]!.error).toEqual({ message: "503" });
  });

  it("ignores stored events older than the snapshot's state", () => {
    const done = stepRun("charge", { id: "s1", status: "succeeded", updatedAt: t(6) });
    const after = applyEvents(runDetail([done]), [
      event("step.started", 2, "s1", { nodeId: "charge", attempt: 1 }),
    ]);
    expect(after.stepRuns[0]!.status).toBe("succeeded");
  });

  it("re-applies an event of the same transaction without harm", () => {
    const done = stepRun("charge", { id: "s1", status: "succeeded", updatedAt: t(6) });
    const after = applyEvents(runDetail([done]), [
      event("step.succeeded", 6, "s1", { nodeId: "charge", attempt: 1 }),
    ]);
    expect(after.stepRuns[0]).toMatchObject({ status: "succeeded", endedAt: t(6) });
  });

  it("ends the run with the output the event carries", () => {
    const after = applyEvents(runDetail([]), [
      event("run.succeeded", 9, null, { output: { orderId: "o1" }, error: null }),
    ]);
    expect(after).toMatchObject({ status: "succeeded", output: { orderId: "o1" }, endedAt: t(9) });
  });

  it("starts a new generation on restart; new step runs carry it and old ones are superseded", () => {
    const failed = stepRun("createUser", { id: "old", status: "failed", updatedAt: t(3) });
    const after = applyEvents(runDetail([failed], { status: "failed", updatedAt: t(3) }), [
      event("step.superseded", 10, "old", { nodeId: "createUser", generation: 0 }),
      event("run.restarted", 10, null, { generation: 1 }),
      event("step.scheduled", 10, "new", { nodeId: "createUser" }),
    ]);
    expect(after.status).toBe("running");
    expect(after.generation).toBe(1);
    expect(after.stepRuns.map((s) => [s.id, s.status, s.generation])).toEqual([
      ["old", "superseded", 0],
      ["new", "scheduled", 1],
    ]);
  });

  it("closes the task of a manual step when it is decided", () => {
    const waiting = stepRun("approve", {
      id: "s1",
      status: "waiting",
      updatedAt: t(3),
      task: { id: "task", status: "open" } as never,
    });
    const after = applyEvents(runDetail([waiting]), [
      event("task.approved", 5, "s1", { nodeId: "approve", taskId: "task" }),
    ]);
    expect(after.stepRuns[0]!.task).toMatchObject({ status: "approved", decidedAt: t(5) });
  });

  it("pauses the run while a person decides and goes on after", () => {
    const waiting = applyEvents(runDetail([]), [event("run.waiting", 2, null)]);
    expect(waiting.status).toBe("waiting");
    expect(applyEvents(waiting, [event("run.running", 4, null)]).status).toBe("running");
  });

  it("leaves events of other runs alone", () => {
    const other = { ...event("run.failed", 5, null), runId: "another" };
    expect(applyEvents(runDetail([]), [other]).status).toBe("running");
  });
});

describe("snapshotWatermark and needsRefetch", () => {
  it("knows the newest change in the snapshot", () => {
    const run = runDetail([stepRun("a", { updatedAt: t(7) })], { updatedAt: t(3) });
    expect(snapshotWatermark(run)).toBe(Date.parse(t(7)));
  });

  it("refetches for run and task events, not for what events carry in full", () => {
    expect(needsRefetch(event("run.succeeded", 1, null))).toBe(true);
    expect(needsRefetch(event("run.restarted", 1, null))).toBe(true);
    expect(needsRefetch(event("task.opened", 1, "s1"))).toBe(true);
    expect(needsRefetch(event("step.waiting", 1, "s1"))).toBe(true);
    expect(needsRefetch(event("step.succeeded", 1, "s1"))).toBe(false);
    expect(needsRefetch(event("task.approved", 1, "s1"))).toBe(false);
    expect(needsRefetch(event("task.rejected", 1, "s1"))).toBe(false);
    expect(needsRefetch(event("run.running", 1, null))).toBe(false);
    expect(needsRefetch(event("run.waiting", 1, null))).toBe(false);
  });
});

describe("applyEvents in parts", () => {
  it("gives the same run as applying every event at once", () => {
    const run = runDetail([stepRun("a", { id: "a", status: "scheduled", updatedAt: t(0) })]);
    const events = [
      event("step.started", 1, "a", { nodeId: "a", attempt: 1 }),
      event("step.succeeded", 2, "a", { nodeId: "a", attempt: 1 }),
      event("step.scheduled", 2, "b", { nodeId: "b" }),
      event("step.started", 3, "b", { nodeId: "b", attempt: 1 }),
      event("run.succeeded", 4, null, { output: { ok: true } }),
    ];
    const once = applyEvents(run, events);
    const parts = applyEvents(applyEvents(run, events.slice(0, 2)), events.slice(2));
    expect(parts).toEqual(once);
    expect(applyEvents(run, [])).toBe(run);
  });
});

describe("applyEvents for map items", () => {
  it("keeps a body step in its item, apart from the graph's own steps", () => {
    const run = runDetail([stepRun("check", { id: "top", status: "succeeded", updatedAt: t(0) })]);
    const after = applyEvents(run, [
      event("step.scheduled", 1, "item1", { nodeId: "check", scope: "1" }),
      event("step.started", 2, "item1", { nodeId: "check", scope: "1", attempt: 1 }),
    ]);
    expect(after.stepRuns.map((s) => [s.id, s.scope, s.status])).toEqual([
      ["top", "", "succeeded"],
      ["item1", "1", "running"],
    ]);
    const graph = nodeStates(after, ["check"], Date.parse(t(3)));
    expect(graph.get("check")?.current?.id).toBe("top");
  });
});
