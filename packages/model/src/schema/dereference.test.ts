import { describe, expect, it } from "vitest";
import { nodeOutputSchema } from "../check/check-scenario.ts";
import type { TJsonSchema } from "../json-schema.ts";
import { dereference } from "./dereference.ts";

const order = {
  $ref: "#/$defs/Order",
  $defs: {
    Order: {
      type: "object",
      properties: { total: { $ref: "#/$defs/Money" } },
    },
    Money: { type: "object", properties: { cents: { type: "integer" } } },
  },
};

describe("dereference", () => {
  it("follows local references through $defs", () => {
    const found = dereference(order, order);
    expect(found).toBe(order.$defs.Order);
    expect(dereference(order.$defs.Order.properties.total, order)).toBe(order.$defs.Money);
  });

  it("follows the references of a schema the checker bundled from a function's output", () => {
    const bundled = nodeOutputSchema(
      {
        format: "baton.scenario/v1",
        slug: "s",
        name: "S",
        nodes: [
          { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
          {
            id: "get",
            kind: "function",
            label: "Get",
            position: { x: 0, y: 0 },
            function: "c/get",
          },
          { id: "end", kind: "end", label: "End", position: { x: 0, y: 0 } },
        ],
        edges: [
          { id: "a", kind: "next", source: "start", target: "get" },
          { id: "b", kind: "next", source: "get", target: "end" },
        ],
      },
      { "c/get": { ref: "c/get", name: "get", inputSchema: {}, outputSchema: order } },
      "get",
    );
    expect(bundled).toMatchObject({ $ref: expect.stringMatching(/^urn:baton:schema:/) });
    const found = dereference(bundled ?? false, bundled ?? false);
    expect(found).toMatchObject({
      type: "object",
      properties: { total: { $ref: "#/$defs/Money" } },
    });
    const total = (found as { properties: { total: TJsonSchema } }).properties.total;
    expect(dereference(total, bundled ?? false)).toEqual(order.$defs.Money);
  });

  it("gives back a schema whose reference points nowhere", () => {
    const broken = { $ref: "#/$defs/Nope" };
    expect(dereference(broken, broken)).toBe(broken);
    expect(dereference(true, true)).toBe(true);
  });
});
