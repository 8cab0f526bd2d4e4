import { describe, expect, it } from "vitest";
import { formatIssues, schemaProblems, validateValue } from "./validate-value.ts";

const user = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    email: { type: "string", format: "email" },
    id: { type: "string", format: "uuid" },
    role: { enum: ["admin", "member"] },
    tags: { type: "array", items: { type: "string", maxLength: 3 } },
    "a/b": { type: "integer" },
  },
  required: ["email", "id"],
  additionalProperties: false,
} as const;

describe("validateValue", () => {
  // Ajv 8.20 skips `contains` here unless allErrors is on; this pins the setting.
  it("checks `contains` on an array shorter than its `prefixItems`", () => {
    const tuple = { prefixItems: [true, { type: "number" }], contains: { type: "number" } };
    expect(validateValue(tuple, [null])).not.toEqual([]);
    expect(validateValue(tuple, [1])).toEqual([]);
  });

  it("accepts a valid value", () => {
    expect(
      validateValue(user, { email: "a@b.co", id: "0b6a3a8e-1f0c-4d2a-9c1e-2f3a4b5c6d7e" }),
    ).toEqual([]);
  });

  it("reports every issue with a JSON Pointer to where it is", () => {
    const issues = validateValue(user, {
      email: "nope",
      role: "owner",
      tags: ["ok", "toolong"],
      extra: 1,
      "a/b": 1.5,
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "/id", message: "is required" },
        { path: "/extra", message: "is not allowed" },
        { path: "/email", message: 'must match format "email"' },
        { path: "/role", message: 'must be one of ["admin","member"]' },
        { path: "/tags/1", message: "must NOT have more than 3 characters" },
        { path: "/a~1b", message: "must be integer" },
      ]),
    );
    expect(issues).toHaveLength(6);
  });

  it("addresses the root as /", () => {
    expect(validateValue({ type: "object" }, 3)).toEqual([
      { path: "/", message: "must be object" },
    ]);
  });

  it("reuses a compiled schema given again as a different object", () => {
    const schema = () => ({ type: "string", format: "date-time" });
    expect(validateValue(schema(), "2026-11-21T10:00:00Z")).toEqual([]);
    expect(validateValue(schema(), "yesterday")).toHaveLength(1);
  });

  it("accepts draft-07 schemas by dropping their $schema", () => {
    const draft7 = { $schema: "http://json-schema.org/draft-07/schema#", type: "integer" };
    expect(validateValue(draft7, 1)).toEqual([]);
    expect(validateValue(draft7, "1")).toHaveLength(1);
  });

  it("accepts boolean schemas", () => {
    expect(validateValue(true, { anything: 1 })).toEqual([]);
    expect(validateValue(false, 1)).toHaveLength(1);
  });

  it("throws a BAD_INPUT BatonError for an invalid schema", () => {
    expect(() => validateValue({ type: "strnig" }, "x")).toThrow(/not a valid JSON Schema/);
    expect(schemaProblems({ type: "strnig" })[0]).toMatch(/not a valid JSON Schema/);
    expect(schemaProblems({ type: "string" })).toEqual([]);
  });

  it("formats issues as one line", () => {
    expect(
      formatIssues([
        { path: "/a", message: "is required" },
        { path: "/b", message: "must be string" },
      ]),
    ).toBe("/a is required; /b must be string");
  });
});
