import { BatonError } from "../errors.ts";
import type { TGraphLike } from "../graph.ts";
import type { TNode, TScenario } from "../scenario.ts";

/** Where in a node an edit applies: keys of objects, indexes of arrays. */
export type TEditPath = readonly (string | number)[];

/** One change to a node, as data: set the value at a path, or remove it. */
export type TNodeEdit =
  | { readonly op: "set"; readonly path: TEditPath; readonly value: unknown }
  | { readonly op: "remove"; readonly path: TEditPath };

/**
 * A change that settles a diagnostic, offered as one click: a title for the button and the
 * edits of one node (`nodeId`, anywhere in the scenario, map bodies included).
 */
export type TQuickFix = {
  readonly title: string;
  readonly nodeId: string;
  readonly edits: readonly TNodeEdit[];
};

type TContainer = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is TContainer =>
  typeof value === "object" && value !== null;

/** The value at a path, or undefined where the path leaves the value. */
export const valueAt = (value: unknown, path: TEditPath): unknown =>
  path.reduce<unknown>(
    (current, key) =>
      isContainer(current) && Object.hasOwn(current, key)
        ? (current as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );

// defineProperty, so a field named "__proto__" stays a field.
const put = (target: TContainer, key: string | number, value: unknown): void => {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

const copyOf = (value: unknown, key: string | number): TContainer => {
  if (Array.isArray(value)) return [...value];
  if (isContainer(value)) return { ...value };
  return typeof key === "number" ? [] : {};
};

const edit = (value: unknown, path: TEditPath, change: TNodeEdit): unknown => {
  const [key, ...rest] = path;
  if (key === undefined) return change.op === "set" ? structuredClone(change.value) : undefined;
  const copy = copyOf(value, key);
  const next = edit((copy as Record<string, unknown>)[key], rest, change);
  if (next !== undefined) put(copy, key, next);
  else if (Array.isArray(copy) && typeof key === "number") copy.splice(key, 1);
  else delete (copy as Record<string, unknown>)[key];
  return copy;
};

/** A node with edits applied; the node itself is left as it was. */
export const applyNodeEdits = <TValue extends object>(
  node: TValue,
  edits: readonly TNodeEdit[],
): TValue =>
  edits.reduce<TValue>((current, change) => {
    if (change.path.length === 0) throw new BatonError("BAD_INPUT", "An edit needs a path.");
    return edit(current, change.path, change) as TValue;
  }, node);

const fixGraph = <TGraph extends TGraphLike>(graph: TGraph, fix: TQuickFix): TGraph | undefined => {
  let found = false;
  const nodes = graph.nodes.map((node): TNode => {
    if (found) return node;
    if (node.id === fix.nodeId) {
      found = true;
      return applyNodeEdits(node, fix.edits);
    }
    if (node.kind !== "map") return node;
    const body = fixGraph(node.body, fix);
    if (!body) return node;
    found = true;
    return { ...node, body };
  });
  return found ? { ...graph, nodes } : undefined;
};

/** The scenario with a quick fix applied, for tools and tests; the designer applies it per node. */
export const applyQuickFix = (scenario: TScenario, fix: TQuickFix): TScenario => {
  const fixed = fixGraph(scenario, fix);
  if (!fixed) throw new BatonError("NOT_FOUND", `There is no node "${fix.nodeId}" to fix.`);
  return fixed;
};
