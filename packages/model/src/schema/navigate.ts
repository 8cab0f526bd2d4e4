import { isIndexSegment } from "../reference.ts";
import { knownKeys, schemasForKey } from "./alternatives.ts";
import { allOfNodes, anyOfNodes, type TSchemaNode } from "./node.ts";
import { isEmptyNodes, normalize } from "./normalize.ts";

/** The schema of `value[segment]`, and whether that value is sure to be there. */
export type TChild = { readonly node: TSchemaNode; readonly present: boolean };

/**
 * Steps into a field or array index the way references do at run time: a missing field,
 * an index past the end or a step into a non-container gives nothing (so `present` is
 * false); undefined means no value of the schema has the field at all.
 */
export const childOf = (node: TSchemaNode, segment: string): TChild | undefined => {
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
