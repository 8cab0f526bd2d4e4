import { describe, expect, it } from "vitest";
import { applySamples } from "./apply-samples.ts";

const declared = {
  inputSchema: { type: "object", properties: { id: { type: "string" } } },
  outputSchema: {},
  schemaSource: "declared" as const,
};

describe("applySamples", () => {
  it("keeps what the provider declared when there are no samples", () => {
    expect(applySamples(declared, ["output"], [])).toBe(declared);
  });

  it("keeps a fully declared function as it is, whatever the samples", () => {
    expect(applySamples(declared, [], [{ input: { id: "a" }, output: 1 }])).toBe(declared);
  });

  it("infers only the undeclared side and marks the schemas inferred", () => {
    const samples = [
      { input: { id: "a" }, output: { total: 3, currency: "EUR" } },
      { input: { id: "b" }, output: { total: 4.5 } },
    ];
    expect(applySamples(declared, ["output"], samples)).toEqual({
      inputSchema: declared.inputSchema,
      outputSchema: {
        type: "object",
        properties: { total: { type: "number" }, currency: { type: "string" } },
        required: ["total"],
      },
      schemaSource: "inferred",
    });
  });
});
