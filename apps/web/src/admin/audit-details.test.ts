import { describe, expect, it } from "vitest";
import { describeAuditData } from "./audit-details.ts";

describe("describeAuditData", () => {
  it("reads plain data as phrases and changes as before → after", () => {
    expect(
      describeAuditData({
        email: "ada@example.com",
        before: { roles: ["viewer"], disabledAt: null },
        after: { roles: ["viewer", "operator"], disabledAt: "2026-11-22T04:00:00.000Z" },
      }),
    ).toEqual([
      { text: "email: ada@example.com" },
      { text: "roles: viewer → viewer, operator" },
      { text: "disabledAt: — → 2026-11-22T04:00:00.000Z" },
    ]);
    expect(describeAuditData({ trigger: "webhook", fromNodeId: null, generation: 2 })).toEqual([
      { text: "trigger: webhook" },
      { text: "generation: 2" },
    ]);
    expect(describeAuditData(null)).toEqual([]);
  });

  it("reads an id the server named as that name, linked, once", () => {
    const version = { name: "Order v3", href: "/scenarios/order" };
    const task = { name: "Approve a large order", href: "/tasks/t1" };
    expect(
      describeAuditData({ versionId: "0e0f…", version: 3, trigger: "ui" }, { versionId: version }),
    ).toEqual([{ text: "version: Order v3", link: version }, { text: "trigger: ui" }]);
    expect(describeAuditData({ role: "approver", task: "t1" }, { task })).toEqual([
      { text: "role: approver" },
      { text: "task: Approve a large order", link: task },
    ]);
  });
});
