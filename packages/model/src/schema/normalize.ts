import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "../json-schema.ts";
import {
  ANY_ALTS,
  ARRAY_ALT,
  intersectAlts,
  isEmptyAlt,
  NUMBER_ALT,
  OBJECT_ALT,
  schemasForKey,
  type TAlt,
  type TBound,
  type TClause,
  type TContains,
  valueAlts,
} from "./alternatives.ts";
import { resolveRef, type TDocument } from "./document.ts";
import { isKnownFormat, NUMBER_FORMATS } from "./formats.ts";
import { FALSE_NODE, subschemaNode, type TSchemaNode } from "./node.ts";

/**
 * Source schemas may be read loosely: dropping a constraint only lets in more values,
 * so a proof still holds. Target schemas must be read exactly; whatever Baton cannot
 * model there becomes a note, which the comparison reports as a warning.
 */
export type TRole = "source" | "target";

export type TNote =
  | { readonly kind: "keyword"; readonly keyword: string }
  | { readonly kind: "format"; readonly format: string }
  | { readonly kind: "ref"; readonly ref: string }
  | { readonly kind: "recursion" }
  | { readonly kind: "oneOf" }
  | { readonly kind: "complex" };

export type TNormalized = {
  readonly alts: readonly TAlt[];
  readonly notes: readonly TNote[];
  /** Set when the node is an untyped expression or a value already reported as broken. */
  readonly unknown?: "expression" | "broken";
};

const ANNOTATIONS = new Set([
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
const MODELED = new Set([
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

type TScope = {
  readonly document: TDocument;
  readonly role: TRole;
  readonly expanding: Set<object>;
};

const restrictTypes = (alts: readonly TAlt[], types: ReadonlySet<string>): TAlt[] =>
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

const child = (scope: TScope, schema: unknown): TSchemaNode | undefined =>
  typeof schema === "boolean" || isSchemaObject(schema)
    ? subschemaNode(scope.document, schema)
    : undefined;

const clauseOf = (schema: TJsonSchemaObject, scope: TScope): TClause | undefined => {
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

/** Applies the type-specific keywords of one schema object to one alternative. */
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

const applyKeywords = (alt: TAlt, schema: TJsonSchemaObject, scope: TScope): TAlt => {
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
const unmodeledNotes = (schema: TJsonSchemaObject): TNote[] => {
  const notes: TNote[] = [];
  for (const keyword of Object.keys(schema)) {
    if (ANNOTATIONS.has(keyword) || MODELED.has(keyword)) continue;
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

const isTypeKeyword = (type: unknown): type is string | string[] =>
  (typeof type === "string" && TYPE_NAMES.has(type)) ||
  (Array.isArray(type) && type.every((name) => typeof name === "string" && TYPE_NAMES.has(name)));

/** `not: {type: ...}` (and nothing else) removes whole types; anything richer is not modeled. */
const typesOnly = (schema: unknown): ReadonlySet<string> | undefined => {
  if (!isSchemaObject(schema)) return undefined;
  const keys = Object.keys(schema).filter((key) => !ANNOTATIONS.has(key));
  if (keys.length !== 1 || !isTypeKeyword(schema.type)) return undefined;
  return new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
};

/** Removes whole types; false when that is not exact (fractions-only numbers). */
const without = (
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

const combine = (
  alts: readonly TAlt[],
  other: readonly TAlt[],
  scope: TScope,
  notes: TNote[],
): readonly TAlt[] => {
  const both = intersectAlts(alts, other);
  if (both) return both;
  if (scope.role === "target") notes.push({ kind: "complex" });
  return alts;
};

const VALUE_ONLY = new Set(["const", "enum", ...ANNOTATIONS]);

const normalizeObject = (schema: TJsonSchemaObject, scope: TScope): TNormalized => {
  // Literals in mappings and enums are the most common schemas of all.
  if (Object.keys(schema).every((keyword) => VALUE_ONLY.has(keyword))) {
    if ("const" in schema && !("enum" in schema))
      return { alts: valueAlts([schema.const]), notes: [] };
    if (Array.isArray(schema.enum) && !("const" in schema))
      return { alts: valueAlts(schema.enum), notes: [] };
  }
  const notes: TNote[] = scope.role === "target" ? unmodeledNotes(schema) : [];
  let alts: readonly TAlt[] = ANY_ALTS;
  if (isTypeKeyword(schema.type)) {
    alts = restrictTypes(alts, new Set(Array.isArray(schema.type) ? schema.type : [schema.type]));
  }
  alts = alts.map((alt) => applyKeywords(alt, schema, scope)).filter((alt) => !isEmptyAlt(alt));
  if ("const" in schema) alts = combine(alts, valueAlts([schema.const]), scope, notes);
  if (Array.isArray(schema.enum)) alts = combine(alts, valueAlts(schema.enum), scope, notes);

  const sub = (value: unknown): TNormalized | undefined =>
    typeof value === "boolean" || isSchemaObject(value) ? normalizeSchema(value, scope) : undefined;
  const absorb = (normalized: TNormalized): readonly TAlt[] => {
    notes.push(...normalized.notes);
    return normalized.alts;
  };

  if (typeof schema.$ref === "string") {
    const target = resolveRef(scope.document, schema, schema.$ref);
    if (target === undefined) notes.push({ kind: "ref", ref: schema.$ref });
    else alts = combine(alts, absorb(normalizeSchema(target, scope)), scope, notes);
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const normalized = sub(part);
      if (normalized) alts = combine(alts, absorb(normalized), scope, notes);
    }
  }
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    const branches = list.flatMap((part) => {
      const normalized = sub(part);
      return normalized ? [absorb(normalized)] : [];
    });
    if (keyword === "oneOf" && scope.role === "target" && !pairwiseDisjoint(branches)) {
      notes.push({ kind: "oneOf" });
    }
    alts = combine(alts, branches.flat(), scope, notes);
  }
  if ("not" in schema) {
    const types = typesOnly(schema.not);
    if (types) {
      const removed = without(alts, types);
      alts = removed.alts;
      if (!removed.exact && scope.role === "target")
        notes.push({ kind: "keyword", keyword: "not" });
    } else if (schema.not === true) alts = [];
    else if (scope.role === "target" && schema.not !== false)
      notes.push({ kind: "keyword", keyword: "not" });
  }
  if (scope.role === "target") {
    for (const keyword of ["if", "then", "else"]) {
      if (keyword in schema) notes.push({ kind: "keyword", keyword });
    }
  }
  return { alts, notes };
};

const cache: Record<TRole, WeakMap<TDocument, WeakMap<object, TNormalized>>> = {
  source: new WeakMap(),
  target: new WeakMap(),
};

const ANYTHING: TNormalized = { alts: ANY_ALTS, notes: [] };
const NOTHING: TNormalized = { alts: [], notes: [] };

const normalizeSchema = (schema: TJsonSchema, scope: TScope): TNormalized => {
  if (schema === true) return ANYTHING;
  if (schema === false) return NOTHING;
  let perDocument = cache[scope.role].get(scope.document);
  const cached = perDocument?.get(schema);
  if (cached) return cached;
  // A schema that reaches itself through $ref/allOf/anyOf without a property or item in
  // between has no finite meaning Baton can use.
  if (scope.expanding.has(schema)) {
    return { alts: ANY_ALTS, notes: [{ kind: "recursion" }] };
  }
  scope.expanding.add(schema);
  const normalized = normalizeObject(schema, scope);
  scope.expanding.delete(schema);
  if (scope.expanding.size === 0) {
    if (!perDocument) {
      perDocument = new WeakMap();
      cache[scope.role].set(scope.document, perDocument);
    }
    perDocument.set(schema, normalized);
  }
  return normalized;
};

const typeAlts = (normalized: TNormalized[]): readonly TAlt[] => normalized.flatMap((n) => n.alts);

/** Whether no value at all fits the nodes (an untyped expression might still give one). */
export const isEmptyNodes = (nodes: readonly TSchemaNode[]): boolean => {
  const normalized = normalize(nodes, "source");
  return normalized.alts.length === 0 && !normalized.unknown;
};

/** Normalizes a node (or a conjunction of nodes) for reading as source or target. */
export const normalize = (
  nodes: TSchemaNode | readonly TSchemaNode[],
  role: TRole,
): TNormalized => {
  const list: readonly TSchemaNode[] = Array.isArray(nodes) ? nodes : [nodes as TSchemaNode];
  if (list.length === 1) return normalizeOne(list[0] as TSchemaNode, role);
  const parts = list.map((node) => normalizeOne(node, role));
  const unknown = parts.find((part) => part.unknown)?.unknown;
  let alts: readonly TAlt[] = ANY_ALTS;
  const notes: TNote[] = [];
  for (const part of parts) {
    if (part.unknown) continue;
    notes.push(...part.notes);
    const both = intersectAlts(alts, part.alts);
    if (both) alts = both;
    else if (role === "target") notes.push({ kind: "complex" });
  }
  return unknown ? { alts, notes, unknown } : { alts, notes };
};

const built: Record<TRole, WeakMap<TSchemaNode, TNormalized>> = {
  source: new WeakMap(),
  target: new WeakMap(),
};

const normalizeOne = (node: TSchemaNode, role: TRole): TNormalized => {
  if (node.kind === "json") {
    if (typeof node.schema === "boolean") return node.schema ? ANYTHING : NOTHING;
    const cached = cache[role].get(node.document)?.get(node.schema);
    if (cached) return cached;
    return normalizeSchema(node.schema, { document: node.document, role, expanding: new Set() });
  }
  let normalized = built[role].get(node);
  if (!normalized) {
    normalized = normalizeBuilt(node, role);
    built[role].set(node, normalized);
  }
  return normalized;
};

/** Normalizes the shapes Baton builds itself (see TSchemaNode). */
const normalizeBuilt = (node: Exclude<TSchemaNode, { kind: "json" }>, role: TRole): TNormalized => {
  switch (node.kind) {
    case "unknown":
      return { alts: ANY_ALTS, notes: [], unknown: node.reason };
    case "array":
      return { alts: [{ ...ARRAY_ALT, rest: [node.items] }], notes: [] };
    case "object": {
      const properties = new Map([...node.fields].map(([key, field]) => [key, field.node]));
      const required = [...node.fields].filter(([, field]) => field.required).map(([key]) => key);
      const clause: TClause = node.closed
        ? { properties, patterns: [], additional: FALSE_NODE }
        : { properties, patterns: [] };
      return {
        alts: [{ ...OBJECT_ALT, clauses: [clause], required: new Set(required) }],
        notes: [],
      };
    }
    case "allOf":
      return normalize(node.parts, role);
    case "anyOf": {
      const parts = node.parts.map((part) => normalizeOne(part, role));
      const unknown = parts.find((part) => part.unknown)?.unknown;
      const alts = typeAlts(parts);
      const notes = parts.flatMap((part) => part.notes);
      return unknown ? { alts, notes, unknown } : { alts, notes };
    }
  }
};

/** Whether no value can be valid under two of the branches at once. */
const pairwiseDisjoint = (branches: readonly (readonly TAlt[])[]): boolean =>
  branches.every((left, i) =>
    branches
      .slice(i + 1)
      .every((right) => left.every((a) => right.every((b) => altsDisjoint(a, b, 2)))),
  );

export const altsDisjoint = (a: TAlt, b: TAlt, depth: number): boolean => {
  if (a.type !== b.type) return true;
  if (a.type === "null" || b.type === "null") return false;
  if (a.type === "object" && b.type === "object") {
    if (depth <= 0) return false;
    for (const key of a.required) {
      if (!b.required.has(key)) continue;
      const left = normalize(schemasForKey(a, key), "target").alts;
      const right = normalize(schemasForKey(b, key), "target").alts;
      if (left.every((x) => right.every((y) => altsDisjoint(x, y, depth - 1)))) return true;
    }
    return false;
  }
  return intersectAlts([a], [b])?.length === 0;
};
