import { describe, expect, it } from "vitest";
import { staleTargets } from "./live-invalidation.ts";

describe("staleTargets", () => {
  it("refreshes the dashboard and counts on run events, the inbox on task events", () => {
    expect(staleTargets("run.started")).toEqual(["runs", "overview"]);
    expect(staleTargets("task.opened")).toEqual(["tasks", "overview", "runs"]);
    expect(staleTargets("step.succeeded")).toEqual(["runs"]);
    expect(staleTargets("something.else")).toEqual([]);
  });
});
