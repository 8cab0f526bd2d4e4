import { describe, expect, it } from "vitest";
import { getAt, setAt } from "./form-value.ts";

describe("form values", () => {
  it("sets nested fields, creating objects", () => {
    const value = setAt(setAt({}, ["name"], "Ada"), ["address", "city"], "Paris");
    expect(value).toEqual({ name: "Ada", address: { city: "Paris" } });
    expect(getAt(value, ["address", "city"])).toBe("Paris");
  });

  it("removes cleared fields and the groups they empty", () => {
    const value = setAt(
      { name: "Ada", address: { city: "Paris" } },
      ["address", "city"],
      undefined,
    );
    expect(value).toEqual({ name: "Ada" });
  });
});
