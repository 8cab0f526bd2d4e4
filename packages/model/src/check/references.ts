import type { TGraphIndex } from "../graph.ts";
import { INDEX_SCHEMA, STEP_ERROR_SCHEMA } from "../node-output.ts";
import { formatReference, isIndexSegment, parseReference, type TReference } from "../reference.ts";
import type { TMapNode, TNode } from "../scenario.ts";
import { closest } from "../schema/closest.ts";
import { childOf, declaresField, fieldNames } from "../schema/navigate.ts";
import { schemaNode, type TSchemaNode, withLabel } from "../schema/node.ts";
import { joinPath } from "../schema/walk.ts";
import type { TAvailabilityAnalysis } from "./availability.ts";
import { didYouMean, type TDiagnostic } from "./diagnostic.ts";
import type { TQuickFix } from "./quick-fix.ts";
import { referenceAt } from "./source-location.ts";

/** One graph being typed: the scenario, or a map body inside its parent's scope. */
export type TScope = {
  readonly index: TGraphIndex;
  readonly availability: TAvailabilityAnalysis;
  readonly parent?: { readonly scope: TScope; readonly map: TMapNode };
  /** Inside a map body: the schema of one item. */
  readonly item?: TSchemaNode;
};

/** What typing needs across graphs. Node ids are unique across the whole scenario. */
export type TTyping = {
  readonly input: TSchemaNode;
  /** The id of the scenario's start, whose schema the input is. */
  readonly start?: string;
  readonly outputs: Map<string, TSchemaNode>;
  /** What each node receives: its mapping's value, or its predecessor's result. */
  readonly inputs: Map<string, TSchemaNode>;
  readonly nodes: ReadonlyMap<string, TNode>;
  readonly scopes: Map<string, TScope>;
  readonly report: (diagnostic: TDiagnostic) => void;
};

/** Where a reference is used: which node, and which of its fields it fills. */
export type TUse = { readonly node: TNode; readonly scope: TScope; readonly path: string };

/** A typed value: its schema and whether it is sure to be there. */
export type TTyped = { readonly node: TSchemaNode; readonly present: boolean };

export const BROKEN: TTyped = { node: { kind: "unknown", reason: "broken" }, present: true };
const ERROR_NODE = schemaNode(STEP_ERROR_SCHEMA);
const INDEX_NODE = schemaNode(INDEX_SCHEMA);

const problem = (
  typing: TTyping,
  use: TUse,
  diagnostic: Omit<TDiagnostic, "nodeId" | "path" | "severity">,
) => {
  typing.report({ severity: "error", nodeId: use.node.id, path: use.path, ...diagnostic });
  return undefined;
};

/** A quick fix that makes the reference `from`, read at `use`, read `to` instead. */
const rewrite = (use: TUse, from: string, to: TReference | undefined): { fixes?: TQuickFix[] } => {
  const at = to && referenceAt(use.node, use.path, from);
  if (!to || !at) return {};
  const text = formatReference(to);
  return {
    fixes: [
      {
        title: `Read ${text} instead`,
        nodeId: use.node.id,
        edits: [{ op: "set", path: [...at, "ref"], value: text }],
      },
    ],
  };
};

/** The reference `text` with one path segment replaced. */
const withSegment = (text: string, index: number, segment: string): TReference | undefined => {
  const reference = parseReference(text);
  if (!reference) return undefined;
  const path = reference.path.map((own, i) => (i === index ? segment : own));
  return { ...reference, path };
};

/** Whether a schema declares every field along `path` (list indexes pass). */
const declaresPath = (node: TSchemaNode, path: readonly string[]): boolean => {
  let current: TSchemaNode | undefined = node;
  for (const segment of path) {
    if (!current || (!isIndexSegment(segment) && !declaresField(current, segment))) return false;
    current = childOf(current, segment)?.node;
  }
  return current !== undefined;
};

/** The scope in which `use` sees the step `nodeId`, and the node it sees it from. */
const sight = (
  typing: TTyping,
  use: TUse,
  nodeId: string,
): { scope: TScope; at: string } | undefined => {
  const owner = typing.scopes.get(nodeId);
  let scope: TScope | undefined = use.scope;
  let at = use.node.id;
  while (scope && scope !== owner) {
    at = scope.parent?.map.id ?? at;
    scope = scope.parent?.scope;
  }
  return scope ? { scope, at } : undefined;
};

/** Types the root of a step reference, reporting why a step's result is out of reach. */
export const typeStep = (
  typing: TTyping,
  use: TUse,
  nodeId: string,
  what: "output" | "error",
  text: string,
): TTyped | undefined => {
  const target = typing.nodes.get(nodeId);
  if (!target) {
    const match = closest(nodeId, typing.nodes.keys());
    const reference = parseReference(text);
    return problem(typing, use, {
      code: "unknown-step",
      message: `${text}: there is no step "${nodeId}".`,
      fix: `Refer to an upstream step by its id.${didYouMean(match)}`,
      ...(match !== undefined && reference?.root === what
        ? rewrite(use, text, { ...reference, nodeId: match })
        : {}),
    });
  }
  const seen = sight(typing, use, nodeId);
  const here = use.node.label;
  if (!seen) {
    return problem(typing, use, {
      code: "not-ancestor",
      message: `${text}: "${target.label}" is inside a map body, so only steps of that body can read it.`,
      fix: "Read the map node's output, which lists every item's result.",
    });
  }
  if (!seen.scope.availability.isAncestor(nodeId, seen.at)) {
    const after = nodeId === seen.at || seen.scope.availability.isAncestor(seen.at, nodeId);
    return problem(typing, use, {
      code: "not-ancestor",
      message: after
        ? `${text}: "${target.label}" runs after "${here}", so its ${what} does not exist yet.`
        : `${text}: "${target.label}" runs on a parallel branch, not before "${here}", so its ${what} may not exist yet.`,
      fix: `Read from a step upstream of "${here}", or connect "${target.label}" before it.`,
    });
  }
  const availability = seen.scope.availability.check(nodeId, seen.at, what);
  if (availability === "never") {
    const reference = parseReference(text);
    const other = what === "output" ? "error" : "output";
    const otherNode = other === "error" ? ERROR_NODE : typing.outputs.get(nodeId);
    // Offered only where the other result has the same field: else the fix trades one error for another.
    const readable =
      reference?.root === what &&
      otherNode !== undefined &&
      declaresPath(otherNode, reference.path);
    return problem(typing, use, {
      ...(readable ? rewrite(use, text, { ...reference, root: other }) : {}),
      code: "unavailable-output",
      message:
        what === "output"
          ? `${text}: "${here}" only runs after "${target.label}" failed, so there is no output to read.`
          : `${text}: "${here}" never runs after "${target.label}" failed, so there is no error to read.`,
      fix:
        what === "output"
          ? `Read steps.${nodeId}.error instead.`
          : `Read steps.${nodeId}.output instead.`,
    });
  }
  const node = what === "error" ? ERROR_NODE : (typing.outputs.get(nodeId) ?? BROKEN.node);
  return { node: withLabel(node, `${target.label}.${what}`), present: availability === "yes" };
};

/**
 * A field an open object does not declare: its value could be anything or nothing, which
 * is almost always a misspelt name, so one error says so instead of two about its type.
 */
const undeclared = (
  typing: TTyping,
  use: TUse,
  text: string,
  field: {
    readonly text: string;
    readonly index: number;
    readonly segment: string;
    readonly names: readonly string[];
  },
) => {
  const match = closest(field.segment, field.names);
  const instead =
    match === undefined
      ? `Read one of its declared fields (${field.names.join(", ")})`
      : `Read "${match}" instead`;
  return problem(typing, use, {
    code: "unknown-field",
    message: match === undefined ? text : `${text} Did you mean "${match}"?`,
    fix: `${instead}, or read "${field.segment}" with an expression that declares its schema.`,
    ...(match === undefined
      ? {}
      : rewrite(use, field.text, withSegment(field.text, field.index, match))),
  });
};

/** Types a reference like `steps.createUser.output.email` where `use` reads it. */
export const typeReference = (typing: TTyping, use: TUse, text: string): TTyped | undefined => {
  const reference = parseReference(text);
  if (!reference) {
    return problem(typing, use, {
      code: "invalid-reference",
      message: `"${text}" is not a reference.`,
    });
  }
  let root: TTyped | undefined;
  if (reference.root === "output" || reference.root === "error") {
    root = typeStep(typing, use, reference.nodeId, reference.root, text);
  } else if (reference.root === "input") {
    root = { node: withLabel(typing.input, "input"), present: true };
  } else {
    const { item } = use.scope;
    if (!item) {
      return problem(typing, use, {
        code: "invalid-reference",
        message: `${text}: "${reference.root}" only exists inside a map body.`,
        fix: "Read the scenario input or an upstream step instead.",
      });
    }
    root = {
      node: withLabel(reference.root === "item" ? item : INDEX_NODE, reference.root),
      present: true,
    };
  }
  if (!root) return undefined;
  let { node, present } = root;
  let label = node.label ?? formatReference({ ...reference, path: [] });
  for (const [index, segment] of reference.path.entries()) {
    const child = childOf(node, segment);
    if (!child) {
      const names = fieldNames(node);
      const match = closest(segment, names);
      return problem(typing, use, {
        code: "unknown-field",
        message: `${text}: ${label} has no field "${segment}".`,
        fix: `Pick one of its fields.${didYouMean(match)}`,
        ...(match === undefined ? {} : rewrite(use, text, withSegment(text, index, match))),
      });
    }
    if (!isIndexSegment(segment) && !declaresField(node, segment)) {
      return undeclared(typing, use, `${text}: "${segment}" is not declared by ${label}.`, {
        text,
        index,
        segment,
        names: fieldNames(node),
      });
    }
    label = joinPath(label, segment);
    node = child.node;
    present = present && child.present;
  }
  return { node: reference.path.length > 0 ? withLabel(node, label) : node, present };
};
