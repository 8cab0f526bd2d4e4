import { isSchemaObject, jsonEqual, type TJsonSchemaObject } from "../json-schema.ts";

const typesOf = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((t): t is string => typeof t === "string")
      : [];

/** The types both lists allow, integers counting as numbers. */
const commonTypes = (own: readonly string[], wanted: readonly string[]): string[] => {
  const common = new Set<string>();
  for (const type of wanted) {
    if (own.includes(type)) common.add(type);
    else if (type === "integer" && own.includes("number")) common.add("integer");
    else if (type === "number" && own.includes("integer")) common.add("integer");
  }
  return [...common];
};

const oneOrMany = (types: readonly string[]): unknown => (types.length === 1 ? types[0] : types);

/**
 * A schema that also meets `keywords`: types and listed values keep what both allow,
 * `required` gains the wanted fields, any other keyword takes the wanted value.
 */
export const narrowSchema = (
  schema: boolean | TJsonSchemaObject,
  keywords: TJsonSchemaObject,
): TJsonSchemaObject => {
  const narrowed: Record<string, unknown> = isSchemaObject(schema) ? { ...schema } : {};
  for (const [keyword, wanted] of Object.entries(keywords)) {
    const own = narrowed[keyword];
    if (keyword === "type" && own !== undefined) {
      const common = commonTypes(typesOf(own), typesOf(wanted));
      narrowed.type = oneOrMany(common.length > 0 ? common : typesOf(wanted));
    } else if (keyword === "required" && Array.isArray(own) && Array.isArray(wanted)) {
      narrowed.required = [...new Set([...own, ...wanted])];
    } else if (keyword === "enum" && Array.isArray(wanted)) {
      const kept = Array.isArray(own)
        ? own.filter((value) => wanted.some((w) => jsonEqual(w, value)))
        : [];
      narrowed.enum = kept.length > 0 ? kept : wanted;
      if ("const" in narrowed && !wanted.some((w) => jsonEqual(w, narrowed.const))) {
        delete narrowed.const;
      }
    } else {
      narrowed[keyword] = wanted;
    }
  }
  return narrowed;
};
