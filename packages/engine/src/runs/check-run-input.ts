import { BatonError, formatIssues, validateValue } from "@baton/model";
import type { TEngineContext } from "../context.ts";
import { checkValue } from "../limits.ts";
import type { TVersion } from "../versions.ts";

/** Rejects an input the scenario's start node does not accept, naming every field. */
export const checkRunInput = (ctx: TEngineContext, version: TVersion, input: unknown): void => {
  checkValue("The run's input", "input", input, ctx.limits);
  const schema = version.startNode.kind === "start" ? version.startNode.inputSchema : undefined;
  if (schema === undefined) return;
  const issues = validateValue(schema, input);
  if (issues.length) {
    throw new BatonError(
      "BAD_INPUT",
      `The input does not match the scenario's input schema: ${formatIssues(issues)}`,
      { issues },
    );
  }
};
