import { describe, expect, it } from "vitest";
import { isRunningState, stepStateLabel, stepTone } from "./step-state.ts";

describe("a step's state in words and colour", () => {
  it("shows a map or subscenario the engine parks as running, not waiting", () => {
    expect(stepStateLabel("waiting", "map")).toBe("running");
    expect(stepTone("waiting", "map")).toBe("info");
    expect(isRunningState("waiting", "map")).toBe(true);
    expect(stepStateLabel("waiting", "subscenario")).toBe("running");
    expect(stepTone("waiting", "subscenario")).toBe("info");
  });

  it("keeps a person's or a timer's wait a wait", () => {
    expect(stepStateLabel("waiting", "manual")).toBe("waiting for a person");
    expect(stepTone("waiting", "manual")).toBe("warn");
    expect(isRunningState("waiting", "manual")).toBe(false);
    expect(stepStateLabel("waiting", "wait")).toBe("waiting for its time");
    expect(stepStateLabel("scheduled")).toBe("queued");
    expect(stepTone("failed", "map")).toBe("bad");
  });
});
