import { describe, expect, it } from "vitest";
import { toTypeTree } from "./schema-tree.ts";

describe("toTypeTree", () => {
  it("shows objects as named, typed fields with what constrains them", () => {
    const tree = toTypeTree({
      type: "object",
      properties: {
        email: { type: "string", format: "email", description: "Where to write" },
        age: { type: ["integer", "null"], minimum: 0 },
        tags: { type: "array", items: { type: "string" } },
        plan: { enum: ["free", "pro"] },
      },
      required: ["email"],
    });
    expect(tree.type).toBe("object");
    expect(tree.children).toEqual([
      {
        name: "email",
        type: "string",
        required: true,
        description: "Where to write",
        notes: ["email"],
        children: [],
      },
      { name: "age", type: "integer | null", required: false, notes: ["≥ 0"], children: [] },
      { name: "tags", type: "string[]", required: false, notes: [], children: [] },
      { name: "plan", type: '"free" | "pro"', required: false, notes: [], children: [] },
    ]);
  });

  it("follows $refs into $defs and opens arrays of objects", () => {
    const tree = toTypeTree({
      type: "object",
      properties: { items: { type: "array", items: { $ref: "#/$defs/Item" } } },
      $defs: {
        Item: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"] },
      },
    });
    const items = tree.children[0]!;
    expect(items.type).toBe("object[]");
    expect(items.children.map((c) => [c.name, c.type, c.required])).toEqual([
      ["sku", "string", true],
    ]);
  });

  it("calls a schema that says nothing 'any'", () => {
    expect(toTypeTree({})).toMatchObject({ type: "any", children: [] });
    expect(toTypeTree(true)).toMatchObject({ type: "any" });
  });
});

describe("an input that offers one form and accepts a deprecated one", () => {
  it("shows the offered form's fields and notes the older form", () => {
    const tree = toTypeTree({
      anyOf: [
        {
          title: "Parameters and body fields",
          type: "object",
          properties: {
            orderId: { type: "string" },
            lines: { type: "array", items: { $ref: "#/$defs/Line" } },
          },
          required: ["orderId"],
        },
        {
          title: "Older form with the body under `body`",
          deprecated: true,
          type: "object",
          properties: { orderId: { type: "string" }, body: { type: "object" } },
        },
      ],
      $defs: { Line: { type: "object", properties: { sku: { type: "string" } } } },
    });
    expect(tree.type).toBe("object");
    expect(tree.notes).toEqual([
      "also accepts: Older form with the body under `body` (deprecated)",
    ]);
    expect(tree.children.map((c) => [c.name, c.type])).toEqual([
      ["orderId", "string"],
      ["lines", "object[]"],
    ]);
  });
});

describe("an output composed of components", () => {
  it("reads an allOf of $refs as one object with every part's fields", () => {
    const tree = toTypeTree({
      $ref: "#/$defs/Quote",
      $defs: {
        Request: {
          type: "object",
          required: ["customerId"],
          properties: { customerId: { type: "string" } },
        },
        Money: { type: "object", properties: { amountCents: { type: "integer" } } },
        Quote: {
          allOf: [
            { $ref: "#/$defs/Request" },
            {
              type: "object",
              required: ["total"],
              properties: { total: { $ref: "#/$defs/Money" } },
            },
          ],
        },
      },
    });
    expect(tree.type).toBe("object");
    expect(tree.children.map((c) => [c.name, c.type, c.required])).toEqual([
      ["customerId", "string", true],
      ["total", "object", true],
    ]);
    expect(tree.children[1]?.children.map((c) => c.name)).toEqual(["amountCents"]);
  });
});
