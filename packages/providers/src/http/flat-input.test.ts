import { validateValue } from "@baton/model";
import { describe, expect, it } from "vitest";
import { readOpenApi } from "./openapi-document.ts";

/** One POST operation with these parameters and this request body, in a 3.1 document. */
const post = (
  requestBody: unknown,
  parameters: unknown[] = [],
  schemas: Record<string, unknown> = {},
) => {
  const reading = readOpenApi({
    openapi: "3.1.0",
    paths: {
      "/things/{id}": {
        post: {
          operationId: "op",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            ...parameters,
          ],
          requestBody,
          responses: { "204": { description: "done" } },
        },
      },
    },
    components: { schemas },
  });
  return { reading, operation: reading.operations[0] };
};

/** The operation's input schema and locator; the operation must have been read. */
const shaped = (...args: Parameters<typeof post>) => {
  const { operation } = post(...args);
  if (!operation) throw new Error("the operation was skipped");
  return operation;
};

const flatForm = (schema: unknown) => (schema as { anyOf: unknown[] }).anyOf[0];

const json = (schema: unknown, required = true) => ({
  required,
  content: { "application/json": { schema } },
});

describe("flat inputs of HTTP operations", () => {
  it("merges the fields of an allOf of components, required ones from every part", () => {
    const operation = shaped(json({ $ref: "#/components/schemas/Pet" }), [], {
      Named: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      Pet: {
        allOf: [
          { $ref: "#/components/schemas/Named" },
          { type: "object", required: ["kind"], properties: { kind: { enum: ["cat", "dog"] } } },
        ],
      },
    });
    const flat = flatForm(operation.inputSchema);
    expect(flat).toMatchObject({
      required: ["id", "name", "kind"],
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        kind: { enum: ["cat", "dog"] },
      },
    });
    expect(operation.locator.body).toEqual({
      mediaType: "application/json",
      fields: ["name", "kind"],
    });
  });

  it("makes every body field optional when the body is", () => {
    const operation = shaped(
      json({ type: "object", required: ["note"], properties: { note: { type: "string" } } }, false),
    );
    const flat = flatForm(operation.inputSchema);
    expect(flat).toMatchObject({ required: ["id"] });
    expect(validateValue(operation.inputSchema, { id: "1" })).toEqual([]);
  });

  it("keeps the closedness of a single object body", () => {
    const operation = shaped(
      json({
        type: "object",
        properties: { note: { type: "string" } },
        additionalProperties: false,
      }),
    );
    const schema = operation.inputSchema;
    expect(validateValue(schema, { id: "1", note: "x" })).toEqual([]);
    expect(validateValue(schema, { id: "1", nope: "x" })).not.toEqual([]);
  });

  it.each([
    ["a choice of shapes", { oneOf: [{ type: "object" }, { type: "string" }] }],
    ["a nullable object", { type: ["object", "null"], properties: { a: { type: "string" } } }],
    ["an object with a bound on its size", { type: "object", minProperties: 1 }],
    ["a string", { type: "string" }],
  ])("keeps %s whole under body", (_, schema) => {
    const operation = shaped(json(schema));
    expect(operation.inputSchema).toMatchObject({
      type: "object",
      required: ["id", "body"],
      properties: { body: schema },
      additionalProperties: false,
    });
    expect(operation.locator.body).toEqual({ mediaType: "application/json" });
  });

  it("prefixes parameters that share a name, and offers no older form they never had", () => {
    const operation = shaped(json({ type: "object", properties: { note: { type: "string" } } }), [
      { name: "id", in: "query", schema: { type: "integer" } },
    ]);
    expect(operation.inputSchema).toMatchObject({
      title: "Parameters and body fields",
      required: ["path_id"],
      properties: { path_id: { type: "string" }, query_id: { type: "integer" } },
    });
    expect(operation.locator.parameters.map((p) => p.field)).toEqual(["path_id", "query_id"]);
  });

  it("skips an operation whose prefixed parameter is also a body field, saying why", () => {
    const { operation, reading } = post(
      json({ type: "object", properties: { id: { type: "string" }, path_id: { type: "string" } } }),
    );
    expect(operation).toBeUndefined();
    expect(reading.problems).toEqual([
      'POST /things/{id}: skipped, parameter "id" clashes with another input field',
    ]);
  });
});
