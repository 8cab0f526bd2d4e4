import { isSchemaObject, jsonTypeOf, type TJsonSchema, type TJsonType } from "./json-schema.ts";

type TShape = {
  readonly types: Set<TJsonType>;
  objects: number;
  readonly properties: Map<string, { readonly shape: TShape; count: number }>;
  items?: TShape;
};

const TYPE_ORDER: readonly TJsonType[] = [
  "object",
  "array",
  "string",
  "number",
  "integer",
  "boolean",
  "null",
];

const emptyShape = (): TShape => ({ types: new Set(), objects: 0, properties: new Map() });

const add = (shape: TShape, value: unknown): void => {
  const type = jsonTypeOf(value);
  if (!type) return;
  shape.types.add(type);
  if (type === "object" && isSchemaObject(value)) {
    shape.objects++;
    for (const [key, child] of Object.entries(value)) {
      let property = shape.properties.get(key);
      if (!property) {
        property = { shape: emptyShape(), count: 0 };
        shape.properties.set(key, property);
      }
      property.count++;
      add(property.shape, child);
    }
  } else if (type === "array" && Array.isArray(value)) {
    shape.items ??= emptyShape();
    for (const item of value) add(shape.items, item);
  }
};

const toSchema = (shape: TShape): TJsonSchema => {
  const types = TYPE_ORDER.filter(
    (type) => shape.types.has(type) && !(type === "integer" && shape.types.has("number")),
  );
  if (types.length === 0) return {};
  const schema: Record<string, unknown> = { type: types.length === 1 ? types[0] : types };
  if (shape.types.has("object")) {
    schema.properties = Object.fromEntries(
      [...shape.properties].map(([key, { shape: child }]) => [key, toSchema(child)]),
    );
    const required = [...shape.properties]
      .filter(([, { count }]) => count === shape.objects)
      .map(([key]) => key);
    if (required.length > 0) schema.required = required;
  }
  if (shape.items && shape.items.types.size > 0) schema.items = toSchema(shape.items);
  return schema;
};

/**
 * A JSON Schema that every sample satisfies, for functions that declare none: types merge
 * into unions (`["string", "null"]`), integers widen to numbers when fractions appear, and
 * a property is required only when every object sample has it. No samples: `{}`.
 */
export const inferSchema = (samples: readonly unknown[]): TJsonSchema => {
  const shape = emptyShape();
  for (const sample of samples) add(shape, sample);
  return toSchema(shape);
};
