import { describe, expect, it } from "vitest";
import { compileSchema } from "../validator.ts";

const messageOf = (schema: Record<string, unknown>): string => {
  const compiled = compileSchema(schema);
  if (compiled.ok) throw new Error("expected the schema to be refused");
  return compiled.message;
};

describe("schema compilation errors, in words", () => {
  it("names the field whose type is not a JSON Schema type", () => {
    expect(messageOf({ type: "object", properties: { x: { type: "strnig" } } })).toBe(
      'field "x" has type "strnig", which is not a JSON Schema type (string, number, integer, boolean, object, array, null)',
    );
    expect(messageOf({ type: ["string", "nul"] })).toBe(
      'the schema has type "nul", which is not a JSON Schema type (string, number, integer, boolean, object, array, null)',
    );
    expect(
      messageOf({
        type: "object",
        properties: { tags: { type: "array", items: { type: "nmber" } } },
      }),
    ).toBe(
      'each item of field "tags" has type "nmber", which is not a JSON Schema type (string, number, integer, boolean, object, array, null)',
    );
  });

  it("says what a keyword's value must be", () => {
    expect(messageOf({ properties: { note: { type: "string", maxLength: -1 } } })).toBe(
      'field "note" has maxLength -1, which must be a whole number of 0 or more',
    );
    expect(messageOf({ type: "object", required: "x" })).toBe(
      'the schema has required "x", which must be a list of field names',
    );
    expect(messageOf({ properties: { a: { properties: { b: { multipleOf: 0 } } } } })).toBe(
      'field "a.b" has multipleOf 0, which must be a number above 0',
    );
    expect(messageOf({ properties: { a: { additionalProperties: 3 } } })).toBe(
      'field "a" has additionalProperties 3, which must be a schema (an object, true or false)',
    );
    expect(messageOf({ properties: { a: { anyOf: [{ minimum: "3" }] } } })).toBe(
      'anyOf[0] of field "a" has minimum "3", which must be a number',
    );
  });

  it("explains what Ajv refuses while compiling, with a suggestion", () => {
    expect(messageOf({ properties: { a: { type: "string", format: "emial" } } })).toBe(
      'field "a" has format "emial", which is not a known format (did you mean "email"?)',
    );
    expect(messageOf({ properties: { a: { type: "string", maxLenght: 3 } } })).toBe(
      'field "a" has the keyword "maxLenght", which JSON Schema does not define (did you mean "maxLength"?)',
    );
    expect(messageOf({ properties: { a: { type: "string", pattern: "([" } } })).toBe(
      'field "a" has the pattern "([", which is not a valid regular expression (Unterminated character class)',
    );
    expect(messageOf({ properties: { a: { $ref: "#/$defs/nope" } } })).toBe(
      'field "a" refers to "#/$defs/nope", which is not in the schema',
    );
    expect(messageOf({ $defs: { d: { enum: [] } }, $ref: "#/$defs/d" })).toBe(
      'definition "d" has an empty enum, so no value is valid',
    );
  });
});
