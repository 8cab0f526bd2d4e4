import {
  BatonError,
  buildNodeInput,
  type TEvaluateExpression,
  type TNode,
  type TRunContext,
} from "@baton/model";
import type { TVersion } from "../versions.ts";

/**
 * A step's input, by the same rules the check types it with (`@baton/model`
 * `buildNodeInput`): its mapping evaluated against the run, or, with no mapping, what its
 * single incoming edge carries — the predecessor's output, or its error after an error edge.
 */
export const stepInput = async (
  version: TVersion,
  node: TNode,
  context: TRunContext,
  evaluate: TEvaluateExpression,
): Promise<unknown> => {
  const mapping = "input" in node ? node.input : undefined;
  const place = version.place(node.id);
  const sources = place.flow.incoming(node.id).length;
  if ((!mapping || !Object.keys(mapping).length) && sources !== 1) {
    throw new BatonError(
      "BAD_INPUT",
      `Step "${node.label}" has ${sources} incoming edges and no input mapping, so its input is ambiguous; map its fields.`,
    );
  }
  return buildNodeInput(place.index, node.id, context, evaluate);
};
