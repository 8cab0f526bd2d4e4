import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "@baton/model";
import { objectSchemaOf, schemaFields } from "../schema/schema-fields.ts";

export type TAdopted = {
  readonly schema: TJsonSchemaObject;
  /** fields taken from the step */
  readonly added: readonly string[];
  /** the step's fields the start already had, left as they were */
  readonly kept: readonly string[];
};

const DEFS = "#/$defs/";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The `$defs` names a schema refers to, following each definition's own references. */
const neededDefs = (schemas: readonly unknown[], defs: Record<string, unknown>): string[] => {
  const needed = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "$ref" && typeof inner === "string" && inner.startsWith(DEFS)) {
          const name = inner.slice(DEFS.length);
          if (!needed.has(name) && name in defs) {
            needed.add(name);
            visit(defs[name]);
          }
        } else visit(inner);
      }
    }
  };
  schemas.forEach(visit);
  return [...needed];
};

/** A copy of a schema with its `#/$defs/<from>` references renamed. */
const renameRefs = (value: unknown, names: ReadonlyMap<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, names));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith(DEFS)) {
        const renamed = names.get(inner.slice(DEFS.length));
        return [key, renamed === undefined ? inner : `${DEFS}${renamed}`];
      }
      return [key, renameRefs(inner, names)];
    }),
  );
};

/**
 * A step's input fields added to the scenario input, typed as the step declares them:
 * fields the start already has stay as they were (mappings reading them keep working),
 * and a start without fields takes the step's input as closed or open as it is,
 * and the definitions the new fields refer to come along under `$defs` (renamed when the
 * start has a different one of that name), so no field loses its type.
 */
export const adoptStepInput = (
  start: TJsonSchema | undefined,
  stepInput: TJsonSchema,
): TAdopted => {
  const base: TJsonSchemaObject = isSchemaObject(start) ? start : { type: "object" };
  const properties = isRecord(base.properties) ? { ...base.properties } : {};
  const isEmpty = Object.keys(properties).length === 0;
  const required = new Set(
    Array.isArray(base.required) ? base.required.filter((r) => typeof r === "string") : [],
  );
  const fields = schemaFields(stepInput);
  const kept = fields.filter((f) => f.name in properties).map((f) => f.name);
  const added = fields.filter((f) => !(f.name in properties));

  const theirDefs = isSchemaObject(stepInput) && isRecord(stepInput.$defs) ? stepInput.$defs : {};
  const ourDefs = isRecord(base.$defs) ? { ...base.$defs } : {};
  const names = new Map<string, string>();
  for (const name of neededDefs(
    added.map((f) => f.schema),
    theirDefs,
  )) {
    let target = name;
    for (
      let n = 2;
      target in ourDefs && JSON.stringify(ourDefs[target]) !== JSON.stringify(theirDefs[name]);
      n++
    ) {
      target = `${name}_${n}`;
    }
    names.set(name, target);
  }
  for (const [name, target] of names) ourDefs[target] = renameRefs(theirDefs[name], names);
  for (const field of added) {
    properties[field.name] = renameRefs(field.schema, names);
    if (field.required) required.add(field.name);
  }

  // A start without fields of its own takes the step's input as it is, closed or open.
  const { required: _required, $defs: _defs, additionalProperties, ...rest } = base;
  const closedness = isEmpty
    ? objectSchemaOf(stepInput)?.additionalProperties
    : additionalProperties;
  return {
    schema: {
      ...rest,
      ...(closedness === undefined ? {} : { additionalProperties: closedness }),
      type: "object",
      properties,
      ...(required.size > 0 ? { required: [...required] } : {}),
      ...(Object.keys(ourDefs).length > 0 ? { $defs: ourDefs } : {}),
    },
    added: added.map((f) => f.name),
    kept,
  };
};
