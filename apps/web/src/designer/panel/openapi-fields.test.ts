import { fileURLToPath } from "node:url";
import { analyzeScenario, type TCatalog, type TScenario } from "@baton/model";
import { createHttpProvider } from "@baton/providers";
import { beforeAll, describe, expect, it } from "vitest";
import { toCanvas } from "../canvas/to-canvas.ts";
import { describeType, schemaFields } from "../schema/schema-fields.ts";
import { mappingRows } from "./mapping-edit.ts";
import { referenceCandidates } from "./reference-candidates.ts";
import { upstreamSources } from "./upstream-sources.ts";

// A real OpenAPI document whose operations use `components` through `$ref` and `allOf`,
// discovered as the server does: what the designer offers must be what the checker knows.
const document = fileURLToPath(
  new URL("../../../../../packages/providers/test/fixtures/openapi/orders.yaml", import.meta.url),
);

let catalog: TCatalog;

beforeAll(async () => {
  const { functions } = await createHttpProvider().discover({
    name: "orders",
    provider: "http",
    config: { document, baseUrl: "http://127.0.0.1:9" },
  });
  catalog = Object.fromEntries(functions.map((fn) => [fn.ref, fn]));
});

const at = { x: 0, y: 0 };
const scenario: TScenario = {
  format: "baton.scenario/v1",
  slug: "orders",
  name: "Orders",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: at },
    {
      id: "create",
      kind: "function",
      label: "Create order",
      position: at,
      function: "orders/createOrder",
    },
    { id: "notify", kind: "function", label: "Notify", position: at, function: "orders/getOrder" },
    { id: "end", kind: "end", label: "End", position: at },
  ],
  edges: [
    { id: "a", kind: "next", source: "start", target: "create" },
    { id: "b", kind: "next", source: "create", target: "notify" },
    { id: "c", kind: "next", source: "notify", target: "end" },
  ],
};

describe("fields of an OpenAPI function with components", () => {
  it("offers an output made of $ref and allOf components field by field, typed", () => {
    const analysis = analyzeScenario(scenario, catalog);
    const { nodes, edges } = toCanvas(scenario);
    const sources = upstreamSources(
      nodes,
      edges,
      "notify",
      (id) => analysis.outputSchema(id),
      true,
    );
    const types = Object.fromEntries(
      referenceCandidates(sources).map((candidate) => [candidate.ref, candidate.type]),
    );
    expect(types).toMatchObject({
      "steps.create.output": "object",
      "steps.create.output.id": "string (uuid)",
      "steps.create.output.status": '"placed" | "cancelled"',
      "steps.create.output.customerEmail": "string (email)",
      "steps.create.output.lines": "array of object",
      "steps.create.output.total": "object",
      "steps.create.output.total.amountCents": "integer",
      "steps.create.output.total.currency": '"EUR" | "USD"',
      "steps.create.output.parent": "object | null",
      "steps.create.output.parent.id": "string (uuid)",
    });
  });

  it("lists a flat HTTP input's fields, not its deprecated wrapped form", () => {
    const input = catalog["orders/createOrder"]?.inputSchema ?? false;
    expect(schemaFields(input).map((f) => [f.name, f.required])).toEqual([
      ["customerEmail", true],
      ["lines", true],
      ["X-Request-Source", false],
      ["note", false],
    ]);
  });

  it("types the mapping editor's rows of a flat input through its components", () => {
    const rows = mappingRows(catalog["orders/setLine"]?.inputSchema, undefined, new Set());
    expect(rows.map((row) => [row.path, row.schema && describeType(row.schema, row.root)])).toEqual(
      [
        ["orderId", "string (uuid)"],
        ["path_sku", "string"],
        ["sku", "string"],
        ["quantity", "integer"],
      ],
    );
    const create = mappingRows(catalog["orders/createOrder"]?.inputSchema, undefined, new Set());
    const lines = create.find((row) => row.path === "lines");
    expect(lines?.schema && describeType(lines.schema, lines.root)).toBe("array of object");
  });
});
