import { describe, expect, it } from "vitest";
import { humanize, stepIdBase, uniqueStepId } from "./step-ids.ts";

describe("step ids", () => {
  it("derives ids that references can name", () => {
    expect(stepIdBase("CreateUser")).toBe("createUser");
    expect(stepIdBase("Send e-mail")).toBe("sendEMail");
    expect(stepIdBase("3d render")).toBe("step3dRender");
  });

  it("numbers ids that are taken", () => {
    expect(uniqueStepId("wait", new Set(["wait", "wait2"]))).toBe("wait3");
  });

  it("turns function names into labels", () => {
    expect(humanize("CreateUser")).toBe("Create user");
    expect(humanize("validate_email")).toBe("Validate email");
  });
});
