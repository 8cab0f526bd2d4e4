import type { ErrorObject } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isSchemaObject } from "../json-schema.ts";
import { closest } from "./closest.ts";
import { describeValue } from "./describe.ts";
import { ANNOTATIONS, MODELED_KEYWORDS } from "./keywords.ts";

/**
 * Why Ajv refused to compile a schema, in words that name the place in the schema: `field
 * "x" has type "strnig", which is not a JSON Schema type (...)` rather than Ajv's
 * "data/properties/x/type must be equal to one of the allowed values".
 */

const TYPE_NAMES = ["string", "number", "integer", "boolean", "object", "array", "null"];
const TYPE_LIST = `(${TYPE_NAMES.join(", ")})`;

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions"]);
/** Keywords whose value is one schema. */
const SCHEMA_VALUED = new Set([
  "items",
  "additionalProperties",
  "contains",
  "not",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(["prefixItems", "allOf", "anyOf", "oneOf"]);
const COUNTS = new Set([
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minContains",
  "maxContains",
]);
const BOUNDS = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);

const KEYWORDS = [
  ...MODELED_KEYWORDS,
  ...ANNOTATIONS,
  ...SCHEMA_VALUED,
  "dependentSchemas",
  "$dynamicRef",
];

/** A place in a schema: the schema object it is in, then field names below it. */
type TPlace = { readonly base?: string; readonly fields: readonly string[] };

const ROOT: TPlace = { fields: [] };

const renderPlace = (place: TPlace): string => {
  if (place.fields.length === 0) return place.base ?? "the schema";
  const field = `field "${place.fields.join(".")}"`;
  return place.base ? `${field} of ${place.base}` : field;
};

const below = (place: TPlace, phrase: (outer: string) => string): TPlace => ({
  base: phrase(renderPlace(place)),
  fields: [],
});

/** One step from a schema object into a subschema through `keyword` (and `name` when it takes one). */
const enter = (place: TPlace, keyword: string, name: string | undefined): TPlace => {
  if (keyword === "properties") return { ...place, fields: [...place.fields, name ?? ""] };
  if (keyword === "$defs" || keyword === "definitions")
    return { base: `definition "${name}"`, fields: [] };
  if (keyword === "patternProperties")
    return below(place, (outer) => `each field of ${outer} matching ${name}`);
  if (keyword === "items") return below(place, (outer) => `each item of ${outer}`);
  if (keyword === "prefixItems") return below(place, (outer) => `item ${name} of ${outer}`);
  if (keyword === "additionalProperties")
    return below(place, (outer) => `each other field of ${outer}`);
  if (SCHEMA_LISTS.has(keyword)) return below(place, (outer) => `${keyword}[${name}] of ${outer}`);
  return below(place, (outer) => `the "${keyword}" schema of ${outer}`);
};

/** Where a JSON pointer into a schema lands: the schema object, the keyword there, and what follows it. */
type TLocated = {
  readonly place: TPlace;
  readonly keyword?: string;
  /** Tokens below the keyword's value (a list index in `type`, `required`, ...). */
  readonly rest: readonly string[];
};

const locate = (tokens: readonly string[]): TLocated => {
  let place = ROOT;
  let i = 0;
  while (i < tokens.length) {
    const keyword = tokens[i] as string;
    const takesName = SCHEMA_MAPS.has(keyword) || SCHEMA_LISTS.has(keyword);
    if (takesName && i + 1 < tokens.length) {
      place = enter(place, keyword, tokens[i + 1]);
      i += 2;
    } else if (SCHEMA_VALUED.has(keyword) && i + 1 < tokens.length) {
      place = enter(place, keyword, undefined);
      i += 1;
    } else {
      return { place, keyword, rest: tokens.slice(i + 1) };
    }
  }
  return { place, rest: [] };
};

const pointerTokens = (pointer: string): string[] =>
  pointer === "" || pointer === "#"
    ? []
    : pointer
        .replace(/^#?\//, "")
        .split("/")
        .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"));

const valueAt = (schema: unknown, tokens: readonly string[]): unknown =>
  tokens.reduce<unknown>(
    (value, token) =>
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[token]
        : undefined,
    schema,
  );

const suggestion = (word: string, candidates: Iterable<string>): string => {
  const match = closest(word, candidates);
  return match === undefined ? "" : ` (did you mean "${match}"?)`;
};

const describeType = (value: unknown): string => {
  const names = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (!names)
    return `has type ${describeValue(value)}, which must be a type name or a list of them ${TYPE_LIST}`;
  const wrong = names.filter((name) => !TYPE_NAMES.includes(name as string));
  if (wrong.length === 0) return `lists a type twice in ${describeValue(value)}`;
  return `has type ${wrong.map(describeValue).join(", ")}, which is not a JSON Schema type ${TYPE_LIST}`;
};

/** What is wrong with the value of `keyword`, after "field "x" ...". */
const describeKeyword = (
  keyword: string,
  value: unknown,
  error: ErrorObject | undefined,
): string => {
  const shown = describeValue(value);
  if (keyword === "type") return describeType(value);
  if (COUNTS.has(keyword))
    return `has ${keyword} ${shown}, which must be a whole number of 0 or more`;
  if (BOUNDS.has(keyword)) return `has ${keyword} ${shown}, which must be a number`;
  if (keyword === "multipleOf") return `has multipleOf ${shown}, which must be a number above 0`;
  if (keyword === "required") {
    return error?.keyword === "uniqueItems"
      ? `lists a field twice in required ${shown}`
      : `has required ${shown}, which must be a list of field names`;
  }
  if (keyword === "enum") return `has enum ${shown}, which must be a list of values`;
  if (keyword === "pattern" || keyword === "format")
    return `has ${keyword} ${shown}, which must be a string`;
  if (SCHEMA_MAPS.has(keyword)) return `has ${keyword} ${shown}, which must map names to schemas`;
  if (SCHEMA_LISTS.has(keyword)) return `has ${keyword} ${shown}, which must be a list of schemas`;
  if (SCHEMA_VALUED.has(keyword))
    return `has ${keyword} ${shown}, which must be a schema (an object, true or false)`;
  return `has ${keyword} ${shown}, which ${error?.message ?? "is not allowed"}`;
};

/** Phrases (no final period) for the errors Ajv's meta-schema found in `schema`, one per place. */
export const describeSchemaErrors = (schema: unknown, errors: readonly ErrorObject[]): string => {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPointer.get(error.instancePath) ?? [];
    list.push(error);
    byPointer.set(error.instancePath, list);
  }
  const sentences: string[] = [];
  for (const [pointer, list] of byPointer) {
    const tokens = pointerTokens(pointer);
    const { place, keyword, rest } = locate(tokens);
    // A list index under `type` is reported with the whole list.
    if (keyword === "type" && rest.length > 0 && byPointer.has(pointer.replace(/\/[^/]*$/, "")))
      continue;
    const value = valueAt(
      schema,
      keyword === undefined ? tokens : tokens.slice(0, tokens.length - rest.length),
    );
    const text =
      keyword === undefined
        ? `${renderPlace(place)} must be a schema (an object, true or false), not ${describeValue(value)}`
        : `${renderPlace(place)} ${describeKeyword(keyword, value, list[0])}`;
    sentences.push(text);
  }
  return sentences.join("; ");
};

/** The pointer to the first schema object, at a place subschemas are read, that `matches`. */
const findSchema = (
  schema: unknown,
  matches: (object: Record<string, unknown>) => boolean,
  tokens: string[] = [],
): string[] | undefined => {
  if (!isSchemaObject(schema)) return undefined;
  if (matches(schema)) return tokens;
  for (const [keyword, value] of Object.entries(schema)) {
    const children: [string[], unknown][] =
      SCHEMA_MAPS.has(keyword) && isSchemaObject(value)
        ? Object.entries(value).map(([name, child]) => [[keyword, name], child])
        : SCHEMA_LISTS.has(keyword) && Array.isArray(value)
          ? value.map((child, i) => [[keyword, String(i)], child])
          : SCHEMA_VALUED.has(keyword) || keyword === "dependentSchemas"
            ? [[[keyword], value]]
            : [];
    for (const [path, child] of children) {
      const found = findSchema(child, matches, [...tokens, ...path]);
      if (found) return found;
    }
  }
  return undefined;
};

const placeOf = (schema: unknown, matches: (object: Record<string, unknown>) => boolean): string =>
  renderPlace(locate(findSchema(schema, matches) ?? []).place);

/** A phrase (no final period) for an error Ajv threw while compiling a schema its meta-schema accepted. */
export const describeCompileError = (schema: unknown, message: string): string => {
  const format = /^unknown format "(.*)" ignored in schema at path "(.*)"$/.exec(message);
  if (format) {
    const [, name = "", path = ""] = format;
    const place = renderPlace(locate(pointerTokens(path)).place);
    return `${place} has format "${name}", which is not a known format${suggestion(name, Object.keys(fullFormats))}`;
  }
  const keyword = /^strict mode: unknown keyword: "(.*)"$/.exec(message);
  if (keyword) {
    const [, name = ""] = keyword;
    const place = placeOf(schema, (object) => Object.hasOwn(object, name));
    return `${place} has the keyword "${name}", which JSON Schema does not define${suggestion(name, KEYWORDS)}`;
  }
  const regex = /^Invalid regular expression: \/(.*)\/[a-z]*: (.*)$/.exec(message);
  if (regex) {
    const [, source = "", reason = ""] = regex;
    const place = placeOf(
      schema,
      (object) =>
        object.pattern === source ||
        (isSchemaObject(object.patternProperties) &&
          Object.hasOwn(object.patternProperties, source)),
    );
    return `${place} has the pattern "${source}", which is not a valid regular expression (${reason})`;
  }
  const ref = /^can't resolve reference (.*) from id/.exec(message);
  if (ref) {
    const [, target = ""] = ref;
    const place = placeOf(schema, (object) => object.$ref === target);
    return `${place} refers to "${target}", which is not in the schema`;
  }
  if (message.startsWith("enum must have non-empty array")) {
    const place = placeOf(
      schema,
      (object) => Array.isArray(object.enum) && object.enum.length === 0,
    );
    return `${place} has an empty enum, so no value is valid`;
  }
  return message;
};
