import { BatonError } from "./errors.ts";
import type { TEvaluateExpression } from "./expression.ts";
import { indexGraph, type TGraphIndex, type TGraphLike } from "./graph.ts";
import { isSchemaObject } from "./json-schema.ts";
import { resolveReference, type TRunContext } from "./reference.ts";
import { type TMapping, type TNode, type TSource, WHOLE_INPUT } from "./scenario.ts";
import { formatIssues, validateValue } from "./validate-value.ts";
import { compileSchema } from "./validator.ts";

/**
 * The value of one mapping source at run time. An expression that declares a schema must
 * produce a value valid for it: that is what lets the static check trust the declaration.
 */
export const resolveSource = async (
  source: TSource,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<unknown> => {
  if ("ref" in source) return resolveReference(source.ref, context);
  if ("literal" in source) return structuredClone(source.literal);
  const value = await evaluate(source.expr, context);
  if (source.schema === undefined) return value;
  const compiled = compileSchema(source.schema);
  if (!compiled.ok) {
    throw new BatonError(
      "BAD_INPUT",
      `The schema declared for "${source.expr}" is invalid: ${compiled.message}.`,
    );
  }
  const issues = value === undefined ? [] : validateValue(source.schema, value);
  if (value === undefined || issues.length) {
    const got = value === undefined ? "it gave nothing" : formatIssues(issues);
    throw new BatonError(
      "BAD_INPUT",
      `The expression "${source.expr}" does not match its declared schema: ${got}.`,
      { value, issues },
    );
  }
  return value;
};

const define = (target: Record<string, unknown>, key: string, value: unknown): void => {
  // defineProperty, so a field named "__proto__" stays a field.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

/**
 * Builds a step's input from its mapping. Each target path is set from its source;
 * objects along a path are always created, and a source that gives nothing leaves its
 * field out. The single key "$" returns its source's value as the whole input.
 */
export const buildInput = async (
  mapping: TMapping,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<unknown> => {
  const whole = mapping[WHOLE_INPUT];
  if (whole) return resolveSource(whole, context, evaluate);
  const input: Record<string, unknown> = {};
  for (const [path, source] of Object.entries(mapping)) {
    const segments = path.split(".");
    const leaf = segments.pop() as string;
    let parent = input;
    for (const segment of segments) {
      const next = Object.hasOwn(parent, segment) ? parent[segment] : undefined;
      if (isSchemaObject(next)) parent = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        define(parent, segment, created);
        parent = created;
      }
    }
    const value = await resolveSource(source, context, evaluate);
    if (value !== undefined) define(parent, leaf, value);
  }
  return input;
};

/** A node's mapping: `output` for an end node, `input` for the kinds that take one. */
const mappingOf = (node: TNode): TMapping | undefined => {
  if (node.kind === "end") return node.output;
  if (node.kind === "function" || node.kind === "manual" || node.kind === "subscenario")
    return node.input;
  return undefined;
};

/**
 * What a node receives at run time, by the same rules the check types it with: a start
 * gets the scenario input (in a map body, the item); a node with a mapping gets the
 * mapping's value; otherwise it gets its single predecessor's output, or its error along
 * an error edge. A join without a mapping gets nothing.
 */
export const buildNodeInput = async (
  graph: TGraphLike | TGraphIndex,
  nodeId: string,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<unknown> => {
  const index = "outgoing" in graph ? graph : indexGraph(graph);
  const node = index.nodes.get(nodeId);
  if (!node) throw new BatonError("NOT_FOUND", `There is no node "${nodeId}" in this graph.`);
  if (node.kind === "start") return "item" in context ? context.item : context.input;
  const mapping = mappingOf(node);
  if (mapping) return buildInput(mapping, context, evaluate);
  const incoming = index.incoming.get(nodeId) ?? [];
  const [edge] = incoming;
  if (incoming.length !== 1 || !edge) return undefined;
  const result = Object.hasOwn(context.steps, edge.source) ? context.steps[edge.source] : undefined;
  return edge.kind === "error" ? result?.error : result?.output;
};
