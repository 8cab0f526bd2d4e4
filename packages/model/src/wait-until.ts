import { resolveSource } from "./build-input.ts";
import { parseDuration } from "./duration.ts";
import { BatonError } from "./errors.ts";
import type { TEvaluateExpression } from "./expression.ts";
import type { TRunContext } from "./reference.ts";
import type { TWaitNode } from "./scenario.ts";

/** When a wait node ends, in epoch milliseconds. */
export const resolveWaitUntil = async (
  node: TWaitNode,
  context: TRunContext,
  now: number,
  evaluate: TEvaluateExpression,
): Promise<number> => {
  if (node.duration !== undefined) return now + parseDuration(node.duration);
  const until = node.until ? await resolveSource(node.until, context, evaluate) : undefined;
  const time = typeof until === "string" ? Date.parse(until) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new BatonError(
      "BAD_INPUT",
      `"${node.label}" needs a date-time to wait until, got ${JSON.stringify(until) ?? "nothing"}.`,
    );
  }
  return time;
};
