import { resolveSource } from "./build-input.ts";
import { BatonError } from "./errors.ts";
import type { TEvaluateExpression } from "./expression.ts";
import type { TRunContext } from "./reference.ts";
import type { TMapNode } from "./scenario.ts";

/** The list a map node iterates. */
export const resolveItems = async (
  node: TMapNode,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<unknown[]> => {
  const items = await resolveSource(node.items, context, evaluate);
  if (!Array.isArray(items)) {
    throw new BatonError(
      "BAD_INPUT",
      `"${node.label}" needs a list to iterate, but its items are ${items === undefined ? "missing" : `of type ${typeof items}`}.`,
    );
  }
  return items;
};
