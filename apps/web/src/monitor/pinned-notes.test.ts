import { describe, expect, it } from "vitest";
import { PINNED_NOTE, withPinnedNotes } from "./pinned-notes.ts";

describe("withPinnedNotes", () => {
  it("keeps the map progress as it is when nothing is pinned", () => {
    const progress = new Map([["items", "2 / 5 items"]]);
    expect(withPinnedNotes(progress, [])).toBe(progress);
    expect(withPinnedNotes(undefined, [])).toBeUndefined();
  });

  it("marks each pinned step beside the map progress", () => {
    const notes = withPinnedNotes(new Map([["items", "2 / 5 items"]]), ["charge"]);
    expect([...(notes ?? [])]).toEqual([
      ["items", "2 / 5 items"],
      ["charge", PINNED_NOTE],
    ]);
  });
});
