import { BatonError } from "./errors.ts";
import type { TEvaluateExpression } from "./expression.ts";
import { isSchemaObject, jsonEqual } from "./json-schema.ts";
import { resolveReference, type TRunContext } from "./reference.ts";
import type { TChoiceNode, TComparison, TCondition } from "./scenario.ts";

/** JSONata's idea of truth, so a condition means what it means in the JSONata docs. */
const truthy = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(truthy);
  if (isSchemaObject(value)) return Object.keys(value).length > 0;
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0;
  return value === true;
};

const ordered = (left: unknown, right: unknown): number | undefined => {
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "string" && typeof right === "string")
    return left < right ? -1 : left > right ? 1 : 0;
  return undefined;
};

const holds = (comparison: TComparison, actual: unknown): boolean => {
  const { op, value } = comparison;
  switch (op) {
    case "exists":
      return actual !== undefined;
    case "notExists":
      return actual === undefined;
    case "eq":
      return jsonEqual(actual, value);
    case "ne":
      return !jsonEqual(actual, value);
    case "in":
      return Array.isArray(value) && value.some((item) => jsonEqual(actual, item));
    default: {
      const order = ordered(actual, value);
      if (order === undefined) return false;
      return op === "lt"
        ? order < 0
        : op === "lte"
          ? order <= 0
          : op === "gt"
            ? order > 0
            : order >= 0;
    }
  }
};

export const evaluateCondition = async (
  condition: TCondition,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<boolean> =>
  typeof condition === "string"
    ? truthy(await evaluate(condition, context))
    : holds(condition, resolveReference(condition.ref, context));

/** The branch a choice takes: the first rule that holds, else the default. */
export const chooseBranch = async (
  node: TChoiceNode,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<string> => {
  for (const rule of node.rules) {
    if (await evaluateCondition(rule.condition, context, evaluate)) return rule.branch;
  }
  if (node.default === undefined) {
    throw new BatonError(
      "PRECONDITION_FAILED",
      `No rule of "${node.label}" holds and it has no default branch.`,
    );
  }
  return node.default;
};
