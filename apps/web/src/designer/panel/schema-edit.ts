import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "@baton/model";

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

/** Which simple type a field schema is, or "custom" when it says more than a simple type. */
export const fieldTypeOf = (schema: TJsonSchema): TFieldType | "custom" => {
  if (!isSchemaObject(schema)) return schema ? "any" : "custom";
  for (const [name, simple] of Object.entries(FIELD_TYPES)) {
    const keys = Object.keys(schema).filter((k) => k !== "description" && k !== "title");
    const simpleKeys = Object.keys(simple);
    if (
      keys.length === simpleKeys.length &&
      simpleKeys.every((k) => schema[k] === (simple as TJsonSchemaObject)[k])
    ) {
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
