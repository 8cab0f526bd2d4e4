import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { inferSchema } from "./infer-schema.ts";

describe("inferSchema", () => {
  it("merges samples into unions and optional properties", () => {
    const samples = [
      { id: 1, name: "Ann", tags: ["a"], address: { city: "Delft" } },
      { id: 2.5, name: null, tags: [], address: null },
      { id: 3, tags: ["b", 4] },
    ];
    expect(inferSchema(samples)).toEqual({
      type: "object",
      properties: {
        id: { type: "number" },
        name: { type: ["string", "null"] },
        tags: { type: "array", items: { type: ["string", "integer"] } },
        address: {
          type: ["object", "null"],
          properties: { city: { type: "string" } },
          required: ["city"],
        },
      },
      required: ["id", "tags"],
    });
  });

  it("accepts every sample it was given", () => {
    const samples = [null, true, 0, "x", [1, "a", { b: [] }], { a: { b: null } }, { a: 1 }];
    const validate = new Ajv2020().compile(inferSchema(samples) as object);
    for (const sample of samples) expect(validate(sample)).toBe(true);
  });

  it("knows nothing without samples", () => {
    expect(inferSchema([])).toEqual({});
  });
});
