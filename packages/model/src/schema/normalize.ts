import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "../json-schema.ts";
import {
  ANY_ALTS,
  ARRAY_ALT,
  intersectAlts,
  isEmptyAlt,
  OBJECT_ALT,
  schemasForKey,
  type TAlt,
  type TClause,
  valueAlts,
} from "./alternatives.ts";
import { resolveRef, type TDocument } from "./document.ts";
import {
  ANNOTATIONS,
  applyKeywords,
  isTypeKeyword,
  restrictTypes,
  typesOnly,
  unmodeledNotes,
  without,
} from "./keywords.ts";
import { FALSE_NODE, type TSchemaNode } from "./node.ts";

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

type TScope = {
  readonly document: TDocument;
  readonly role: TRole;
  readonly expanding: Set<object>;
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

const altsDisjoint = (a: TAlt, b: TAlt, depth: number): boolean => {
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
