import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration.ts";
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy, retryDelayMs } from "./retry.ts";

describe("parseDuration", () => {
  it("reads milliseconds and ISO-8601 durations", () => {
    expect(parseDuration(1500)).toBe(1500);
    expect(parseDuration("PT15M")).toBe(900_000);
    expect(parseDuration("P1DT12H")).toBe(129_600_000);
    expect(parseDuration("P2W")).toBe(1_209_600_000);
    expect(parseDuration("PT0.5S")).toBe(500);
  });

  it("refuses what has no fixed length or no meaning", () => {
    expect(() => parseDuration("P1M")).toThrow(/without years or months/);
    expect(() => parseDuration("PT")).toThrow();
    expect(() => parseDuration(-1)).toThrow();
  });
});

describe("retry policy", () => {
  it("fills in defaults and backs off exponentially up to the cap", () => {
    const policy = resolveRetryPolicy({
      initialIntervalMs: 100,
      maxIntervalMs: 1_000,
      jitter: false,
    });
    expect(policy.maxAttempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });

  it("draws a full jitter below the capped delay", () => {
    const policy = resolveRetryPolicy({ initialIntervalMs: 1_000, jitter: true });
    expect(retryDelayMs(policy, 2, () => 0.5)).toBe(1_000);
    expect(retryDelayMs(policy, 2, () => 0)).toBe(0);
  });
});
