/** One difference between two schemas, at a dotted path (`$` is the root). */
export type TSchemaChange = {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const join = (base: string, key: string) => (base === "$" ? key : `${base}.${key}`);

/**
 * What changed between two JSON Schemas, keyword by keyword: objects are compared key by
 * key, anything else (arrays such as `required` and `enum` included) as a whole value.
 * At most `limit` changes, so a rewritten schema does not flood a refresh report.
 */
export const diffSchemas = (before: unknown, after: unknown, limit = 50): TSchemaChange[] => {
  const changes: TSchemaChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (changes.length >= limit) return;
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const at = join(path, key);
        if (!(key in b)) changes.push({ path: at, kind: "removed", before: a[key] });
        else if (!(key in a)) changes.push({ path: at, kind: "added", after: b[key] });
        else walk(a[key], b[key], at);
        if (changes.length >= limit) return;
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes.push({ path, kind: "changed", before: a, after: b });
    }
  };
  walk(before, after, "$");
  return changes;
};
