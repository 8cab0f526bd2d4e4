import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDraftSaver } from "./draft-saver.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (
  overrides: { validate?: (d: number) => string | undefined; fail?: unknown } = {},
) => {
  let value = 0;
  let version = 0;
  const saves: [number, string][] = [];
  const saver = createDraftSaver<number>({
    updatedAt: "t0",
    read: () => value,
    validate: overrides.validate ?? (() => undefined),
    save: async (draft, updatedAt) => {
      saves.push([draft, updatedAt]);
      if (overrides.fail) throw overrides.fail;
      version += 1;
      return { draftUpdatedAt: `t${version}` };
    },
    isConflict: (error) => error instanceof Error && error.message === "conflict",
    delayMs: 100,
  });
  const edit = (v: number) => {
    value = v;
    saver.schedule();
  };
  return { saver, saves, edit };
};

describe("draft saver", () => {
  it("saves once after a burst of edits, carrying the last draftUpdatedAt", async () => {
    const { saver, saves, edit } = setup();
    edit(1);
    edit(2);
    expect(saver.status.getState().status.state).toBe("pending");
    await vi.advanceTimersByTimeAsync(150);
    edit(3);
    await vi.advanceTimersByTimeAsync(150);
    expect(saves).toEqual([
      [2, "t0"],
      [3, "t1"],
    ]);
    expect(saver.status.getState().status.state).toBe("saved");
    expect(saver.updatedAt()).toBe("t2");
  });

  it("flushes at once, e.g. before publishing", async () => {
    const { saver, saves, edit } = setup();
    edit(7);
    await expect(saver.flush()).resolves.toBe("t1");
    expect(saves).toEqual([[7, "t0"]]);
  });

  it("does not send a draft the format refuses, and says why", async () => {
    const { saver, saves, edit } = setup({ validate: () => "a wait needs a duration" });
    edit(1);
    await vi.advanceTimersByTimeAsync(150);
    expect(saves).toEqual([]);
    expect(saver.status.getState().status).toEqual({
      state: "invalid",
      message: "a wait needs a duration",
    });
    await expect(saver.flush()).rejects.toThrow("a wait needs a duration");
  });

  it("stops on a conflict: only a reload can settle it", async () => {
    const { saver, saves, edit } = setup({ fail: new Error("conflict") });
    edit(1);
    await vi.advanceTimersByTimeAsync(150);
    expect(saver.status.getState().status.state).toBe("conflict");
    edit(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toHaveLength(1);
  });

  it("retries after other failures", async () => {
    const { saver, saves, edit } = setup({ fail: new Error("offline") });
    edit(1);
    await vi.advanceTimersByTimeAsync(150);
    expect(saver.status.getState().status).toEqual({ state: "error", message: "offline" });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saves).toHaveLength(2);
  });
});
