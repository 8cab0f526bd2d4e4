import { describe, expect, it } from "vitest";
import { hasPermission, mayDecide, PERMISSIONS, roleToDecide } from "./access.ts";

describe("hasPermission", () => {
  it("gives admins every permission and viewers only reading", () => {
    for (const permission of PERMISSIONS) expect(hasPermission(["admin"], permission)).toBe(true);
    expect(PERMISSIONS.filter((p) => hasPermission(["viewer"], p))).toEqual(["read"]);
  });

  it("gives each other role its own permission and reading", () => {
    expect(PERMISSIONS.filter((p) => hasPermission(["designer"], p))).toEqual(["read", "design"]);
    expect(PERMISSIONS.filter((p) => hasPermission(["operator"], p))).toEqual(["read", "operate"]);
    expect(PERMISSIONS.filter((p) => hasPermission(["approver"], p))).toEqual(["read", "decide"]);
    expect(hasPermission([], "read")).toBe(false);
  });

  it("adds up the permissions of several roles", () => {
    expect(PERMISSIONS.filter((p) => hasPermission(["designer", "operator"], p))).toEqual([
      "read",
      "design",
      "operate",
    ]);
  });
});

describe("mayDecide", () => {
  const ada = { email: "Ada@Example.com", roles: ["approver"] as const };

  it("lets an approver decide a task that names nobody", () => {
    expect(mayDecide({ roles: [], users: [] }, ada)).toBe(true);
    expect(mayDecide({}, ada)).toBe(true);
  });

  it("needs one of the named roles or the person's email", () => {
    expect(mayDecide({ roles: ["approver"], users: [] }, ada)).toBe(true);
    expect(mayDecide({ roles: ["admin"], users: [] }, ada)).toBe(false);
    expect(mayDecide({ roles: ["admin"], users: ["ada@example.com"] }, ada)).toBe(true);
    expect(mayDecide({ roles: [], users: ["grace@example.com"] }, ada)).toBe(false);
  });

  it("never lets someone without the decide permission decide, even when named", () => {
    const viewer = { email: "vic@example.com", roles: ["viewer"] as const };
    expect(mayDecide({ roles: ["viewer"], users: ["vic@example.com"] }, viewer)).toBe(false);
    expect(mayDecide({}, viewer)).toBe(false);
  });
});

describe("roleToDecide", () => {
  const admin = { email: "root@example.com", roles: ["admin"] as const };

  it("offers an administrator the role a task names when they lack it", () => {
    expect(roleToDecide({ roles: ["approver"], users: [] }, admin)).toBe("approver");
    expect(roleToDecide({ roles: ["operator", "approver"], users: [] }, admin)).toBe("approver");
    expect(roleToDecide({ roles: ["operator"], users: ["grace@example.com"] }, admin)).toBe(
      "operator",
    );
  });

  it("offers nothing to who may decide already, to non-administrators, or for named people only", () => {
    expect(roleToDecide({}, admin)).toBeUndefined();
    expect(roleToDecide({ roles: ["approver"] }, { ...admin, roles: ["admin", "approver"] })).toBe(
      undefined,
    );
    expect(roleToDecide({ roles: ["approver"] }, { ...admin, roles: ["designer"] })).toBe(
      undefined,
    );
    expect(roleToDecide({ roles: [], users: ["grace@example.com"] }, admin)).toBeUndefined();
  });
});
