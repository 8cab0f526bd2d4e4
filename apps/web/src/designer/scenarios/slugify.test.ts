import { describe, expect, it } from "vitest";
import { slugify } from "./slugify.ts";

describe("slugify", () => {
  it("makes lowercase words joined by dashes", () => {
    expect(slugify("User sign-up (v2)")).toBe("user-sign-up-v2");
    expect(slugify("  Crème brûlée  ")).toBe("creme-brulee");
    expect(slugify("!!!")).toBe("");
  });
});
