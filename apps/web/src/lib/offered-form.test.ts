import { describe, expect, it } from "vitest";
import { offeredForm } from "./offered-form.ts";

describe("the form a schema offers", () => {
  const flat = { type: "object", properties: { lines: { $ref: "#/$defs/Line" } } };
  const wrapped = { title: "Older form", deprecated: true, type: "object" };

  it("is the one alternative not deprecated, with the schema's definitions", () => {
    const $defs = { Line: { type: "object" } };
    expect(offeredForm({ anyOf: [flat, wrapped], $defs })).toEqual({
      schema: { ...flat, $defs },
      older: ["Older form"],
    });
  });

  it("is the schema itself when no alternative is deprecated or several are offered", () => {
    const choice = { anyOf: [flat, { type: "null" }] };
    expect(offeredForm(choice)).toEqual({ schema: choice, older: [] });
    const two = { oneOf: [flat, flat, wrapped] };
    expect(offeredForm(two)).toEqual({ schema: two, older: [] });
    expect(offeredForm(true)).toEqual({ schema: true, older: [] });
  });
});
