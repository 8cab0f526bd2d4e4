import type { TJsonSchema, TJsonSchemaObject } from "../json-schema.ts";
import type { TDocument } from "./document.ts";
import type { TSchemaNode } from "./node.ts";

/** FNV-1a, so a bundled document's id depends only on its content. */
const hash = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
};

/** `$schema` may only sit at a document's root, and this copy will not be one. */
const inline = (schema: TJsonSchema): TJsonSchema => {
  if (typeof schema === "boolean" || !("$schema" in schema)) return schema;
  const { $schema: _, ...rest } = schema;
  return rest;
};

/**
 * Turns a node back into one standalone JSON Schema. Parts of documents without `$ref`
 * are inlined; parts of documents with `$ref` point into a copy of their document,
 * embedded under `$defs` with its own `$id` so its references keep resolving.
 */
export const materialize = (node: TSchemaNode): TJsonSchema => {
  const embedded = new Map<TDocument, { key: string; id: string }>();
  const embed = (document: TDocument): string => {
    let entry = embedded.get(document);
    if (!entry) {
      const root = document.root as TJsonSchemaObject;
      const own = typeof root.$id === "string" ? root.$id : undefined;
      const id = own ?? `urn:baton:schema:${hash(JSON.stringify(root))}`;
      entry = { key: `baton${embedded.size}`, id };
      embedded.set(document, entry);
    }
    return entry.id;
  };
  const build = (current: TSchemaNode): TJsonSchema => {
    switch (current.kind) {
      case "json": {
        const place =
          typeof current.schema === "object"
            ? current.document.places.get(current.schema)
            : undefined;
        if (!current.document.hasRefs || !place) return inline(current.schema);
        return { $ref: `${embed(current.document)}#${encodeURI(place.pointer)}` };
      }
      case "object": {
        const properties: Record<string, TJsonSchema> = {};
        const required: string[] = [];
        for (const [key, field] of current.fields) {
          properties[key] = build(field.node);
          if (field.required) required.push(key);
        }
        return {
          type: "object",
          properties,
          ...(required.length > 0 ? { required } : {}),
          ...(current.closed ? { additionalProperties: false } : {}),
        };
      }
      case "array":
        return { type: "array", items: build(current.items) };
      case "anyOf":
      case "allOf":
        return { [current.kind]: current.parts.map(build) };
      case "unknown":
        return true;
    }
  };
  const schema = build(node);
  if (embedded.size === 0) return schema;
  const $defs: Record<string, TJsonSchema> = {};
  for (const [document, { key, id }] of embedded) {
    const { $schema: _, ...root } = document.root as TJsonSchemaObject;
    $defs[key] = { ...root, $id: id };
  }
  if (typeof schema === "object" && !("$defs" in schema) && !("$id" in schema)) {
    return { ...schema, $defs };
  }
  return { allOf: [schema], $defs };
};
