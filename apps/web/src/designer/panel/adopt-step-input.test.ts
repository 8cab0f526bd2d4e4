import { describe, expect, it } from "vitest";
import { describeType, schemaFields } from "../schema/schema-fields.ts";
import { adoptStepInput } from "./adopt-step-input.ts";

// An HTTP function's input as discovery writes it: flat fields typed through $defs,
// beside the deprecated older form with the body under `body`.
const createOrder = {
  anyOf: [
    {
      type: "object",
      properties: {
        customerEmail: { type: "string", format: "email" },
        lines: { type: "array", items: { $ref: "#/$defs/Line" } },
        total: { $ref: "#/$defs/Money" },
      },
      required: ["customerEmail", "lines"],
    },
    {
      type: "object",
      deprecated: true,
      properties: { body: { $ref: "#/$defs/NewOrder" } },
      required: ["body"],
    },
  ],
  $defs: {
    Line: {
      type: "object",
      properties: { sku: { type: "string" }, unit: { $ref: "#/$defs/Money" } },
    },
    Money: { type: "object", properties: { cents: { type: "integer" } } },
    NewOrder: { type: "object" },
  },
};

describe("taking the input of a step", () => {
  it("adds the step's fields with their types, never a body of any", () => {
    const { schema, added, kept } = adoptStepInput(undefined, createOrder);
    expect(added).toEqual(["customerEmail", "lines", "total"]);
    expect(kept).toEqual([]);
    expect(
      schemaFields(schema).map((f) => [f.name, f.required, describeType(f.schema, schema)]),
    ).toEqual([
      ["customerEmail", true, "string (email)"],
      ["lines", true, "array of object"],
      ["total", false, "object"],
    ]);
    expect(Object.keys(schema.$defs as object)).toEqual(["Line", "Money"]);
  });

  it("takes a closed input as closed into a start without fields, and keeps a start's own", () => {
    const closed = {
      type: "object",
      properties: { a: { type: "string" } },
      additionalProperties: false,
    };
    const empty = { type: "object", properties: {}, additionalProperties: true };
    expect(adoptStepInput(empty, closed).schema).toMatchObject({ additionalProperties: false });
    const open = {
      type: "object",
      properties: { b: { type: "string" } },
      additionalProperties: true,
    };
    expect(adoptStepInput(open, closed).schema).toMatchObject({ additionalProperties: true });
  });

  it("keeps the fields the start already has, and their mappings' types", () => {
    const start = {
      type: "object",
      properties: { customerEmail: { type: "string" }, customerId: { type: "string" } },
      required: ["customerId"],
    };
    const { schema, added, kept } = adoptStepInput(start, createOrder);
    expect(kept).toEqual(["customerEmail"]);
    expect(added).toEqual(["lines", "total"]);
    expect(schema.properties).toMatchObject({
      customerEmail: { type: "string" },
      customerId: { type: "string" },
    });
    expect(schema.required).toEqual(["customerId", "lines"]);
  });

  it("renames a definition the start already has differently, and reuses an equal one", () => {
    const start = (money: object) => ({
      type: "object",
      properties: { price: { $ref: "#/$defs/Money" } },
      $defs: { Money: money },
    });
    const { schema } = adoptStepInput(start({ type: "string" }), createOrder);
    expect(Object.keys(schema.$defs as object)).toEqual(["Money", "Line", "Money_2"]);
    expect(schema.properties).toMatchObject({
      price: { $ref: "#/$defs/Money" },
      total: { $ref: "#/$defs/Money_2" },
    });
    expect((schema.$defs as Record<string, object>).Line).toMatchObject({
      properties: { unit: { $ref: "#/$defs/Money_2" } },
    });
    const same = adoptStepInput(start(createOrder.$defs.Money), createOrder).schema;
    expect(Object.keys(same.$defs as object)).toEqual(["Money", "Line"]);
    expect(same.properties).toMatchObject({ total: { $ref: "#/$defs/Money" } });
  });
});
