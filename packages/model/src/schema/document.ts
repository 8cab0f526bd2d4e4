import { isSchemaObject, type TJsonSchema, type TJsonSchemaObject } from "../json-schema.ts";

/** The base URI of a schema document without an `$id` of its own. */
const DEFAULT_BASE = "urn:baton:schema";

/**
 * One schema document, scanned once: where each subschema sits (for bundling), which base
 * URI it resolves `$ref`s against, and the embedded resources and anchors it declares.
 */
export type TDocument = {
  readonly root: TJsonSchema;
  readonly places: ReadonlyMap<object, { readonly base: string; readonly pointer: string }>;
  readonly resources: ReadonlyMap<string, TJsonSchemaObject>;
  readonly anchors: ReadonlyMap<string, TJsonSchemaObject>;
  readonly hasRefs: boolean;
};

const SINGLE = [
  "additionalProperties",
  "items",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
  "contentSchema",
];
const MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

/** Calls `visit` for every direct subschema of `schema`, with its JSON pointer suffix. */
const forEachSubschema = (
  schema: TJsonSchemaObject,
  visit: (child: unknown, suffix: string) => void,
): void => {
  for (const keyword of SINGLE) {
    if (keyword in schema && !Array.isArray(schema[keyword])) visit(schema[keyword], `/${keyword}`);
  }
  for (const keyword of MAPS) {
    const map = schema[keyword];
    if (!isSchemaObject(map)) continue;
    for (const [key, child] of Object.entries(map))
      visit(child, `/${keyword}/${escapePointer(key)}`);
  }
  for (const keyword of LISTS) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const [i, child] of list.entries()) visit(child, `/${keyword}/${i}`);
  }
};

const escapePointer = (token: string): string => token.replaceAll("~", "~0").replaceAll("/", "~1");

const unescapePointer = (token: string): string =>
  decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");

const resolveUri = (base: string, ref: string): string | undefined => {
  if (ref.startsWith("#")) return `${base.split("#")[0]}${ref}`;
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
};

const scan = (root: TJsonSchema): TDocument => {
  const places = new Map<object, { base: string; pointer: string }>();
  const resources = new Map<string, TJsonSchemaObject>();
  const anchors = new Map<string, TJsonSchemaObject>();
  let hasRefs = false;
  const visit = (schema: unknown, base: string, pointer: string): void => {
    if (!isSchemaObject(schema) || places.has(schema)) return;
    let here = base;
    if (typeof schema.$id === "string") {
      here = (resolveUri(base, schema.$id) ?? base).split("#")[0] as string;
      resources.set(here, schema);
    }
    places.set(schema, { base: here, pointer });
    for (const keyword of ["$anchor", "$dynamicAnchor"]) {
      const anchor = schema[keyword];
      if (typeof anchor === "string") anchors.set(`${here}#${anchor}`, schema);
    }
    if (typeof schema.$ref === "string" || typeof schema.$dynamicRef === "string") hasRefs = true;
    forEachSubschema(schema, (child, suffix) => visit(child, here, pointer + suffix));
  };
  if (isSchemaObject(root)) {
    resources.set(DEFAULT_BASE, root);
    visit(root, DEFAULT_BASE, "");
  }
  return { root, places, resources, anchors, hasRefs };
};

const documents = new WeakMap<object, TDocument>();
const TRUE_DOCUMENT = scan(true);
const FALSE_DOCUMENT = scan(false);

/** The scanned document of a root schema; cached, so treat schemas as immutable. */
export const documentOf = (root: TJsonSchema): TDocument => {
  if (root === true) return TRUE_DOCUMENT;
  if (root === false) return FALSE_DOCUMENT;
  let document = documents.get(root);
  if (!document) {
    document = scan(root);
    documents.set(root, document);
  }
  return document;
};

const atPointer = (schema: unknown, fragment: string): unknown => {
  let current = schema;
  for (const token of fragment.split("/").slice(1)) {
    if (Array.isArray(current)) current = current[Number(unescapePointer(token))];
    else if (isSchemaObject(current)) current = current[unescapePointer(token)];
    else return undefined;
  }
  return current;
};

/** The subschema a `$ref` inside `from` points to, or undefined when Baton cannot find it. */
export const resolveRef = (
  document: TDocument,
  from: TJsonSchemaObject,
  ref: string,
): TJsonSchema | undefined => {
  const base = document.places.get(from)?.base ?? DEFAULT_BASE;
  const absolute = resolveUri(base, ref);
  if (absolute === undefined) return undefined;
  const hash = absolute.indexOf("#");
  const uri = hash < 0 ? absolute : absolute.slice(0, hash);
  const fragment = hash < 0 ? "" : absolute.slice(hash + 1);
  const resource = document.resources.get(uri);
  if (!resource) return undefined;
  if (fragment === "") return resource;
  const target = fragment.startsWith("/")
    ? atPointer(resource, fragment)
    : document.anchors.get(`${uri}#${fragment}`);
  return typeof target === "boolean" || isSchemaObject(target) ? target : undefined;
};
