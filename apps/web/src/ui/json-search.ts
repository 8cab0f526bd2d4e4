/** A path into a JSON value, as shown to people: `$`, `$.items[0].sku`. */
export const childPath = (parent: string, key: string | number): string =>
  typeof key === "number"
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${parent}.${key}`
      : `${parent}[${JSON.stringify(key)}]`;

export type TJsonMatches = {
  /** paths whose key or primitive value contains the query */
  hits: Set<string>;
  /** containers to open so every hit is visible */
  open: Set<string>;
};

const primitiveText = (value: unknown): string =>
  value === null ? "null" : typeof value === "string" ? value : String(value);

/** Case-insensitive search through keys and primitive values. */
export const searchJson = (value: unknown, query: string): TJsonMatches => {
  const hits = new Set<string>();
  const open = new Set<string>();
  const needle = query.trim().toLowerCase();
  if (!needle) return { hits, open };
  const visit = (node: unknown, path: string, key: string | undefined, ancestors: string[]) => {
    const keyHit = key?.toLowerCase().includes(needle) ?? false;
    if (node !== null && typeof node === "object") {
      const entries: [string | number, unknown][] = Array.isArray(node)
        ? node.map((v, i) => [i, v])
        : Object.entries(node);
      if (keyHit) {
        hits.add(path);
        for (const a of ancestors) open.add(a);
      }
      for (const [k, v] of entries) {
        visit(v, childPath(path, k), typeof k === "string" ? k : undefined, [...ancestors, path]);
      }
      return;
    }
    if (keyHit || primitiveText(node).toLowerCase().includes(needle)) {
      hits.add(path);
      for (const a of ancestors) open.add(a);
    }
  };
  visit(value, "$", undefined, []);
  return { hits, open };
};

/** How a collapsed container reads: `{3 keys}`, `[2 items]`. */
export const summarize = (value: object): string =>
  Array.isArray(value)
    ? `[${value.length} item${value.length === 1 ? "" : "s"}]`
    : `{${Object.keys(value).length} key${Object.keys(value).length === 1 ? "" : "s"}}`;
