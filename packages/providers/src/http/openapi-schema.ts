import type { JsonSchema } from "../types.ts";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const componentRef = /^#\/components\/schemas\/(.+)$/;

// Keywords whose value is one schema, or a list or map of schemas.
const oneSchema = [
  "items",
  "additionalProperties",
  "not",
  "contains",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
];
const schemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
const schemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];
// OpenAPI-only annotations that mean nothing to a JSON Schema validator.
const dropped = ["nullable", "example", "xml", "externalDocs", "discriminator"];

/**
 * Turns OpenAPI schemas into self-contained JSON Schema 2020-12: component references
 * become `$defs`, and 3.0's dialect (`nullable`, boolean `exclusiveMinimum`, `example`)
 * is rewritten to its 2020-12 meaning.
 */
export function createSchemaConverter(components: Node, openapi30: boolean) {
  const converted = new Map<string, JsonSchema>();
  const problems = new Set<string>();

  function convertComponent(name: string): void {
    if (converted.has(name)) return;
    const source = components[name];
    // A placeholder first, so a schema that refers to itself terminates.
    converted.set(name, {});
    if (source === undefined) {
      problems.add(`#/components/schemas/${name} is referenced but not defined`);
      return;
    }
    converted.set(name, convert(source));
  }

  function convert(schema: unknown): JsonSchema {
    if (typeof schema === "boolean") return schema;
    if (!isNode(schema)) return {};
    const out: Node = {};
    for (const [key, value] of Object.entries(schema)) {
      if (dropped.includes(key)) continue;
      if (key === "$ref" && typeof value === "string") {
        const match = componentRef.exec(value);
        if (match?.[1]) {
          const name = decodeURIComponent(match[1]).replaceAll("~1", "/").replaceAll("~0", "~");
          convertComponent(name);
          out.$ref = `#/$defs/${encodePointer(name)}`;
        } else {
          problems.add(`reference ${value} is not supported (only #/components/schemas/…)`);
        }
      } else if (oneSchema.includes(key) && (isNode(value) || typeof value === "boolean")) {
        out[key] = convert(value);
      } else if (schemaLists.includes(key) && Array.isArray(value)) {
        out[key] = value.map(convert);
      } else if (schemaMaps.includes(key) && isNode(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
      } else {
        out[key] = value;
      }
    }
    if (openapi30) rewrite30(schema, out);
    else if (schema.example !== undefined && out.examples === undefined) {
      out.examples = [schema.example];
    }
    return out;
  }

  /** The schema with the `$defs` it needs, transitively. */
  function standalone(schema: JsonSchema): JsonSchema {
    if (typeof schema === "boolean") return schema;
    const needed = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (isNode(value)) {
        for (const [key, inner] of Object.entries(value)) {
          if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")) {
            const name = decodePointer(inner.slice("#/$defs/".length));
            if (!needed.has(name)) {
              needed.add(name);
              visit(converted.get(name));
            }
          } else visit(inner);
        }
      }
    };
    visit(schema);
    if (needed.size === 0) return schema;
    const defs = Object.fromEntries(
      [...needed].sort().map((name) => [name, converted.get(name) ?? {}]),
    );
    return { ...schema, $defs: defs };
  }

  /** The converted component a `#/$defs/…` reference (as `convert` writes them) names. */
  function definition(ref: string): JsonSchema | undefined {
    return ref.startsWith("#/$defs/")
      ? converted.get(decodePointer(ref.slice("#/$defs/".length)))
      : undefined;
  }

  return { convert, standalone, definition, problems: () => [...problems] };
}

function rewrite30(source: Node, out: Node): void {
  if (source.example !== undefined) out.examples = [source.example];
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (source[flag] === true && typeof source[bound] === "number") {
      out[flag] = source[bound];
      delete out[bound];
    } else if (source[flag] === false) {
      delete out[flag];
    }
  }
  if (source.nullable !== true) return;
  if (typeof out.type === "string") out.type = [out.type, "null"];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.type === undefined && (out.allOf || out.anyOf || out.oneOf || out.$ref)) {
    const inner = { ...out };
    for (const key of Object.keys(out)) delete out[key];
    out.anyOf = [inner, { type: "null" }];
  }
}

const encodePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");
const decodePointer = (segment: string) => segment.replaceAll("~1", "/").replaceAll("~0", "~");
