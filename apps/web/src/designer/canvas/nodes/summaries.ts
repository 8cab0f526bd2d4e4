import type { TCatalogFunction, TJsonSchema, TMapping, TSource } from "@baton/model";
import { schemaFields } from "../../schema/schema-fields.ts";

/** `name*, email*, phone`: a schema's fields at a glance, required ones starred. */
export const fieldSummary = (schema: TJsonSchema | undefined): string => {
  if (schema === undefined) return "—";
  const fields = schemaFields(schema);
  if (fields.length > 0) return fields.map((f) => `${f.name}${f.required ? "*" : ""}`).join(", ");
  const open = schema === true || (typeof schema === "object" && Object.keys(schema).length === 0);
  return open ? "any" : "no fields";
};

export const mappingSummary = (mapping: TMapping | undefined): string => {
  const keys = Object.keys(mapping ?? {});
  return keys.length === 0 ? "—" : keys.join(", ");
};

export const sourceSummary = (source: TSource): string =>
  "ref" in source
    ? source.ref
    : "expr" in source
      ? `= ${source.expr}`
      : JSON.stringify(source.literal);

/** Catalog entries carry where the function lives; older snapshots may not. */
export const providerOf = (fn: TCatalogFunction | undefined): string | undefined =>
  typeof fn?.provider === "string" ? fn.provider : undefined;
