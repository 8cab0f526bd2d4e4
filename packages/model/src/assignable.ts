import type { TJsonSchema } from "./json-schema.ts";
import { compare, type TProblem } from "./schema/compare.ts";
import { schemaNode } from "./schema/node.ts";

export type { TProblem, TProblemCode } from "./schema/compare.ts";

export type TAssignableOptions = {
  /** Names the source value in messages, e.g. "Create user.output.email". */
  readonly sourceLabel?: string;
  /** Names who needs the value, e.g. "Validate email". */
  readonly targetLabel?: string;
  /** Where the value goes, prefixed to every problem path, e.g. "input.recipient". */
  readonly path?: string;
};

/**
 * `ok` only when Baton proved that every value valid for `source` is valid for `target`.
 * Errors name a way a source value can break the target; warnings name what Baton
 * could not prove (patterns, keywords it does not model), so they also make `ok` false.
 */
export type TAssignability = { readonly ok: boolean; readonly problems: readonly TProblem[] };

export const assignable = (
  source: TJsonSchema,
  target: TJsonSchema,
  options: TAssignableOptions = {},
): TAssignability => {
  const problems = compare(schemaNode(source), schemaNode(target), {
    source: options.sourceLabel ?? "the source",
    target: options.targetLabel ?? "the target",
    path: options.path ?? "",
  });
  return {
    ok: problems.length === 0,
    problems: problems.map(({ severity, code, path, message }) => ({
      severity,
      code,
      path,
      message,
    })),
  };
};
