import { afterEach, describe, expect, it, vi } from "vitest";
import { whenIdle } from "./idle.ts";

afterEach(() => vi.useRealTimers());

describe("whenIdle", () => {
  it("asks requestIdleCallback with the timeout, and cancels through it", () => {
    const request = vi.fn((_callback: () => void, _options?: { timeout: number }) => 7);
    const cancelIdle = vi.fn();
    const callback = vi.fn();
    const cancel = whenIdle(callback, 800, {
      requestIdleCallback: request,
      cancelIdleCallback: cancelIdle,
    });
    expect(request).toHaveBeenCalledWith(callback, { timeout: 800 });
    cancel();
    expect(cancelIdle).toHaveBeenCalledWith(7);
  });

  it("falls back to a short timer where the browser has no idle callbacks", () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    whenIdle(callback, 1000, {});
    vi.advanceTimersByTime(49);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledOnce();
  });

  it("never runs a cancelled fallback", () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    whenIdle(callback, 20, {})();
    vi.advanceTimersByTime(100);
    expect(callback).not.toHaveBeenCalled();
  });
});
