import { isIndexSegment, parseReference } from "../reference.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Literals JSONata refuses as a step of a path unless quoted.
const LITERALS = new Set(["true", "false", "null"]);

/**
 * The JSONata expression that reads what a reference reads, so a quick fix can give a
 * referenced value a declared schema. Undefined for a name JSONata cannot quote.
 */
export const referenceExpression = (text: string): string | undefined => {
  const reference = parseReference(text);
  if (!reference) return undefined;
  let expression =
    reference.root === "output" || reference.root === "error"
      ? `steps.${reference.nodeId}.${reference.root}`
      : reference.root;
  for (const segment of reference.path) {
    if (isIndexSegment(segment)) expression += `[${segment}]`;
    else if (NAME.test(segment) && !LITERALS.has(segment)) expression += `.${segment}`;
    else if (segment.includes("`")) return undefined;
    else expression += `.\`${segment}\``;
  }
  return expression;
};
