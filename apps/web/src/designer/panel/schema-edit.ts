import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "@baton/model";
import { baseTypeOf, CONSTRAINT_KEYWORDS } from "./schema-keywords.ts";

/** The simple field types a person picks from; anything richer is kept as written. */
export const FIELD_TYPES = {
  string: { type: "string" },
  email: { type: "string", format: "email", maxLength: 254 },
  "date-time": { type: "string", format: "date-time" },
  number: { type: "number" },
  integer: { type: "integer" },
  boolean: { type: "boolean" },
  object: { type: "object" },
  list: { type: "array" },
  any: {},
} as const satisfies Record<string, TJsonSchemaObject>;

export type TFieldType = keyof typeof FIELD_TYPES;

// The most specific first, so that an email field is not taken for a string with a format.
const BY_SPECIFICITY = Object.entries(FIELD_TYPES).sort(
  ([, a], [, b]) => Object.keys(b).length - Object.keys(a).length,
);

/**
 * Which simple type a field schema is, looking past null and the constraints the constraint
 * editor edits; "custom" when it says more than that.
 */
export const fieldTypeOf = (schema: TJsonSchema): TFieldType | "custom" => {
  if (!isSchemaObject(schema)) return schema ? "any" : "custom";
  const base = baseTypeOf(schema);
  const own: TJsonSchemaObject = base === undefined ? schema : { ...schema, type: base };
  const keys = Object.keys(own).filter((k) => k !== "description" && k !== "title");
  for (const [name, simple] of BY_SPECIFICITY) {
    const simpleKeys = Object.keys(simple);
    const matches = simpleKeys.every((k) => own[k] === (simple as TJsonSchemaObject)[k]);
    if (matches && keys.every((k) => simpleKeys.includes(k) || CONSTRAINT_KEYWORDS.has(k))) {
      return name as TFieldType;
    }
  }
  return "custom";
};

const objectOf = (schema: TJsonSchema | undefined): TJsonSchemaObject =>
  isSchemaObject(schema) ? schema : { type: "object" };

const propertiesOf = (schema: TJsonSchemaObject): Record<string, TJsonSchema> =>
  isSchemaObject(schema.properties) ? (schema.properties as Record<string, TJsonSchema>) : {};

const requiredOf = (schema: TJsonSchemaObject): string[] =>
  Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === "string")
    : [];

const rebuild = (
  schema: TJsonSchemaObject,
  properties: Record<string, TJsonSchema>,
  required: string[],
): TJsonSchemaObject => {
  const { required: _required, ...rest } = schema;
  return {
    ...rest,
    type: "object",
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
};

/** Adds a field (a string, required) under the first free name. */
export const addField = (schema: TJsonSchema | undefined, base = "field"): TJsonSchemaObject => {
  const object = objectOf(schema);
  const properties = propertiesOf(object);
  let name = base;
  for (let n = 2; name in properties; n++) name = `${base}${n}`;
  return rebuild(object, { ...properties, [name]: { type: "string" } }, [
    ...requiredOf(object),
    name,
  ]);
};

export const removeField = (schema: TJsonSchema | undefined, name: string): TJsonSchemaObject => {
  const object = objectOf(schema);
  const { [name]: _removed, ...properties } = propertiesOf(object);
  return rebuild(
    object,
    properties,
    requiredOf(object).filter((r) => r !== name),
  );
};

/** Renames a field in place, keeping the order of the others; a taken or empty name is ignored. */
export const renameField = (
  schema: TJsonSchema | undefined,
  from: string,
  to: string,
): TJsonSchemaObject => {
  const object = objectOf(schema);
  const properties = propertiesOf(object);
  if (!to || to === from || to in properties) return object;
  const renamed = Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [k === from ? to : k, v]),
  );
  return rebuild(
    object,
    renamed,
    requiredOf(object).map((r) => (r === from ? to : r)),
  );
};

export const setFieldType = (
  schema: TJsonSchema | undefined,
  name: string,
  type: TFieldType,
): TJsonSchemaObject => {
  const object = objectOf(schema);
  const properties = propertiesOf(object);
  const before = properties[name];
  const description =
    isSchemaObject(before) && typeof before.description === "string"
      ? { description: before.description }
      : {};
  return rebuild(
    object,
    { ...properties, [name]: { ...FIELD_TYPES[type], ...description } },
    requiredOf(object),
  );
};

export const setFieldRequired = (
  schema: TJsonSchema | undefined,
  name: string,
  required: boolean,
): TJsonSchemaObject => {
  const object = objectOf(schema);
  const others = requiredOf(object).filter((r) => r !== name);
  return rebuild(object, propertiesOf(object), required ? [...others, name] : others);
};

/** Replaces one field's schema, as the constraint editor changes it. */
export const setFieldSchema = (
  schema: TJsonSchema | undefined,
  name: string,
  field: TJsonSchema,
): TJsonSchemaObject => {
  const object = objectOf(schema);
  return rebuild(object, { ...propertiesOf(object), [name]: field }, requiredOf(object));
};
