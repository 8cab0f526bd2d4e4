import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "@baton/model";

/** The base types whose keywords the constraint editor knows. */
export type TBaseType = "string" | "number" | "integer" | "boolean" | "array" | "object";

const BASE_TYPES: readonly TBaseType[] = [
  "string",
  "number",
  "integer",
  "boolean",
  "array",
  "object",
];

/** Keywords the constraint editor edits, and so the type picker looks past. */
export const CONSTRAINT_KEYWORDS: ReadonlySet<string> = new Set([
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "items",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "maxProperties",
]);

/** Formats the check reasons about for strings (Ajv's full formats), most used first. */
export const STRING_FORMATS = [
  "email",
  "uri",
  "url",
  "uuid",
  "date-time",
  "date",
  "time",
  "duration",
  "hostname",
  "ipv4",
  "ipv6",
  "idn-email",
  "idn-hostname",
  "iri",
  "uri-reference",
  "iri-reference",
  "uri-template",
  "json-pointer",
  "relative-json-pointer",
  "regex",
  "byte",
  "password",
  "binary",
] as const;

const typeNames = (schema: TJsonSchemaObject): string[] =>
  typeof schema.type === "string"
    ? [schema.type]
    : Array.isArray(schema.type)
      ? schema.type.filter((t): t is string => typeof t === "string")
      : [];

const valueType = (value: unknown): TBaseType | undefined => {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return undefined;
};

/** The one base type a schema has besides null (or its listed values have), if it has one. */
export const baseTypeOf = (schema: TJsonSchema): TBaseType | undefined => {
  if (!isSchemaObject(schema)) return undefined;
  const types = typeNames(schema).filter((t) => t !== "null");
  if (types.length === 1) return BASE_TYPES.find((t) => t === types[0]);
  if (types.length > 0 || !Array.isArray(schema.enum)) return undefined;
  const found = new Set(schema.enum.filter((v) => v !== null).map(valueType));
  if (found.has("number")) found.delete("integer");
  return found.size === 1 ? [...found][0] : undefined;
};

/** Whether the schema also allows null. */
export const isNullable = (schema: TJsonSchema): boolean =>
  isSchemaObject(schema) &&
  (typeNames(schema).includes("null") ||
    (Array.isArray(schema.enum) && schema.enum.includes(null)));

const objectOf = (schema: TJsonSchema): TJsonSchemaObject =>
  isSchemaObject(schema) ? schema : schema ? {} : { not: {} };

/** The schema with one keyword set, or removed when `value` is undefined. */
export const setKeyword = (
  schema: TJsonSchema,
  keyword: string,
  value: unknown,
): TJsonSchemaObject => {
  const { [keyword]: _old, ...rest } = objectOf(schema);
  return value === undefined ? rest : { ...rest, [keyword]: value };
};

/** Allows null besides the base type, or stops allowing it. */
export const setNullable = (schema: TJsonSchema, nullable: boolean): TJsonSchemaObject => {
  const object = objectOf(schema);
  const base = baseTypeOf(object);
  const withType =
    base === undefined || !("type" in object)
      ? object
      : setKeyword(object, "type", nullable ? [base, "null"] : base);
  if (!Array.isArray(object.enum)) return withType;
  const values = object.enum.filter((v) => v !== null);
  return setKeyword(withType, "enum", nullable ? [...values, null] : values);
};

/** A number typed into a bound's box: empty or not a number means no bound. */
export const parseBound = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
};

/** A count (length, items, fields): a whole number of at least 0, or none. */
export const parseCount = (text: string): number | undefined => {
  const value = parseBound(text);
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
};

/**
 * Listed values typed as a comma-separated list, read as the base type; undefined when
 * empty, so clearing the box lists nothing.
 */
export const parseValues = (text: string, base: TBaseType | undefined): unknown[] | undefined => {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return undefined;
  if (base === "number" || base === "integer") {
    const numbers = parts.map(Number).filter(Number.isFinite);
    return numbers.length > 0 ? [...new Set(numbers)] : undefined;
  }
  if (base === "boolean") {
    const flags = parts.filter((p) => p === "true" || p === "false").map((p) => p === "true");
    return flags.length > 0 ? [...new Set(flags)] : undefined;
  }
  return [...new Set(parts)];
};

/** Listed values as the box shows them; null stays out (the "can be null" box says it). */
export const valuesText = (schema: TJsonSchema): string =>
  isSchemaObject(schema) && Array.isArray(schema.enum)
    ? schema.enum
        .filter((v) => v !== null)
        .map(String)
        .join(", ")
    : "";

/** Sets the listed values, keeping null listed when the schema allows it. */
export const setValues = (schema: TJsonSchema, values: unknown[] | undefined): TJsonSchemaObject =>
  setKeyword(
    schema,
    "enum",
    values === undefined ? undefined : isNullable(schema) ? [...values, null] : values,
  );
