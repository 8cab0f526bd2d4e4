import { describe, expect, it, vi } from "vitest";
import { createFirstRender } from "./first-render.ts";

describe("createFirstRender", () => {
  it("is ready once everything it waits for has settled, failures included", async () => {
    const first = createFirstRender(10_000);
    let resolve!: () => void;
    first.await(new Promise<void>((r) => (resolve = r)));
    first.await(Promise.reject(new Error("the snapshot failed")));
    let ready = false;
    const done = first.ready().then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    resolve();
    await done;
    expect(ready).toBe(true);
  });

  it("stops waiting after its limit", async () => {
    vi.useFakeTimers();
    try {
      const first = createFirstRender(300);
      first.await(new Promise(() => {}));
      let ready = false;
      const done = first.ready().then(() => (ready = true));
      await vi.advanceTimersByTimeAsync(299);
      expect(ready).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(ready).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("ignores work added after the first render began", async () => {
    const first = createFirstRender(10_000);
    await first.ready();
    first.await(new Promise(() => {}));
    await expect(first.ready()).resolves.toBeUndefined();
  });
});
