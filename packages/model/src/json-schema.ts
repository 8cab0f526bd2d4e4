import { z } from "zod";

/** A JSON Schema (draft 2020-12): `true`, `false` or an object of keywords. */
export const ZJsonSchema = z.union([z.boolean(), z.record(z.string(), z.unknown())]);
export type TJsonSchema = boolean | { readonly [keyword: string]: unknown };
export type TJsonSchemaObject = { readonly [keyword: string]: unknown };

export const isSchemaObject = (value: unknown): value is TJsonSchemaObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON equality: what `const` and `enum` use. */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every(
      (key) =>
        Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]),
    )
  );
};

/** The JSON type name of a value, with integers told apart from other numbers. */
export type TJsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

export const jsonTypeOf = (value: unknown): TJsonType | undefined => {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return Number.isFinite(value) ? (Number.isInteger(value) ? "integer" : "number") : undefined;
    case "string":
      return "string";
    case "object":
      return Array.isArray(value) ? "array" : "object";
    default:
      return undefined;
  }
};
