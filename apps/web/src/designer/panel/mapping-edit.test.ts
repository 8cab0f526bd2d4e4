import { describe, expect, it } from "vitest";
import { mappingRows, setMappingSource } from "./mapping-edit.ts";

const target = {
  type: "object",
  properties: {
    email: { type: "string" },
    address: {
      type: "object",
      properties: { city: { type: "string" }, zip: { type: "string" } },
      required: ["city"],
    },
  },
  required: ["email"],
};

describe("setMappingSource", () => {
  it("sets, replaces and clears a field", () => {
    const one = setMappingSource(undefined, "email", { ref: "input.email" });
    expect(one).toEqual({ email: { ref: "input.email" } });
    expect(setMappingSource(one, "email", { literal: "a@b.c" })).toEqual({
      email: { literal: "a@b.c" },
    });
    expect(setMappingSource(one, "email", undefined)).toBeUndefined();
  });

  it("keeps an object and its sub-fields exclusive", () => {
    const parts = setMappingSource({ address: { ref: "input.address" } }, "address.city", {
      literal: "Paris",
    });
    expect(parts).toEqual({ "address.city": { literal: "Paris" } });
    expect(setMappingSource(parts, "address", { ref: "input.address" })).toEqual({
      address: { ref: "input.address" },
    });
  });
});

describe("mappingRows", () => {
  it("lists required fields first, with their sources", () => {
    const rows = mappingRows(target, { email: { ref: "input.email" } }, new Set());
    expect(rows.map((r) => [r.path, r.required, r.source !== undefined, r.expandable])).toEqual([
      ["email", true, true, false],
      ["address", false, false, true],
    ]);
  });

  it("opens an object whose sub-fields are mapped, and lists keys the schema does not know", () => {
    const rows = mappingRows(
      target,
      { "address.zip": { literal: "1" }, extra: { literal: 1 } },
      new Set(),
    );
    expect(rows.map((r) => [r.path, r.depth])).toEqual([
      ["email", 0],
      ["address", 0],
      ["address.city", 1],
      ["address.zip", 1],
      ["extra", 0],
    ]);
  });
});
