import {
  dereference,
  isSchemaObject,
  type TJsonSchema,
  type TJsonSchemaObject,
} from "@baton/model";

export type TSchemaField = {
  readonly name: string;
  readonly schema: TJsonSchema;
  readonly required: boolean;
};

/**
 * Follows `$ref`s inside `root` as the checker does (`$defs`, `$id`s, the bundled documents
 * of a step's output); a reference that points nowhere is left as it is.
 */
export const resolveLocal = (schema: TJsonSchema, root: TJsonSchema): TJsonSchema =>
  dereference(schema, root);

const isSchema = (value: unknown): value is TJsonSchema =>
  typeof value === "boolean" || isSchemaObject(value);

/** Alternatives a value may take; deprecated ones are accepted but not offered. */
const variants = (schema: TJsonSchemaObject): TJsonSchema[] =>
  ([schema.anyOf, schema.oneOf].find(Array.isArray) ?? [])
    .filter(isSchema)
    .filter((v) => !(isSchemaObject(v) && v.deprecated === true));

/** The fields of every part of an `allOf`, as one object (the first part naming a field wins). */
const mergeParts = (parts: readonly TJsonSchemaObject[]): TJsonSchemaObject => {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const part of parts) {
    for (const [name, field] of Object.entries(part.properties as Record<string, unknown>)) {
      if (!(name in properties)) properties[name] = field;
    }
    if (Array.isArray(part.required)) {
      for (const name of part.required) if (typeof name === "string") required.add(name);
    }
  }
  return { type: "object", properties, required: [...required] };
};

/**
 * The object inside a schema, looking through `$ref`, `allOf` parts, and an `anyOf`/`oneOf`
 * with one object among its offered alternatives (a nullable object, or a flat input
 * beside its deprecated older form).
 */
export const objectSchemaOf = (
  schema: TJsonSchema,
  root: TJsonSchema = schema,
  depth = 0,
): TJsonSchemaObject | undefined => {
  const resolved = resolveLocal(schema, root);
  if (!isSchemaObject(resolved) || depth > 8) return undefined;
  const own = isSchemaObject(resolved.properties) ? [resolved] : [];
  const parts = (Array.isArray(resolved.allOf) ? resolved.allOf : [])
    .filter(isSchema)
    .map((part) => objectSchemaOf(part, root, depth + 1))
    .filter((part) => part !== undefined);
  if (parts.length > 0) return mergeParts([...own, ...parts]);
  if (own.length > 0) return resolved;
  const objects = variants(resolved)
    .map((v) => objectSchemaOf(v, root, depth + 1))
    .filter((v) => v !== undefined);
  return objects.length === 1 ? objects[0] : undefined;
};

/** The named fields of an object schema, required ones first, each in declaration order. */
export const schemaFields = (schema: TJsonSchema, root: TJsonSchema = schema): TSchemaField[] => {
  const object = objectSchemaOf(schema, root);
  if (!object || !isSchemaObject(object.properties)) return [];
  const required = new Set(
    Array.isArray(object.required) ? object.required.filter((r) => typeof r === "string") : [],
  );
  const fields = Object.entries(object.properties).map(([name, field]) => ({
    name,
    schema: (typeof field === "boolean" || isSchemaObject(field) ? field : true) as TJsonSchema,
    required: required.has(name),
  }));
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
};

const typeNames = (schema: TJsonSchemaObject): string[] => {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t) => typeof t === "string");
  return [];
};

/** A short type for a field list: `string (email)`, `integer`, `object`, `string | null`, `array of object`. */
export const describeType = (
  schema: TJsonSchema,
  root: TJsonSchema = schema,
  depth = 0,
): string => {
  const resolved = resolveLocal(schema, root);
  if (resolved === true) return "any";
  if (resolved === false) return "nothing";
  if (!isSchemaObject(resolved)) return "any";
  if ("const" in resolved) return JSON.stringify(resolved.const);
  if (Array.isArray(resolved.enum)) {
    const values = resolved.enum.map((v) => JSON.stringify(v));
    return values.length <= 3 ? values.join(" | ") : `one of ${values.length} values`;
  }
  const alternatives = variants(resolved);
  if (alternatives.length > 0 && depth < 3) {
    return [...new Set(alternatives.map((v) => describeType(v, root, depth + 1)))].join(" | ");
  }
  const types = typeNames(resolved);
  const main = types.map((type) => {
    if (type === "string" && typeof resolved.format === "string")
      return `string (${resolved.format})`;
    if (type === "array" && depth < 3) {
      const items = resolved.items;
      return typeof items === "boolean" || isSchemaObject(items)
        ? `array of ${describeType(items, root, depth + 1)}`
        : "array";
    }
    return type;
  });
  if (main.length > 0) return main.join(" | ");
  return objectSchemaOf(resolved, root) ? "object" : "any";
};
