import { describe, expect, it } from "vitest";
import { fn, manual } from "../../test/scenario-builders.ts";
import { onNodeOutcome } from "./node-outcome.ts";

const at = { runId: "r1", versionId: "v1", scope: "" };
const step = (attempt: number) => ({ id: "s1", nodeId: "call", attempt });
const error = { message: "Slow.", code: "timeout", nodeId: "call", attempts: 1 };
const call = fn("call", "Noop", {}, { retry: { maxAttempts: 3, initialIntervalMs: 100 } });

describe("what a node's execution leads to", () => {
  it("stores a success, with the branch a choice picked", () => {
    expect(
      onNodeOutcome(call, at, step(1), { kind: "succeeded", output: 1, input: 2, branch: "x" }),
    ).toEqual([{ kind: "succeed-step", at, step: step(1), output: 1, input: 2, branch: "x" }]);
  });

  it("tries a retryable failure again while the policy has attempts left, after a backoff", () => {
    const failed = {
      kind: "failed" as const,
      error,
      classified: { classification: "timeout" },
      input: { a: 1 },
    };
    const [retry] = onNodeOutcome(call, at, step(1), failed);
    expect(retry).toMatchObject({ kind: "retry-step", error, input: { a: 1 } });
    expect((retry as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(0);
    expect((retry as { delayMs: number }).delayMs).toBeLessThanOrEqual(100);
    expect(onNodeOutcome(call, at, step(3), failed)).toEqual([
      { kind: "fail-step", at, step: step(3), error, input: { a: 1 } },
    ]);
    const unlisted = { ...failed, classified: { classification: "function_error", status: 500 } };
    expect(onNodeOutcome(call, at, step(1), unlisted)[0]?.kind).toBe("fail-step");
    const { classified: _engine, ...ours } = failed;
    expect(onNodeOutcome(call, at, step(1), ours)[0]?.kind).toBe("fail-step");
  });

  it("never retries a manual step, and parks what waits", () => {
    const failed = {
      kind: "failed" as const,
      error,
      classified: { classification: "timeout" },
      input: null,
    };
    expect(onNodeOutcome(manual("ok"), at, step(1), failed)[0]?.kind).toBe("fail-step");
    expect(
      onNodeOutcome(manual("ok"), at, step(1), { kind: "task", input: {}, dueAt: null }),
    ).toEqual([{ kind: "open-task", at, step: step(1), input: {}, dueAt: null }]);
  });

  it("succeeds a map over an empty list at once, and parks one over items", () => {
    expect(onNodeOutcome(call, at, step(1), { kind: "map", items: [] })).toEqual([
      { kind: "succeed-step", at, step: step(1), output: [], input: [] },
    ]);
    expect(onNodeOutcome(call, at, step(1), { kind: "map", items: [1, 2] })).toEqual([
      { kind: "park-map", at, step: step(1), items: [1, 2] },
    ]);
  });
});
