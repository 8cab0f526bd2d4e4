import { describe, expect, it } from "vitest";
import { dueState } from "./due.ts";

describe("dueState", () => {
  const now = Date.parse("2026-11-21T10:00:00Z");
  it("tells overdue and due-within-the-hour tasks apart", () => {
    expect(dueState(null, now)).toBeUndefined();
    expect(dueState("2026-11-21T09:59:00Z", now)).toEqual({ overdue: true, soon: false });
    expect(dueState("2026-11-21T10:30:00Z", now)).toEqual({ overdue: false, soon: true });
    expect(dueState("2026-11-22T10:00:00Z", now)).toEqual({ overdue: false, soon: false });
  });
});
