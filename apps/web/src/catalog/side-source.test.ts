import { describe, expect, it } from "vitest";
import { sideSource } from "./side-source.ts";

const fn = {
  annotation: {},
  undeclared: ["output"],
  samples: 0,
  discovered: { schemaSource: "declared" },
};

describe("sideSource", () => {
  it("tells each side apart", () => {
    expect(sideSource(fn, "input")).toBe("declared");
    expect(sideSource(fn, "output")).toBe("none");
    expect(sideSource({ ...fn, samples: 2 }, "output")).toBe("inferred");
    // the row says inferred, but the input side was declared
    expect(
      sideSource({ ...fn, samples: 2, discovered: { schemaSource: "inferred" } }, "input"),
    ).toBe("declared");
    expect(sideSource({ ...fn, annotation: { outputSchema: {} } }, "output")).toBe("annotated");
  });
});
