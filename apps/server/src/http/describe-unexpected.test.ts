import { afterEach, describe, expect, it, vi } from "vitest";
import { describeUnexpected } from "./describe-unexpected.ts";

describe("describeUnexpected", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("tells the kind, code and place of an error, never its message", () => {
    const error = Object.assign(
      new TypeError("Cannot create property 'x' on string 'secret-payload'"),
      {
        code: "P2000",
      },
    );
    const line = describeUnexpected(error);
    expect(line).toMatch(/^TypeError P2000 \(BATON_DEBUG=1 shows its message\)\n\s+at /);
    expect(line).toContain("describe-unexpected.test.ts");
    expect(line).not.toContain("secret-payload");
    expect(describeUnexpected("secret-payload")).not.toContain("secret-payload");
  });

  it("tells everything when BATON_DEBUG is set", () => {
    vi.stubEnv("BATON_DEBUG", "1");
    expect(describeUnexpected(new Error("details"))).toMatch(/^Error: details\n/);
  });
});
