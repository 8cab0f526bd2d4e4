import type { TQuickFix } from "./quick-fix.ts";

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
  /** Changes that settle it in one click, computed by the check (see quick-fix.ts). */
  readonly fixes?: readonly TQuickFix[];
};

/**
 * The diagnostic with `fixes` worked out when first read (by a person opening the
 * problem, or JSON for the server's answer), so a check with many problems stays fast.
 */
export const withLazyFixes = (
  diagnostic: TDiagnostic,
  compute: () => readonly TQuickFix[],
): TDiagnostic => {
  let fixes: readonly TQuickFix[] | undefined | null = null;
  return Object.defineProperty(diagnostic, "fixes", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (fixes === null) {
        const found = compute();
        fixes = found.length > 0 ? found : undefined;
      }
      return fixes;
    },
  });
};

/** " Did you mean …?" for the closest candidate, if any; see `closest`. */
export const didYouMean = (match: string | undefined): string =>
  match === undefined ? "" : ` Did you mean "${match}"?`;
