import type { TJsonSchemaObject } from "../json-schema.ts";
import type { TAlt, TBound, TNumberAlt } from "./alternatives.ts";

/** The JSON type name of an alternative: integers are their own type. */
export const typeNameOf = (alt: TAlt): string =>
  alt.type === "number" && alt.integer ? "integer" : alt.type;

/** `type` for a set of alternatives: one name, or a list of them. */
export const typeKeyword = (alts: readonly TAlt[]): TJsonSchemaObject => {
  const names = [...new Set(alts.map(typeNameOf))];
  return { type: names.length === 1 ? names[0] : names };
};

export const lowerBound = (bound: TBound): TJsonSchemaObject =>
  bound.exclusive ? { exclusiveMinimum: bound.value } : { minimum: bound.value };

export const upperBound = (bound: TBound): TJsonSchemaObject =>
  bound.exclusive ? { exclusiveMaximum: bound.value } : { maximum: bound.value };

const numberKeywords = (alt: TNumberAlt): TJsonSchemaObject => ({
  type: alt.integer ? "integer" : "number",
  ...(alt.min ? lowerBound(alt.min) : {}),
  ...(alt.max ? upperBound(alt.max) : {}),
  ...(alt.multipleOf.length === 1 ? { multipleOf: alt.multipleOf[0] } : {}),
  ...(alt.formats.length === 1 ? { format: alt.formats[0] } : {}),
});

/**
 * What a target alternative asks of a value, as keywords a source schema can take over:
 * its type and the constraints on its own level (not those of its fields or items).
 */
export const altKeywords = (alt: TAlt): TJsonSchemaObject => {
  switch (alt.type) {
    case "null":
      return { type: "null" };
    case "boolean":
      return alt.values ? { enum: alt.values } : { type: "boolean" };
    case "number":
      return alt.values ? { enum: alt.values } : numberKeywords(alt);
    case "string":
      if (alt.values) return { enum: alt.values };
      return {
        type: "string",
        ...(alt.minLength > 0 ? { minLength: alt.minLength } : {}),
        ...(alt.maxLength !== undefined ? { maxLength: alt.maxLength } : {}),
        ...(alt.patterns.length === 1 ? { pattern: alt.patterns[0] } : {}),
        ...(alt.formats.length === 1 ? { format: alt.formats[0] } : {}),
      };
    case "array":
      return {
        type: "array",
        ...(alt.minItems > 0 ? { minItems: alt.minItems } : {}),
        ...(alt.maxItems !== undefined ? { maxItems: alt.maxItems } : {}),
        ...(alt.unique ? { uniqueItems: true } : {}),
      };
    case "object":
      return { type: "object" };
  }
};
