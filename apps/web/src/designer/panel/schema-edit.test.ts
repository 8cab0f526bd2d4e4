import { describe, expect, it } from "vitest";
import {
  addField,
  fieldTypeOf,
  removeField,
  renameField,
  setFieldRequired,
  setFieldSchema,
  setFieldType,
} from "./schema-edit.ts";

describe("schema editing", () => {
  it("adds required string fields under free names", () => {
    const one = addField(undefined);
    const two = addField(one);
    expect(two).toEqual({
      type: "object",
      properties: { field: { type: "string" }, field2: { type: "string" } },
      required: ["field", "field2"],
    });
  });

  it("renames in place, keeping order and required", () => {
    const schema = addField(addField(undefined));
    expect(Object.keys(renameField(schema, "field", "email").properties as object)).toEqual([
      "email",
      "field2",
    ]);
    expect(renameField(schema, "field", "email").required).toEqual(["email", "field2"]);
    expect(renameField(schema, "field", "field2")).toEqual(schema);
  });

  it("changes types, required and removes fields, keeping other keywords", () => {
    const schema = {
      type: "object",
      additionalProperties: false,
      properties: { a: { type: "string", description: "A" } },
    };
    const typed = setFieldType(schema, "a", "email");
    expect(typed.properties).toEqual({
      a: { type: "string", format: "email", maxLength: 254, description: "A" },
    });
    expect(typed.additionalProperties).toBe(false);
    expect(setFieldRequired(typed, "a", true).required).toEqual(["a"]);
    expect(removeField(setFieldRequired(typed, "a", true), "a")).toEqual({
      type: "object",
      additionalProperties: false,
      properties: {},
    });
  });

  it("recognises simple types past null and constraints, and calls the rest custom", () => {
    expect(fieldTypeOf({ type: "string", format: "email", maxLength: 254, description: "x" })).toBe(
      "email",
    );
    expect(fieldTypeOf({ type: "string", minLength: 1 })).toBe("string");
    expect(fieldTypeOf({ type: ["integer", "null"], minimum: 0 })).toBe("integer");
    expect(fieldTypeOf({ enum: ["EUR", "USD"] })).toBe("string");
    expect(fieldTypeOf({ type: "array", items: { type: "string" }, minItems: 1 })).toBe("list");
    expect(fieldTypeOf({ type: "string", anyOf: [{ minLength: 1 }] })).toBe("custom");
    expect(fieldTypeOf({ $ref: "#/$defs/id" })).toBe("custom");
    expect(fieldTypeOf(true)).toBe("any");
  });

  it("replaces one field's schema, keeping the others and required", () => {
    const schema = setFieldRequired(addField(addField(undefined)), "field2", false);
    const next = setFieldSchema(schema, "field", { type: "string", minLength: 1 });
    expect(next).toEqual({
      type: "object",
      properties: { field: { type: "string", minLength: 1 }, field2: { type: "string" } },
      required: ["field"],
    });
  });
});
