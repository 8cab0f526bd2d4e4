import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "@baton/model";

export type TSchemaField = {
  readonly name: string;
  readonly schema: TJsonSchema;
  readonly required: boolean;
};

const REF_PREFIX = "#/";

/** Follows a local `$ref` (`#/$defs/Address`) inside `root`; other refs are left as they are. */
export const resolveLocal = (schema: TJsonSchema, root: TJsonSchema): TJsonSchema => {
  let current = schema;
  for (let hops = 0; hops < 16 && isSchemaObject(current); hops++) {
    const ref = current.$ref;
    if (typeof ref !== "string" || !ref.startsWith(REF_PREFIX)) return current;
    let target: unknown = root;
    for (const segment of ref.slice(REF_PREFIX.length).split("/")) {
      target = isSchemaObject(target)
        ? target[decodeURIComponent(segment).replaceAll("~1", "/").replaceAll("~0", "~")]
        : undefined;
    }
    if (typeof target !== "boolean" && !isSchemaObject(target)) return current;
    current = target;
  }
  return current;
};

const variants = (schema: TJsonSchemaObject): readonly unknown[] =>
  [schema.anyOf, schema.oneOf].find(Array.isArray) ?? [];

/** The object inside a schema, looking through `$ref` and a nullable `anyOf`/`oneOf`. */
export const objectSchemaOf = (
  schema: TJsonSchema,
  root: TJsonSchema = schema,
): TJsonSchemaObject | undefined => {
  const resolved = resolveLocal(schema, root);
  if (!isSchemaObject(resolved)) return undefined;
  if (isSchemaObject(resolved.properties)) return resolved;
  const objects = variants(resolved)
    .filter((v): v is TJsonSchema => typeof v === "boolean" || isSchemaObject(v))
    .map((v) => objectSchemaOf(v, root))
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
    return [
      ...new Set(
        alternatives
          .filter((v): v is TJsonSchema => typeof v === "boolean" || isSchemaObject(v))
          .map((v) => describeType(v, root, depth + 1)),
      ),
    ].join(" | ");
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
  if (isSchemaObject(resolved.properties)) return "object";
  return "any";
};
