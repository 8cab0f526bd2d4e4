import { checkScenario, type TCatalog, type TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import {
  baseTypeOf,
  isNullable,
  parseBound,
  parseCount,
  parseValues,
  setKeyword,
  setNullable,
  setValues,
  valuesText,
} from "./schema-keywords.ts";

describe("schema keywords", () => {
  it("finds the base type past null and from listed values", () => {
    expect(baseTypeOf({ type: "string", minLength: 1 })).toBe("string");
    expect(baseTypeOf({ type: ["integer", "null"] })).toBe("integer");
    expect(baseTypeOf({ enum: ["EUR", "USD", null] })).toBe("string");
    expect(baseTypeOf({ enum: [1, 2.5] })).toBe("number");
    expect(baseTypeOf({ type: ["string", "number"] })).toBeUndefined();
    expect(baseTypeOf(true)).toBeUndefined();
  });

  it("sets and removes one keyword, leaving the others", () => {
    const schema = { type: "integer", description: "cents" };
    const bounded = setKeyword(schema, "minimum", 0);
    expect(bounded).toEqual({ type: "integer", description: "cents", minimum: 0 });
    expect(setKeyword(bounded, "minimum", undefined)).toEqual(schema);
    expect(setKeyword(true, "minLength", 1)).toEqual({ minLength: 1 });
  });

  it("allows null and stops allowing it, in the type and in listed values", () => {
    const nullable = setNullable({ type: "string", enum: ["a"] }, true);
    expect(nullable).toEqual({ type: ["string", "null"], enum: ["a", null] });
    expect(isNullable(nullable)).toBe(true);
    expect(setNullable(nullable, false)).toEqual({ type: "string", enum: ["a"] });
  });

  it("reads typed bounds, counts and listed values, and nothing from what is not one", () => {
    expect(parseBound(" -2.5 ")).toBe(-2.5);
    expect(parseBound("-")).toBeUndefined();
    expect(parseBound("")).toBeUndefined();
    expect(parseCount("3")).toBe(3);
    expect(parseCount("1.5")).toBeUndefined();
    expect(parseCount("-1")).toBeUndefined();
    expect(parseValues("EUR, USD,, EUR", "string")).toEqual(["EUR", "USD"]);
    expect(parseValues("1, x, 2", "integer")).toEqual([1, 2]);
    expect(parseValues(" , ", "string")).toBeUndefined();
  });

  it("lists values, keeping null listed while the schema allows it", () => {
    const schema = { type: ["string", "null"] };
    const listed = setValues(schema, ["a", "b"]);
    expect(listed.enum).toEqual(["a", "b", null]);
    expect(valuesText(listed)).toBe("a, b");
    expect(setValues(listed, undefined)).toEqual(schema);
  });

  it("gives keywords the check proves a step's input against", () => {
    // A start field edited into the bound a function needs settles the check's problem.
    const catalog: TCatalog = {
      "shop/Invoice": {
        ref: "shop/Invoice",
        name: "Invoice",
        inputSchema: {
          type: "object",
          properties: { totalCents: { type: "integer", minimum: 0 } },
          required: ["totalCents"],
        },
        outputSchema: true,
      },
    };
    const scenario = (totalCents: object): TScenario => ({
      format: "baton.scenario/v1",
      slug: "invoice",
      name: "Invoice",
      nodes: [
        {
          id: "start",
          kind: "start",
          label: "Start",
          position: { x: 0, y: 0 },
          inputSchema: {
            type: "object",
            properties: { totalCents },
            required: ["totalCents"],
          },
        },
        {
          id: "invoice",
          kind: "function",
          label: "Invoice",
          position: { x: 0, y: 0 },
          function: "shop/Invoice",
          input: { totalCents: { ref: "input.totalCents" } },
        },
        { id: "end", kind: "end", label: "End", position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: "e1", kind: "next", source: "start", target: "invoice" },
        { id: "e2", kind: "next", source: "invoice", target: "end" },
      ],
    });
    const errors = (totalCents: object) =>
      checkScenario(scenario(totalCents), catalog).filter((d) => d.severity === "error");
    expect(errors({ type: "integer" }).map((d) => d.message)).toEqual([
      "input.totalCents: Invoice needs an integer of at least 0; input.totalCents can be less than 0",
    ]);
    expect(errors(setKeyword({ type: "integer" }, "minimum", parseBound("0")))).toEqual([]);
  });
});
