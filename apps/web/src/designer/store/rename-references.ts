import { formatReference, parseReference } from "@baton/model";

/**
 * Copies a step with every `ref` that names a renamed node pointing at its new id, so a
 * pasted group keeps its internal wiring. Expressions are left as written.
 */
export const renameReferences = <T>(value: T, renamed: ReadonlyMap<string, string>): T => {
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, renamed)) as T;
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "ref" && typeof item === "string") {
      const reference = parseReference(item);
      const to = reference && "nodeId" in reference ? renamed.get(reference.nodeId) : undefined;
      copy[key] =
        reference && "nodeId" in reference && to
          ? formatReference({ ...reference, nodeId: to })
          : item;
    } else {
      copy[key] = renameReferences(item, renamed);
    }
  }
  return copy as T;
};
