import { isIndexSegment } from "../reference.ts";
import { knownKeys, schemasForKey } from "./alternatives.ts";
import type { TDocument } from "./document.ts";
import { compilePattern } from "./formats.ts";
import { allOfNodes, anyOfNodes, type TSchemaNode } from "./node.ts";
import { isEmptyNodes, normalize } from "./normalize.ts";

/** The schema of `value[segment]`, and whether that value is sure to be there. */
export type TChild = { readonly node: TSchemaNode; readonly present: boolean };

/**
 * Steps into a field or array index the way references do at run time: a missing field,
 * an index past the end or a step into a non-container gives nothing (so `present` is
 * false); undefined means no value of the schema has the field at all.
 */
const children = new WeakMap<TDocument, WeakMap<object, Map<string, TChild | null>>>();

/** `childOf`, remembered for places in schema documents (a catalog is navigated again and again). */
export const childOf = (node: TSchemaNode, segment: string): TChild | undefined => {
  if (node.kind !== "json" || typeof node.schema === "boolean") return computeChild(node, segment);
  let perDocument = children.get(node.document);
  if (!perDocument) {
    perDocument = new WeakMap();
    children.set(node.document, perDocument);
  }
  let perSchema = perDocument.get(node.schema);
  if (!perSchema) {
    perSchema = new Map();
    perDocument.set(node.schema, perSchema);
  }
  let child = perSchema.get(segment);
  if (child === undefined) {
    child = computeChild(node, segment) ?? null;
    perSchema.set(segment, child);
  }
  return child ?? undefined;
};

const computeChild = (node: TSchemaNode, segment: string): TChild | undefined => {
  const normalized = normalize(node, "source");
  if (normalized.unknown)
    return { node: { kind: "unknown", reason: normalized.unknown }, present: false };
  const parts: TSchemaNode[] = [];
  let present = normalized.alts.length > 0;
  for (const alt of normalized.alts) {
    if (alt.type === "object") {
      const nodes = schemasForKey(alt, segment);
      if (isEmptyNodes(nodes)) present = false;
      else parts.push(allOfNodes(nodes));
      if (!alt.required.has(segment)) present = false;
    } else if (alt.type === "array" && isIndexSegment(segment)) {
      const index = Number(segment);
      const items = alt.prefix[index] ?? alt.rest;
      if (index >= (alt.maxItems ?? Number.POSITIVE_INFINITY) || isEmptyNodes(items))
        present = false;
      else parts.push(allOfNodes(items));
      if (alt.minItems <= index) present = false;
    } else {
      present = false;
    }
  }
  return parts.length === 0 ? undefined : { node: anyOfNodes(parts), present };
};

/**
 * Whether some object the schema allows names the field `key`: in `properties`, `required`
 * or a matching `patternProperties`. An object that declares no fields at all declares every
 * one, and so does a schema that allows no object.
 */
export const declaresField = (node: TSchemaNode, key: string): boolean => {
  const normalized = normalize(node, "source");
  if (normalized.unknown) return true;
  const objects = normalized.alts.filter((alt) => alt.type === "object");
  return (
    objects.length === 0 ||
    objects.some((alt) => {
      const keys = knownKeys(alt);
      const patterns = alt.clauses.flatMap((clause) => clause.patterns);
      if (keys.size === 0 && patterns.length === 0) return true;
      return keys.has(key) || patterns.some(({ pattern }) => compilePattern(pattern)?.test(key));
    })
  );
};

/** The field names a schema's objects declare, to suggest a fix for a misspelt one. */
export const fieldNames = (node: TSchemaNode): string[] => {
  const names = new Set<string>();
  for (const alt of normalize(node, "source").alts) {
    if (alt.type === "object") for (const key of knownKeys(alt)) names.add(key);
  }
  return [...names];
};

/** The element schema of the lists a schema allows (prefix items included). */
export const elementOf = (node: TSchemaNode): TSchemaNode => {
  const normalized = normalize(node, "source");
  if (normalized.unknown) return { kind: "unknown", reason: normalized.unknown };
  return anyOfNodes(
    normalized.alts.flatMap((alt) =>
      alt.type === "array" ? [...alt.prefix.map(allOfNodes), allOfNodes(alt.rest)] : [],
    ),
  );
};
