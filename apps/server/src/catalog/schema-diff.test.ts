import { describe, expect, it } from "vitest";
import { diffSchemas } from "./schema-diff.ts";

describe("diffSchemas", () => {
  const before = {
    type: "object",
    properties: { text: { type: "string" }, old: { type: "number" } },
    required: ["text"],
  };

  it("finds nothing between equal schemas", () => {
    expect(diffSchemas(before, structuredClone(before))).toEqual([]);
  });

  it("names each added, removed and changed keyword by its path", () => {
    const after = {
      type: "object",
      properties: { text: { type: "number" }, added: { type: "boolean" } },
      required: ["text", "added"],
    };
    expect(diffSchemas(before, after)).toEqual([
      { path: "properties.text.type", kind: "changed", before: "string", after: "number" },
      { path: "properties.old", kind: "removed", before: { type: "number" } },
      { path: "properties.added", kind: "added", after: { type: "boolean" } },
      { path: "required", kind: "changed", before: ["text"], after: ["text", "added"] },
    ]);
  });

  it("compares a schema replaced by a boolean as a whole, at the root", () => {
    expect(diffSchemas({}, true)).toEqual([
      { path: "$", kind: "changed", before: {}, after: true },
    ]);
  });

  it("stops at the limit", () => {
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    expect(diffSchemas({}, many, 3)).toHaveLength(3);
  });
});
