import { describe, expect, it } from "vitest";
import { eventSummary } from "./event-summary.ts";
import { event } from "./test-fixtures.ts";

describe("eventSummary", () => {
  it("says what an event adds to its type", () => {
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
    ).toBe("attempt 1 · function_error: boom");
    expect(
      eventSummary(
        event("run.restarted", 1, null, { fromNodeIds: ["createUser"], editedInput: true }),
      ),
    ).toBe("from createUser · with an edited input");
    expect(eventSummary(event("run.restarted", 1, null, { fromNodeIds: null }))).toBe("from start");
  });
});
