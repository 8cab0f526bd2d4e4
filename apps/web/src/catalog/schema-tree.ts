import { offeredForm } from "../lib/offered-form.ts";

/** One line of a schema shown as a type tree. */
export type TTypeNode = {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  /** format, enum, bounds and the like, as short phrases */
  notes: string[];
  children: TTypeNode[];
};

type TSchemaObject = Record<string, unknown>;

const isObject = (value: unknown): value is TSchemaObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const MAX_DEPTH = 8;

const resolveRef = (schema: TSchemaObject, root: TSchemaObject): TSchemaObject => {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    target = isObject(target)
      ? target[part.replaceAll("~1", "/").replaceAll("~0", "~")]
      : undefined;
  }
  return isObject(target) ? { ...target, ...schema, $ref: undefined } : schema;
};

/**
 * An `allOf` of object schemas (OpenAPI's composition of components) read as the one object
 * it describes: every part's fields and required names, the parts' own `$ref`s followed.
 */
const mergeAllOf = (schema: TSchemaObject, root: TSchemaObject, depth = 0): TSchemaObject => {
  if (!Array.isArray(schema.allOf) || depth > MAX_DEPTH) return schema;
  const parts = schema.allOf
    .filter(isObject)
    .map((part) => mergeAllOf(resolveRef(part, root), root, depth + 1));
  const objects = parts.filter((part) => isObject(part.properties) || part.type === "object");
  if (objects.length === 0) return schema;
  const { allOf: _parts, ...rest } = schema;
  const properties: TSchemaObject = {};
  for (const part of [...objects, schema]) {
    for (const [name, field] of Object.entries(isObject(part.properties) ? part.properties : {})) {
      if (!(name in properties)) properties[name] = field;
    }
  }
  return {
    type: "object",
    ...rest,
    properties,
    required: [
      ...new Set(
        [...objects, schema].flatMap((part) => (Array.isArray(part.required) ? part.required : [])),
      ),
    ],
  };
};

const typeName = (schema: TSchemaObject, root: TSchemaObject, depth: number): string => {
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = (schema.oneOf ?? schema.anyOf) as unknown;
  if (Array.isArray(variants) && depth < MAX_DEPTH) {
    return variants
      .map((v) => (isObject(v) ? typeName(resolveRef(v, root), root, depth + 1) : "any"))
      .join(" | ");
  }
  const type = schema.type;
  const types = Array.isArray(type) ? type : typeof type === "string" ? [type] : [];
  if (types.length === 0) return isObject(schema.properties) ? "object" : "any";
  return types
    .map((t) => {
      if (t !== "array") return String(t);
      const items = isObject(schema.items) ? resolveRef(schema.items, root) : undefined;
      return items ? `${typeName(items, root, depth + 1)}[]` : "array";
    })
    .join(" | ");
};

const notesOf = (schema: TSchemaObject): string[] => {
  const notes: string[] = [];
  if (typeof schema.format === "string") notes.push(schema.format);
  if (typeof schema.pattern === "string") notes.push(`pattern ${schema.pattern}`);
  for (const [key, label] of [
    ["minLength", "min length"],
    ["maxLength", "max length"],
    ["minimum", "≥"],
    ["maximum", "≤"],
    ["exclusiveMinimum", ">"],
    ["exclusiveMaximum", "<"],
    ["minItems", "min items"],
    ["maxItems", "max items"],
  ] as const) {
    if (typeof schema[key] === "number") notes.push(`${label} ${schema[key]}`);
  }
  if ("default" in schema) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
};

const childrenOf = (schema: TSchemaObject, root: TSchemaObject, depth: number): TTypeNode[] => {
  if (depth >= MAX_DEPTH) return [];
  const target =
    schema.type === "array" && isObject(schema.items)
      ? mergeAllOf(resolveRef(schema.items, root), root)
      : schema;
  if (!isObject(target.properties)) return [];
  const required = new Set(Array.isArray(target.required) ? target.required : []);
  return Object.entries(target.properties).map(([name, child]) =>
    toNode(name, child, required.has(name), root, depth + 1),
  );
};

const toNode = (
  name: string,
  value: unknown,
  required: boolean,
  root: TSchemaObject,
  depth: number,
): TTypeNode => {
  if (!isObject(value)) {
    return { name, type: value === false ? "never" : "any", required, notes: [], children: [] };
  }
  const offered = offeredForm(resolveRef(value, root));
  const schema = mergeAllOf(isObject(offered.schema) ? offered.schema : value, root);
  return {
    name,
    type: typeName(schema, root, depth),
    required,
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    notes: [
      ...notesOf(schema),
      ...offered.older.map((form) => `also accepts: ${form} (deprecated)`),
    ],
    children: childrenOf(schema, root, depth),
  };
};

/** A JSON Schema as a tree of named, typed fields; `$ref`s into the schema are followed. */
export const toTypeTree = (schema: unknown): TTypeNode =>
  toNode("", schema, true, isObject(schema) ? schema : {}, 0);
