import { isSchemaObject, type TJsonSchemaObject } from "../json-schema.ts";
import {
  ARRAY_ALT,
  intersectAlts,
  NUMBER_ALT,
  OBJECT_ALT,
  type TAlt,
  type TBound,
  type TClause,
  type TContains,
} from "./alternatives.ts";
import type { TDocument } from "./document.ts";
import { isKnownFormat, NUMBER_FORMATS } from "./formats.ts";
import { subschemaNode, type TSchemaNode } from "./node.ts";
import type { TNote } from "./normalize.ts";

/** The keyword reading of one schema object, in the document its subschemas belong to. */
export type TKeywordScope = { readonly document: TDocument };

export const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "$anchor",
  "$dynamicAnchor",
  "$comment",
  "$defs",
  "definitions",
  "$vocabulary",
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
]);

/** Keywords this module models; every other keyword in a target is a note. */
export const MODELED_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "enum",
  "const",
  "$ref",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "prefixItems",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "properties",
  "patternProperties",
  "additionalProperties",
  "required",
  "minProperties",
  "maxProperties",
  "dependentRequired",
  "propertyNames",
]);

const TYPE_NAMES = new Set(["null", "boolean", "integer", "number", "string", "array", "object"]);

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

export const restrictTypes = (alts: readonly TAlt[], types: ReadonlySet<string>): TAlt[] =>
  alts.flatMap((alt): TAlt[] => {
    if (alt.type !== "number") return types.has(alt.type) ? [alt] : [];
    if (types.has("number")) return [alt];
    return types.has("integer") ? [{ ...alt, integer: true }] : [];
  });

const lowerBound = (schema: TJsonSchemaObject): TBound | undefined => {
  const inclusive = isNumber(schema.minimum) ? schema.minimum : undefined;
  const exclusive = isNumber(schema.exclusiveMinimum) ? schema.exclusiveMinimum : undefined;
  if (exclusive !== undefined && (inclusive === undefined || exclusive >= inclusive)) {
    return { value: exclusive, exclusive: true };
  }
  return inclusive === undefined ? undefined : { value: inclusive, exclusive: false };
};

const upperBound = (schema: TJsonSchemaObject): TBound | undefined => {
  const inclusive = isNumber(schema.maximum) ? schema.maximum : undefined;
  const exclusive = isNumber(schema.exclusiveMaximum) ? schema.exclusiveMaximum : undefined;
  if (exclusive !== undefined && (inclusive === undefined || exclusive <= inclusive)) {
    return { value: exclusive, exclusive: true };
  }
  return inclusive === undefined ? undefined : { value: inclusive, exclusive: false };
};

const child = (scope: TKeywordScope, schema: unknown): TSchemaNode | undefined =>
  typeof schema === "boolean" || isSchemaObject(schema)
    ? subschemaNode(scope.document, schema)
    : undefined;

const clauseOf = (schema: TJsonSchemaObject, scope: TKeywordScope): TClause | undefined => {
  const properties = new Map<string, TSchemaNode>();
  if (isSchemaObject(schema.properties)) {
    for (const [key, value] of Object.entries(schema.properties)) {
      const node = child(scope, value);
      if (node) properties.set(key, node);
    }
  }
  const patterns: { pattern: string; node: TSchemaNode }[] = [];
  if (isSchemaObject(schema.patternProperties)) {
    for (const [pattern, value] of Object.entries(schema.patternProperties)) {
      const node = child(scope, value);
      if (node) patterns.push({ pattern, node });
    }
  }
  const additional = child(scope, schema.additionalProperties);
  if (properties.size === 0 && patterns.length === 0 && !additional) return undefined;
  return additional ? { properties, patterns, additional } : { properties, patterns };
};

/** The keywords that constrain each type; an alternative untouched by them stays as it is. */
const KEYWORDS_OF: Record<TAlt["type"], readonly string[]> = {
  null: [],
  boolean: [],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
  string: ["minLength", "maxLength", "pattern", "format"],
  array: ["prefixItems", "items", "contains", "minItems", "maxItems", "uniqueItems"],
  object: [
    "properties",
    "patternProperties",
    "additionalProperties",
    "required",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "propertyNames",
  ],
};

/** Applies the type-specific keywords of one schema object to one alternative. */
export const applyKeywords = (alt: TAlt, schema: TJsonSchemaObject, scope: TKeywordScope): TAlt => {
  if (!KEYWORDS_OF[alt.type].some((keyword) => keyword in schema)) return alt;
  switch (alt.type) {
    case "number": {
      const min = lowerBound(schema);
      const max = upperBound(schema);
      const format = schema.format;
      return (
        intersectAlts(
          [alt],
          [
            {
              ...NUMBER_ALT,
              ...(min ? { min } : {}),
              ...(max ? { max } : {}),
              multipleOf:
                isNumber(schema.multipleOf) && schema.multipleOf > 0 ? [schema.multipleOf] : [],
              formats: typeof format === "string" && NUMBER_FORMATS.has(format) ? [format] : [],
            },
          ],
        )?.[0] ?? { ...alt, values: [] }
      );
    }
    case "string": {
      const format = schema.format;
      const maxLength = isCount(schema.maxLength) ? schema.maxLength : undefined;
      return {
        ...alt,
        minLength: Math.max(alt.minLength, isCount(schema.minLength) ? schema.minLength : 0),
        ...(maxLength !== undefined
          ? { maxLength: Math.min(maxLength, alt.maxLength ?? maxLength) }
          : {}),
        patterns:
          typeof schema.pattern === "string" ? [...alt.patterns, schema.pattern] : alt.patterns,
        formats:
          typeof format === "string" && !NUMBER_FORMATS.has(format)
            ? [...alt.formats, format]
            : alt.formats,
      };
    }
    case "array": {
      const prefix = Array.isArray(schema.prefixItems)
        ? schema.prefixItems.flatMap((item) => {
            const node = child(scope, item);
            return node ? [[node]] : [];
          })
        : [];
      const rest = Array.isArray(schema.items) ? undefined : child(scope, schema.items);
      const contains: TContains[] = [];
      const containsNode = child(scope, schema.contains);
      if (containsNode) {
        contains.push({
          nodes: [containsNode],
          min: isCount(schema.minContains) ? schema.minContains : 1,
          ...(isCount(schema.maxContains) ? { max: schema.maxContains } : {}),
        });
      }
      const maxItems = isCount(schema.maxItems) ? schema.maxItems : undefined;
      const own = {
        ...ARRAY_ALT,
        prefix,
        rest: rest ? [rest] : [],
        minItems: isCount(schema.minItems) ? schema.minItems : 0,
        ...(maxItems !== undefined ? { maxItems } : {}),
        unique: schema.uniqueItems === true,
        contains,
      };
      return intersectAlts([alt], [own])?.[0] ?? { ...alt, minItems: 1, maxItems: 0 };
    }
    case "object": {
      const clause = clauseOf(schema, scope);
      const dependentRequired = new Map<string, string[]>();
      if (isSchemaObject(schema.dependentRequired)) {
        for (const [key, keys] of Object.entries(schema.dependentRequired)) {
          if (isStringList(keys)) dependentRequired.set(key, keys);
        }
      }
      const names = child(scope, schema.propertyNames);
      const maxProperties = isCount(schema.maxProperties) ? schema.maxProperties : undefined;
      const own = {
        ...OBJECT_ALT,
        clauses: clause ? [clause] : [],
        required: new Set(isStringList(schema.required) ? schema.required : []),
        minProperties: isCount(schema.minProperties) ? schema.minProperties : 0,
        ...(maxProperties !== undefined ? { maxProperties } : {}),
        dependentRequired,
        propertyNames: names ? [names] : [],
      };
      return intersectAlts([alt], [own])?.[0] ?? { ...alt, minProperties: 1, maxProperties: 0 };
    }
    default:
      return alt;
  }
};

/** Notes for keywords a target uses that this module does not model. */
export const unmodeledNotes = (schema: TJsonSchemaObject): TNote[] => {
  const notes: TNote[] = [];
  for (const keyword of Object.keys(schema)) {
    if (ANNOTATIONS.has(keyword) || MODELED_KEYWORDS.has(keyword)) continue;
    notes.push({ kind: "keyword", keyword });
  }
  if (Array.isArray(schema.items)) notes.push({ kind: "keyword", keyword: "items" });
  const format = schema.format;
  if (typeof format === "string" && !isKnownFormat(format)) notes.push({ kind: "format", format });
  if (schema.type !== undefined && !isTypeKeyword(schema.type)) {
    notes.push({ kind: "keyword", keyword: "type" });
  }
  return notes;
};

export const isTypeKeyword = (type: unknown): type is string | string[] =>
  (typeof type === "string" && TYPE_NAMES.has(type)) ||
  (Array.isArray(type) && type.every((name) => typeof name === "string" && TYPE_NAMES.has(name)));

/** `not: {type: ...}` (and nothing else) removes whole types; anything richer is not modeled. */
export const typesOnly = (schema: unknown): ReadonlySet<string> | undefined => {
  if (!isSchemaObject(schema)) return undefined;
  const keys = Object.keys(schema).filter((key) => !ANNOTATIONS.has(key));
  if (keys.length !== 1 || !isTypeKeyword(schema.type)) return undefined;
  return new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
};

/** Removes whole types; false when that is not exact (fractions-only numbers). */
export const without = (
  alts: readonly TAlt[],
  types: ReadonlySet<string>,
): { alts: TAlt[]; exact: boolean } => {
  let exact = true;
  const kept = alts.flatMap((alt): TAlt[] => {
    if (alt.type !== "number") return types.has(alt.type) ? [] : [alt];
    if (types.has("number") || (types.has("integer") && alt.integer)) return [];
    // Numbers without integers are fractions, which alternatives cannot express.
    if (types.has("integer")) exact = false;
    return [alt];
  });
  return { alts: kept, exact };
};
