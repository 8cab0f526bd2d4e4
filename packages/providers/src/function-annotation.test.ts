import { describe, expect, it } from "vitest";
import { effectiveEntry, readFunctionAnnotation } from "./function-annotation.ts";

const row = {
  description: "discovered",
  tags: ["a"],
  inputSchema: { type: "object" },
  outputSchema: { type: "string" },
  schemaSource: "declared" as const,
  annotation: null,
};

describe("effectiveEntry", () => {
  it("is the discovered entry without an annotation", () => {
    expect(effectiveEntry(row)).toEqual({
      description: "discovered",
      tags: ["a"],
      inputSchema: { type: "object" },
      outputSchema: { type: "string" },
      schemaSource: "declared",
    });
  });

  it("lets the annotation win field by field and marks overridden schemas annotated", () => {
    const annotation = { outputSchema: { type: "number" }, description: "mine" };
    expect(effectiveEntry({ ...row, annotation })).toEqual({
      description: "mine",
      tags: ["a"],
      inputSchema: { type: "object" },
      outputSchema: { type: "number" },
      schemaSource: "annotated",
    });
  });

  it("does not read the old input/output keys, nor values of the wrong shape", () => {
    expect(readFunctionAnnotation({ input: {}, output: {}, tags: [1], inputSchema: "x" })).toEqual(
      {},
    );
    expect(effectiveEntry({ ...row, outputSchema: "broken" }).outputSchema).toEqual({});
  });
});
