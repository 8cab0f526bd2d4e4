import { isSchemaObject, type TJsonSchema } from "../json-schema.ts";
import { isIndexSegment } from "../reference.ts";
import { type TEditPath, valueAt } from "./quick-fix.ts";

const TUPLE_INDEX = /^\[(0|[1-9][0-9]*)\]$/;

/** The keyword path to the schema of one field or item, in a schema written by hand. */
const step = (schema: TJsonSchema, segment: string): TEditPath | undefined => {
  if (!isSchemaObject(schema) || "$ref" in schema) return undefined;
  const properties = schema.properties;
  if (isSchemaObject(properties) && Object.hasOwn(properties, segment)) {
    return ["properties", segment];
  }
  const index = TUPLE_INDEX.exec(segment)?.[1] ?? (isIndexSegment(segment) ? segment : undefined);
  if (segment !== "[]" && index === undefined) return undefined;
  const prefix = schema.prefixItems;
  if (index !== undefined && Array.isArray(prefix) && Number(index) < prefix.length) {
    return ["prefixItems", Number(index)];
  }
  return "items" in schema ? ["items"] : undefined;
};

/**
 * Where a value's place (field names, `[]` for any item, `[n]` or `n` for one) is declared
 * in a scenario's own schema: the keyword path and the schema there. Undefined when the
 * way there leaves plain `properties`/`items` (a `$ref`, an `anyOf`), which an edit of one
 * place could not narrow alone.
 */
export const schemaPlace = (
  schema: TJsonSchema,
  segments: readonly string[],
): { readonly path: TEditPath; readonly schema: TJsonSchema } | undefined => {
  let path: TEditPath = [];
  let current = schema;
  for (const segment of segments) {
    const next = step(current, segment);
    if (!next) return undefined;
    const found = valueAt(current, next);
    if (typeof found !== "boolean" && !isSchemaObject(found)) return undefined;
    path = [...path, ...next];
    current = found;
  }
  if (isSchemaObject(current) && "$ref" in current) return undefined;
  return { path, schema: current };
};
