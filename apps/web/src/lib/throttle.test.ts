import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttle } from "./throttle.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("throttle", () => {
  it("lets the first call through at once", () => {
    const run = vi.fn();
    throttle(100, run).call(1);
    expect(run).toHaveBeenCalledWith(1);
  });

  it("folds calls within the window into one with the latest arguments at its end", () => {
    const run = vi.fn();
    const gate = throttle(100, run);
    gate.call(1);
    vi.advanceTimersByTime(10);
    gate.call(2);
    gate.call(3);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(89);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenLastCalledWith(3);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("runs at most once per window under a steady stream", () => {
    const run = vi.fn();
    const gate = throttle(100, run);
    for (let t = 0; t < 1000; t += 16) {
      gate.call(t);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(100);
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(run.mock.calls.length).toBeLessThanOrEqual(11);
    expect(run).toHaveBeenLastCalledWith(992);
  });

  it("drops what is pending when cancelled", () => {
    const run = vi.fn();
    const gate = throttle(100, run);
    gate.call(1);
    gate.call(2);
    gate.cancel();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
