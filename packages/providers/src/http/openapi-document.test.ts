import { readFileSync } from "node:fs";
import { validateValue } from "@baton/model";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readOpenApi } from "./openapi-document.ts";

const orders = parse(
  readFileSync(new URL("../../test/fixtures/openapi/orders.yaml", import.meta.url), "utf8"),
) as unknown;

const reading = readOpenApi(orders, "http://127.0.0.1:9999/openapi.yaml");
const operation = (name: string) => {
  const found = reading.operations.find((op) => op.name === name);
  if (!found) throw new Error(`${name} missing`);
  return found;
};

describe("readOpenApi", () => {
  it("turns every operation into a function, naming unnamed ones from method and path", () => {
    expect(reading.fatal).toEqual([]);
    expect(reading.problems).toEqual([]);
    expect(reading.operations.map((op) => op.name)).toEqual([
      "getOrder",
      "createOrder",
      "setLine",
      "createOrders",
      "cancelOrder",
      "get_health",
    ]);
    expect(operation("getOrder")).toMatchObject({
      description: "Fetch one order",
      tags: ["orders"],
    });
  });

  it("takes parameters and the fields of a component body flat, and the output from the 2xx response", () => {
    const [flat, wrapped] = (operation("createOrder").inputSchema as { anyOf: object[] }).anyOf;
    expect(flat).toMatchObject({
      type: "object",
      required: ["customerEmail", "lines"],
      properties: {
        "X-Request-Source": { type: "string" },
        customerEmail: { type: "string", format: "email" },
        note: { type: ["string", "null"] },
        lines: { type: "array", items: { $ref: "#/$defs/Line" } },
      },
    });
    expect(wrapped).toMatchObject({
      deprecated: true,
      required: ["body"],
      additionalProperties: false,
      properties: { "X-Request-Source": { type: "string" }, body: { $ref: "#/$defs/NewOrder" } },
    });
    expect(operation("createOrder").locator).toMatchObject({
      parameters: [{ name: "X-Request-Source", in: "header", explode: false }],
      body: { mediaType: "application/json", fields: ["customerEmail", "note", "lines"] },
    });
    expect(operation("getOrder").inputSchema).toMatchObject({ required: ["orderId"] });
    expect(operation("cancelOrder").outputSchema).toEqual({ type: "null" });
    expect(operation("get_health").outputSchema).toEqual({ type: "string" });
  });

  it("accepts the flat input and the older wrapped form, and refuses a flat input missing a body field", () => {
    const schema = operation("createOrder").inputSchema;
    const fields = { customerEmail: "ada@example.com", lines: [{ sku: "MUG-001", quantity: 2 }] };
    expect(validateValue(schema, { "X-Request-Source": "web", ...fields })).toEqual([]);
    expect(validateValue(schema, { "X-Request-Source": "web", body: fields })).toEqual([]);
    expect(validateValue(schema, { customerEmail: "ada@example.com" })).not.toEqual([]);
  });

  it("gives a parameter named like a body field its place as a prefix, and keeps a list body whole", () => {
    const setLine = operation("setLine");
    const [flat] = (setLine.inputSchema as { anyOf: object[] }).anyOf;
    expect(flat).toMatchObject({
      required: ["orderId", "path_sku", "sku", "quantity"],
      properties: { path_sku: { type: "string" }, sku: { type: "string" } },
    });
    expect(setLine.locator.parameters).toEqual([
      { name: "orderId", in: "path", explode: false },
      { name: "sku", in: "path", explode: false, field: "path_sku" },
    ]);
    expect(operation("createOrders").inputSchema).toMatchObject({
      type: "object",
      required: ["body"],
      additionalProperties: false,
      properties: { body: { type: "array", items: { $ref: "#/$defs/NewOrder" } } },
    });
    expect(operation("createOrders").locator.body).toEqual({ mediaType: "application/json" });
  });

  it("carries the referenced components as $defs and rewrites OpenAPI 3.0 keywords", () => {
    const output = operation("getOrder").outputSchema as { $defs: Record<string, unknown> };
    expect(Object.keys(output.$defs)).toEqual(["Line", "Money", "NewOrder", "Order"]);
    expect(output.$defs.Money).toMatchObject({
      properties: { amountCents: { type: "integer", exclusiveMinimum: 0 } },
    });
    expect(output.$defs.NewOrder).toMatchObject({
      properties: { note: { type: ["string", "null"], examples: ["leave at the door"] } },
    });
    const order = {
      id: "0b6a3a8e-1f0c-4d2a-9c1e-2f3a4b5c6d7e",
      customerEmail: "ada@example.com",
      note: null,
      lines: [{ sku: "MUG-001", quantity: 1 }],
      status: "placed",
      total: { amountCents: 1450, currency: "EUR" },
      parent: null,
    };
    expect(validateValue(output, order)).toEqual([]);
    expect(validateValue(output, { ...order, total: { amountCents: 0, currency: "EUR" } })).toEqual(
      [{ path: "/total/amountCents", message: "must be > 0" }],
    );
  });

  it("records how to build the request", () => {
    expect(operation("getOrder").locator).toEqual({
      method: "GET",
      path: "/orders/{orderId}",
      serverUrl: "http://127.0.0.1:9999/api/v1",
      parameters: [
        { name: "orderId", in: "path", explode: false },
        { name: "expand", in: "query", explode: true },
      ],
      body: null,
      response: "json",
      auth: [[{ scheme: "apiKey", type: "apiKey", in: "header", param: "X-API-Key" }]],
    });
    expect(operation("get_health").locator.auth).toEqual([]);
  });

  it("refuses documents that are not OpenAPI 3", () => {
    expect(readOpenApi("nope").fatal).toEqual(["the document is not an object"]);
    expect(readOpenApi({ swagger: "2.0", paths: {} }).fatal).toEqual([
      "Swagger 2.0 is not supported; convert it to OpenAPI 3",
    ]);
    expect(readOpenApi({ openapi: "4.0.0" }).fatal).toEqual([
      '"openapi" must be a 3.0.x or 3.1.x version, found "4.0.0"',
      '"paths" is missing or not an object',
    ]);
  });

  it("lists what is wrong with single operations and keeps the rest", () => {
    const broken = readOpenApi({
      openapi: "3.1.0",
      paths: {
        "/a/{id}": {
          get: { operationId: "undeclared", responses: { "200": { description: "ok" } } },
        },
        "/b": {
          get: {
            operationId: "ok",
            security: [{ missing: [] }],
            responses: {
              "200": {
                content: { "application/json": { schema: { $ref: "#/components/schemas/Nope" } } },
              },
            },
          },
          post: {
            operationId: "upload",
            requestBody: { content: { "multipart/form-data": { schema: { type: "object" } } } },
          },
          put: { operationId: "ok", responses: {} },
          delete: {
            parameters: [{ $ref: "#/components/parameters/Gone" }],
            responses: { "204": {} },
          },
        },
      },
    });
    expect(broken.fatal).toEqual([]);
    expect(broken.operations.map((op) => op.name)).toEqual(["ok", "delete_b"]);
    expect(broken.problems).toEqual([
      "GET /a/{id}: skipped, path parameter {id} is not declared",
      'GET /b: security scheme "missing" is not defined',
      "PUT /b: declares no success response; its output is treated as any JSON",
      'PUT /b: skipped, a second operation is named "ok"',
      "POST /b: skipped, its request body is multipart/form-data; only JSON and form bodies are supported",
      "DELETE /b: reference #/components/parameters/Gone points to nothing",
      "#/components/schemas/Nope is referenced but not defined",
    ]);
  });
});
