import { closest } from "../schema/closest.ts";

export type TDiagnosticCode =
  | "invalid-format"
  | "invalid-schema"
  | "duplicate-node-id"
  | "duplicate-edge-id"
  | "missing-start"
  | "multiple-starts"
  | "missing-end"
  | "multiple-ends"
  | "dangling-edge"
  | "invalid-edge"
  | "cycle"
  | "unreachable-node"
  | "dead-end"
  | "missing-function"
  | "unknown-function"
  | "unknown-scenario"
  | "unchecked-subscenario"
  | "missing-mapping"
  | "missing-input"
  | "type-mismatch"
  | "unproven"
  | "unknown-step"
  | "not-ancestor"
  | "unavailable-output"
  | "unknown-field"
  | "invalid-reference"
  | "invalid-expression"
  | "unbounded-recursion"
  | "choice-without-default"
  | "missing-branch-edge"
  | "duplicate-branch-edge"
  | "unknown-branch"
  | "impossible-condition"
  | "invalid-form"
  | "no-assignees"
  | "map-not-array"
  | "over-limit";

/**
 * One finding of the scenario check. `code` is stable for tools; `message` is a sentence
 * for a person and `fix` says what to do about it.
 */
export type TDiagnostic = {
  readonly severity: "error" | "warning";
  readonly code: TDiagnosticCode;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** Where in the node, e.g. `input.email` or `output.userId`. */
  readonly path?: string;
  readonly fix?: string;
};

export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const match = closest(word, candidates);
  return match === undefined ? "" : ` Did you mean "${match}"?`;
};
