import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startCatalogRefresher } from "./catalog-refresher.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("startCatalogRefresher", () => {
  it("refreshes every interval and stops when told", async () => {
    const refresh = vi.fn(async () => {});
    const refresher = startCatalogRefresher({ minutes: 15, refresh, onError: vi.fn() });
    await vi.advanceTimersByTimeAsync(15 * 60_000 - 1);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    await refresher.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("does nothing at 0 minutes", async () => {
    const refresh = vi.fn(async () => {});
    startCatalogRefresher({ minutes: 0, refresh, onError: vi.fn() });
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("skips a tick while the last run is still going, and reports failures", async () => {
    let finish: () => void = () => {};
    const refresh = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockRejectedValueOnce(new Error("provider down"));
    const onError = vi.fn();
    const refresher = startCatalogRefresher({ minutes: 1, refresh, onError });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith(new Error("provider down"));
    await refresher.stop();
  });
});
