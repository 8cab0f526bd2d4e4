import { describe, expect, it } from "vitest";
import { checkScenario } from "./check/check-scenario.ts";
import { resolveRetryPolicy, retriesFailure } from "./retry.ts";
import { ZRetryPolicy } from "./scenario.ts";

describe("what a retry policy retries", () => {
  it("retries timeouts, throttling and unavailability by default, and nothing else", () => {
    const policy = resolveRetryPolicy({ maxAttempts: 5 });
    expect(retriesFailure(policy, { classification: "timeout" })).toBe(true);
    expect(retriesFailure(policy, { classification: "throttled", status: 429 })).toBe(true);
    expect(retriesFailure(policy, { classification: "unavailable", status: 503 })).toBe(true);
    expect(retriesFailure(policy, { classification: "function_error", status: 500 })).toBe(false);
    expect(retriesFailure(policy, { classification: "rejected_input", status: 422 })).toBe(false);
  });

  it("retries exactly what retryOn lists: classes, statuses and ranges of statuses", () => {
    const policy = resolveRetryPolicy({ retryOn: ["timeout", 500, "502-504"] });
    expect(retriesFailure(policy, { classification: "function_error", status: 500 })).toBe(true);
    expect(retriesFailure(policy, { classification: "unavailable", status: 503 })).toBe(true);
    expect(retriesFailure(policy, { classification: "timeout", status: 504 })).toBe(true);
    expect(retriesFailure(policy, { classification: "timeout" })).toBe(true);
    expect(retriesFailure(policy, { classification: "function_error", status: 501 })).toBe(false);
    expect(retriesFailure(policy, { classification: "throttled", status: 429 })).toBe(false);
    expect(retriesFailure(policy, { classification: "function_error" })).toBe(false);
  });

  it("retries nothing when retryOn is empty", () => {
    const policy = resolveRetryPolicy({ retryOn: [] });
    expect(retriesFailure(policy, { classification: "timeout" })).toBe(false);
  });

  it("lets a class retry every failure of that class, whatever its status", () => {
    const policy = resolveRetryPolicy({ retryOn: ["function_error"] });
    expect(retriesFailure(policy, { classification: "function_error", status: 500 })).toBe(true);
    expect(retriesFailure(policy, { classification: "function_error" })).toBe(true);
  });
});

describe("the retryOn format", () => {
  it("accepts classes, statuses and ranges", () => {
    expect(ZRetryPolicy.safeParse({ retryOn: ["bad_output", 404, "500-599"] }).success).toBe(true);
  });

  it.each([["oops"], [600], [99], [500.5], ["504-502"], ["5xx"], ["500-600"]])(
    "refuses %j",
    (entry) => {
      const result = ZRetryPolicy.safeParse({ retryOn: [entry] });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^An entry of retryOn is an error class/);
    },
  );

  it("is checked with the scenario, saying where and what is allowed", () => {
    const diagnostics = checkScenario(
      {
        format: "baton.scenario/v1",
        slug: "s",
        name: "S",
        nodes: [
          { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
          {
            id: "call",
            kind: "function",
            label: "Call",
            position: { x: 0, y: 0 },
            function: "c/f",
            retry: { retryOn: ["timeout", "5xx"] },
          },
          { id: "end", kind: "end", label: "End", position: { x: 0, y: 0 } },
        ],
        edges: [
          { id: "a", kind: "next", source: "start", target: "call" },
          { id: "b", kind: "next", source: "call", target: "end" },
        ],
      },
      { "c/f": { ref: "c/f", name: "f", inputSchema: {}, outputSchema: {} } },
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "invalid-format",
        nodeId: "call",
        path: "retry.retryOn[1]",
        message: expect.stringMatching(
          /^retry\.retryOn\[1\]: An entry of retryOn is an error class/,
        ),
      }),
    ]);
  });
});
