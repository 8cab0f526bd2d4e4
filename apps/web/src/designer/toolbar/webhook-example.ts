import { isSchemaObject, type TJsonSchema } from "@baton/model";

const STRING_FORMATS: Record<string, string> = {
  email: "ada@example.com",
  "date-time": "2026-01-31T09:00:00Z",
  date: "2026-01-31",
  time: "09:00:00Z",
  uri: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

const DEPTH = 6;

const firstOf = (list: unknown): unknown => (Array.isArray(list) ? list[0] : undefined);

/**
 * A value of `schema`'s shape to show in an example call: its example, default, const or
 * first enum value when it has one, else a placeholder per type; objects with their
 * required properties (every one when none is required), lists with one item.
 */
export const sampleInput = (schema: TJsonSchema | undefined, depth = 0): unknown => {
  if (!isSchemaObject(schema) || depth > DEPTH) return {};
  const given = firstOf(schema.examples) ?? schema.default ?? schema.const ?? firstOf(schema.enum);
  if (given !== undefined) return given;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return STRING_FORMATS[String(schema.format)] ?? "text";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    case "array":
      return isSchemaObject(schema.items) ? [sampleInput(schema.items, depth + 1)] : [];
    default: {
      const properties = isSchemaObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : [];
      // the fields a caller must send; all of them when none is required, to show them
      const shown = Object.entries(properties).filter(
        ([name]) => required.length === 0 || required.includes(name),
      );
      return Object.fromEntries(
        shown.map(([name, property]) => [name, sampleInput(property as TJsonSchema, depth + 1)]),
      );
    }
  }
};

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** A curl call that starts a run of `slug` through its webhook, with `body` as the input. */
export const webhookCurl = (url: string, body: unknown): string =>
  [
    `curl -X POST ${shellQuote(url)}`,
    `  -H 'content-type: application/json'`,
    `  -H "authorization: Bearer $BATON_HOOK_TOKEN"`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join(" \\\n");
