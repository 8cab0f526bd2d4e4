import { describe, expect, it } from "vitest";
import { eventSummary, eventTitle, itemPhrase, type TNameStep } from "./event-summary.ts";
import { event } from "./test-fixtures.ts";

const steps: Record<string, ReturnType<TNameStep>> = {
  createUser: { label: "Create user", kind: "function" },
  eachEmail: { label: "Each email", kind: "map" },
  approve: { label: "Approve order", kind: "manual" },
};
const nameStep: TNameStep = (nodeId) => steps[nodeId];

describe("eventSummary", () => {
  it("names the step by its label and the map item it ran for", () => {
    expect(
      eventSummary(event("step.started", 1, "s", { nodeId: "createUser", attempt: 1 }), nameStep),
    ).toBe("Create user");
    expect(
      eventSummary(
        event("step.succeeded", 1, "s", { nodeId: "createUser", attempt: 1, scope: "2" }),
        nameStep,
      ),
    ).toBe("Create user · item 2");
    expect(
      eventSummary(event("step.waiting", 1, "s", { nodeId: "eachEmail", items: 50 }), nameStep),
    ).toBe("Each email · 50 items");
    expect(
      eventSummary(event("task.opened", 1, null, { nodeId: "approve", taskId: "t" }), nameStep),
    ).toBe("Approve order");
    // a step the version does not know keeps its id
    expect(eventSummary(event("step.started", 1, "s", { nodeId: "gone" }), nameStep)).toBe("gone");
  });

  it("says what an event adds: retries, errors, restarts", () => {
    expect(eventSummary(event("step.started", 1, "s", { nodeId: "a", attempt: 2 }))).toBe(
      "attempt 2",
    );
    expect(
      eventSummary(
        event("step.failed", 1, "s", {
          nodeId: "a",
          attempt: 1,
          error: { message: "boom", code: "function_error" },
        }),
      ),
    ).toBe("function_error: boom");
    expect(
      eventSummary(
        event("run.restarted", 1, null, { fromNodeIds: ["createUser"], editedInput: true }),
        nameStep,
      ),
    ).toBe("from Create user · with an edited input");
    expect(eventSummary(event("run.restarted", 1, null, { fromNodeIds: null }))).toBe("from start");
  });
});

describe("eventTitle", () => {
  it("says what happened in words; a map waiting for its items is at work", () => {
    expect(eventTitle(event("step.succeeded", 1, "s"))).toBe("succeeded");
    expect(eventTitle(event("run.started", 1, null))).toBe("run started");
    expect(eventTitle(event("step.waiting", 1, "s"), "map")).toBe("running its items");
    expect(eventTitle(event("step.waiting", 1, "s"), "manual")).toBe("waiting for a person");
    expect(eventTitle(event("step.waiting", 1, "s"), "function")).toBe("waiting");
    expect(eventTitle(event("step.someday", 1, "s"))).toBe("step.someday");
  });
});

describe("itemPhrase", () => {
  it("reads a scope as items, nested ones too", () => {
    expect(itemPhrase("3")).toBe("item 3");
    expect(itemPhrase("1/0")).toBe("item 1 › item 0");
  });
});
