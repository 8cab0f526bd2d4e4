import { describe, expect, it } from "vitest";
import { auditTargetLink, describeAuditData } from "./audit-details.ts";

describe("describeAuditData", () => {
  it("reads plain data as phrases and changes as before → after", () => {
    expect(
      describeAuditData({
        email: "ada@example.com",
        before: { roles: ["viewer"], disabledAt: null },
        after: { roles: ["viewer", "operator"], disabledAt: "2026-11-22T04:00:00.000Z" },
      }),
    ).toEqual([
      "email: ada@example.com",
      "roles: viewer → viewer, operator",
      "disabledAt: — → 2026-11-22T04:00:00.000Z",
    ]);
    expect(describeAuditData({ trigger: "webhook", fromNodeId: null, generation: 2 })).toEqual([
      "trigger: webhook",
      "generation: 2",
    ]);
    expect(describeAuditData(null)).toEqual([]);
  });
});

describe("auditTargetLink", () => {
  it("links runs and tasks to their pages", () => {
    expect(auditTargetLink("run.cancel", "r1")).toBe("/runs/r1");
    expect(auditTargetLink("task.approve", "t1")).toBe("/tasks/t1");
    expect(auditTargetLink("user.create", "u1")).toBeUndefined();
    expect(auditTargetLink("run.start", null)).toBeUndefined();
  });
});
