import { isSchemaObject, type TJsonSchema } from "../json-schema.ts";
import { documentOf, resolveRef } from "./document.ts";

const MAX_HOPS = 32;

/**
 * The schema a `$ref` chain starting at `schema` ends on, resolved the way the checker
 * resolves it: against `root`'s document, its `$id`s, `$defs` and anchors (so the bundled
 * documents of `materialize`, `urn:baton:schema:…#/…`, resolve too). A schema without a
 * `$ref`, or whose reference points nowhere, comes back as it is.
 */
export const dereference = (schema: TJsonSchema, root: TJsonSchema): TJsonSchema => {
  const document = documentOf(root);
  let current = schema;
  for (let hops = 0; hops < MAX_HOPS && isSchemaObject(current); hops++) {
    const ref = current.$ref;
    if (typeof ref !== "string") return current;
    const target = resolveRef(document, current, ref);
    if (target === undefined) return current;
    current = target;
  }
  return current;
};
