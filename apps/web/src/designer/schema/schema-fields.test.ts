import { describe, expect, it } from "vitest";
import { describeType, objectSchemaOf, schemaFields } from "./schema-fields.ts";

const user = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    phone: { type: ["string", "null"] },
    address: { anyOf: [{ $ref: "#/$defs/Address" }, { type: "null" }] },
    status: { enum: ["pending_verification"] },
    tags: { type: "array", items: { type: "string" } },
  },
  required: ["id", "address"],
  $defs: {
    Address: {
      type: "object",
      properties: { city: { type: "string" }, country: { type: "string" } },
      required: ["city"],
    },
  },
};

describe("schema fields", () => {
  it("lists required fields first", () => {
    expect(schemaFields(user).map((f) => [f.name, f.required])).toEqual([
      ["id", true],
      ["address", true],
      ["phone", false],
      ["status", false],
      ["tags", false],
    ]);
  });

  it("looks through $ref and nullable unions for nested fields", () => {
    const address = schemaFields(user).find((f) => f.name === "address")!;
    expect(schemaFields(address.schema, user).map((f) => f.name)).toEqual(["city", "country"]);
    expect(objectSchemaOf({ type: "string" })).toBeUndefined();
  });

  it("describes types briefly", () => {
    const types = Object.fromEntries(
      schemaFields(user).map((f) => [f.name, describeType(f.schema, user)]),
    );
    expect(types).toEqual({
      id: "string (uuid)",
      phone: "string | null",
      address: "object | null",
      status: '"pending_verification"',
      tags: "array of string",
    });
    expect(describeType(true)).toBe("any");
  });

  it("merges the fields of allOf parts and leaves deprecated alternatives out", () => {
    const pet = {
      allOf: [
        { $ref: "#/$defs/Named" },
        { type: "object", required: ["kind"], properties: { kind: { type: "string" } } },
      ],
      $defs: {
        Named: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      },
    };
    expect(schemaFields(pet).map((f) => [f.name, f.required])).toEqual([
      ["name", true],
      ["kind", true],
    ]);
    expect(describeType(pet)).toBe("object");
    const input = {
      anyOf: [
        { type: "object", properties: { a: { type: "string" } } },
        { type: "object", deprecated: true, properties: { body: { type: "object" } } },
      ],
    };
    expect(schemaFields(input).map((f) => f.name)).toEqual(["a"]);
    expect(describeType(input)).toBe("object");
  });
});
