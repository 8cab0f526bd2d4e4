import { isSchemaObject } from "../json-schema.ts";
import { type TNode, WHOLE_INPUT } from "../scenario.ts";
import { type TEditPath, valueAt } from "./quick-fix.ts";

const RULE = /^rules\[(0|[1-9][0-9]*)\]$/;

/** Where the source of a use sits in its node, read back from the use's path. */
const sourcePath = (path: string): TEditPath | undefined => {
  const rule = RULE.exec(path);
  if (rule) return ["rules", Number(rule[1]), "condition"];
  if (path === "items" || path === "until") return [path];
  const dot = path.indexOf(".");
  const root = dot < 0 ? path : path.slice(0, dot);
  if (root !== "input" && root !== "output") return undefined;
  return [root, dot < 0 ? WHOLE_INPUT : path.slice(dot + 1)];
};

/**
 * Where in `node` the object holding the reference `text` as its `ref` sits, when the use
 * at `path` reads it from there (not from inside an expression or along an edge).
 */
export const referenceAt = (node: TNode, path: string, text: string): TEditPath | undefined => {
  const at = sourcePath(path);
  if (!at) return undefined;
  const holder = valueAt(node, at);
  return isSchemaObject(holder) && holder.ref === text ? at : undefined;
};
