import { describe, expect, it } from "vitest";
import { asJson, parseJsonText, schemaIssues } from "./schema-validator.ts";

const createUserInput = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    name: { type: "string", minLength: 1 },
    email: { type: "string", format: "email" },
  },
  required: ["name", "email"],
  additionalProperties: false,
};

describe("schemaIssues", () => {
  it("accepts a value that fits a draft 2020-12 schema", () => {
    expect(schemaIssues(createUserInput, { name: "Ada", email: "ada@example.com" })).toEqual([]);
  });

  it("says where and how a value breaks the schema, formats included", () => {
    const issues = schemaIssues(createUserInput, { name: "", email: "not-an-email", x: 1 });
    expect(issues).toEqual([
      { path: "/x", message: "is not allowed" },
      { path: "/name", message: "must NOT have fewer than 1 characters" },
      { path: "/email", message: 'must match format "email"' },
    ]);
  });
});

describe("parseJsonText", () => {
  it("reads JSON or explains why not", () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText("{a: 1}").ok).toBe(false);
  });
});

describe("asJson", () => {
  it("drops what JSON cannot hold and turns no data into an empty object", () => {
    expect(asJson({ note: undefined, n: 1 })).toEqual({ n: 1 });
    expect(asJson(undefined)).toEqual({});
  });
});
