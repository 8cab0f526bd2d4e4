import type { TJsonSchema, TMapping, TSource } from "@baton/model";
import { schemaFields } from "../schema/schema-fields.ts";

export type TMappingRow = {
  /** Dotted target path, the mapping's key: `email`, `address.city`. */
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  readonly required: boolean;
  /** The target field's schema; absent for keys the schema does not name. */
  readonly schema: TJsonSchema | undefined;
  /** The whole target schema, which the field's `$ref`s resolve against. */
  readonly root: TJsonSchema;
  readonly source: TSource | undefined;
  /** An object field whose sub-fields are mapped one by one. */
  readonly expanded: boolean;
  readonly expandable: boolean;
};

const within = (key: string, path: string) => key === path || key.startsWith(`${path}.`);

/**
 * Sets (or clears) the source of one target path. Mapping a field replaces mappings of its
 * sub-fields and of the object around it, since the format allows only one of them.
 */
export const setMappingSource = (
  mapping: TMapping | undefined,
  path: string,
  source: TSource | undefined,
): TMapping | undefined => {
  const next: TMapping = {};
  for (const [key, value] of Object.entries(mapping ?? {})) {
    if (within(key, path) || within(path, key)) continue;
    next[key] = value;
  }
  if (source) next[path] = source;
  return Object.keys(next).length > 0 ? next : undefined;
};

/** The rows of a mapping editor: the target's fields (sub-fields where mapped so), then any other keys. */
export const mappingRows = (
  target: TJsonSchema | undefined,
  mapping: TMapping | undefined,
  expanded: ReadonlySet<string>,
): TMappingRow[] => {
  const keys = Object.keys(mapping ?? {});
  const covered = new Set<string>();
  const rows: TMappingRow[] = [];
  const visit = (schema: TJsonSchema, prefix: string, depth: number, root: TJsonSchema) => {
    for (const field of schemaFields(schema, root)) {
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      const expandable = depth < 3 && schemaFields(field.schema, root).length > 0;
      const open = expandable && (expanded.has(path) || keys.some((k) => k.startsWith(`${path}.`)));
      covered.add(path);
      rows.push({
        path,
        name: field.name,
        depth,
        required: field.required,
        schema: field.schema,
        root,
        source: mapping?.[path],
        expanded: open,
        expandable,
      });
      if (open) visit(field.schema, path, depth + 1, root);
    }
  };
  if (target !== undefined) visit(target, "", 0, target);
  for (const key of keys) {
    if (covered.has(key)) continue;
    rows.push({
      path: key,
      name: key,
      depth: 0,
      required: false,
      schema: undefined,
      root: target ?? true,
      source: mapping?.[key],
      expanded: false,
      expandable: false,
    });
  }
  return rows;
};
