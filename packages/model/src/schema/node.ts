import type { TJsonSchema } from "../json-schema.ts";
import { documentOf, type TDocument } from "./document.ts";

/**
 * A schema as the checker sees it: a place in a JSON Schema document, or a shape Baton
 * builds itself (the input a mapping produces, a map's list of results, ...). Building
 * shapes instead of JSON keeps each part resolving `$ref`s against its own document.
 * `label` names where a value comes from, for messages ("Create user.output.email").
 */
export type TSchemaNode =
  | {
      readonly kind: "json";
      readonly schema: TJsonSchema;
      readonly document: TDocument;
      readonly label?: string;
    }
  | {
      readonly kind: "object";
      readonly fields: ReadonlyMap<string, TField>;
      /** Closed: no fields besides `fields`. */
      readonly closed: boolean;
      readonly label?: string;
    }
  | { readonly kind: "array"; readonly items: TSchemaNode; readonly label?: string }
  | {
      readonly kind: "anyOf" | "allOf";
      readonly parts: readonly TSchemaNode[];
      readonly label?: string;
    }
  | {
      readonly kind: "unknown";
      /** expression: an untyped expression; broken: already reported elsewhere, stay quiet. */
      readonly reason: "expression" | "broken";
      readonly label?: string;
    };

export type TField = { readonly node: TSchemaNode; readonly required: boolean };

// Every json node has the same four fields, so property access stays monomorphic.
const jsonNode = (
  schema: TJsonSchema,
  document: TDocument,
  label: string | undefined,
): TSchemaNode => ({
  kind: "json",
  schema,
  document,
  label,
});

/** A whole schema document as a node. */
export const schemaNode = (schema: TJsonSchema, label?: string): TSchemaNode =>
  jsonNode(schema, documentOf(schema), label);

const canonical = new Map<string, TJsonSchema>();
const MAX_CANONICAL = 2_000;

/**
 * A node for a schema written into a scenario (an input schema, a declared expression
 * schema, a literal). Equal text gives the same object, so each fresh copy of a scenario
 * the designer sends reuses what was scanned, normalized and proved for the last one.
 */
export const inlineSchemaNode = (schema: TJsonSchema, label?: string): TSchemaNode => {
  if (typeof schema === "boolean") return schemaNode(schema, label);
  const text = JSON.stringify(schema);
  let known = canonical.get(text);
  if (known === undefined) {
    if (canonical.size >= MAX_CANONICAL) canonical.clear();
    known = schema;
    canonical.set(text, known);
  }
  return schemaNode(known, label);
};

/** A subschema of an already scanned document. */
export const subschemaNode = (document: TDocument, schema: TJsonSchema): TSchemaNode =>
  jsonNode(schema, document, undefined);

const TRUE_NODE = schemaNode(true);
export const FALSE_NODE = schemaNode(false);

export const withLabel = (node: TSchemaNode, label: string): TSchemaNode =>
  node.kind === "json" ? jsonNode(node.schema, node.document, label) : { ...node, label };

export const allOfNodes = (nodes: readonly TSchemaNode[]): TSchemaNode => {
  if (nodes.length === 0) return TRUE_NODE;
  if (nodes.length === 1) return nodes[0] as TSchemaNode;
  return { kind: "allOf", parts: nodes };
};

export const anyOfNodes = (nodes: readonly TSchemaNode[]): TSchemaNode => {
  if (nodes.length === 0) return FALSE_NODE;
  if (nodes.length === 1) return nodes[0] as TSchemaNode;
  return { kind: "anyOf", parts: nodes };
};

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (value: object): number => {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
};

const stableKeys = new WeakMap<TSchemaNode, string | null>();

/**
 * A key shared by nodes that mean the same schema: the same place in the same document,
 * or shapes built the same way from such places. Untyped values have none, so nothing
 * proved about them is remembered.
 */
export const stableKey = (node: TSchemaNode): string | undefined => {
  if (node.kind === "json") {
    if (typeof node.schema === "boolean") return node.schema ? "T" : "F";
    return `${idOf(node.schema)}@${idOf(node.document)}`;
  }
  let key = stableKeys.get(node);
  if (key === undefined) {
    key = builtKey(node) ?? null;
    stableKeys.set(node, key);
  }
  return key ?? undefined;
};

const keysOf = (nodes: readonly TSchemaNode[]): string | undefined => {
  const keys: string[] = [];
  for (const node of nodes) {
    const key = stableKey(node);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys.join(",");
};

const builtKey = (node: Exclude<TSchemaNode, { kind: "json" }>): string | undefined => {
  switch (node.kind) {
    case "unknown":
      return undefined;
    case "array": {
      const items = stableKey(node.items);
      return items === undefined ? undefined : `[${items}]`;
    }
    case "anyOf":
    case "allOf": {
      const parts = keysOf(node.parts);
      return parts === undefined ? undefined : `${node.kind}(${parts})`;
    }
    case "object": {
      const fields: string[] = [];
      for (const [name, field] of node.fields) {
        const key = stableKey(field.node);
        if (key === undefined) return undefined;
        fields.push(`${JSON.stringify(name)}${field.required ? "!" : "?"}${key}`);
      }
      return `{${node.closed ? "closed " : ""}${fields.join(",")}}`;
    }
  }
};

/** Identity of a node for memoizing; untyped values are told apart by object. */
export const nodeKey = (node: TSchemaNode): string => stableKey(node) ?? `n${idOf(node)}`;
