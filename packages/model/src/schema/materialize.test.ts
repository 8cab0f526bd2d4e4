import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { materialize } from "./materialize.ts";
import { childOf } from "./navigate.ts";
import { schemaNode, type TSchemaNode } from "./node.ts";

const tree = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $defs: {
    node: {
      type: "object",
      properties: {
        value: { type: "integer" },
        children: { type: "array", items: { $ref: "#/$defs/node" } },
      },
    },
  },
  type: "object",
  properties: { root: { $ref: "#/$defs/node" } },
};

describe("materialize", () => {
  it("inlines parts of documents without references", () => {
    const node = childOf(schemaNode({ type: "object", properties: { a: { type: "string" } } }), "a")
      ?.node as TSchemaNode;
    expect(materialize(node)).toEqual({ type: "string" });
  });

  it("bundles parts of documents with references so they keep resolving", () => {
    const root = childOf(schemaNode(tree), "root")?.node as TSchemaNode;
    const combined: TSchemaNode = {
      kind: "object",
      closed: true,
      fields: new Map([
        ["tree", { node: root, required: true }],
        ["again", { node: root, required: false }],
      ]),
    };
    const schema = materialize(combined);
    const validate = new Ajv2020().compile(schema as object);
    expect(validate({ tree: { value: 1, children: [{ value: 2 }] } })).toBe(true);
    expect(validate({ tree: { value: 1, children: [{ value: 2.5 }] } })).toBe(false);
    expect(Object.keys((schema as { $defs: object }).$defs)).toEqual(["baton0"]);
  });
});
