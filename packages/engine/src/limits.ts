import {
  BatonError,
  DEFAULT_RUN_LIMITS,
  describeBytes,
  jsonProblem,
  type TRunLimits,
} from "@baton/model";
import {
  DEFAULT_EXPRESSION_LIMITS,
  type TExpressionLimits,
} from "./expressions/expression-sandbox.ts";

/** What one engine bounds: the run's values and maps, its expressions, and its poison pills. */
export type TEngineLimits = TRunLimits & {
  expressions: Omit<TExpressionLimits, "maxResultBytes">;
  /**
   * times a step may be taken back from a process that stopped while running it (a crash,
   * a kill, a hang past its lease) before it fails instead of being handed out again
   */
  stepReclaims: number;
};

export const DEFAULT_ENGINE_LIMITS: TEngineLimits = {
  ...DEFAULT_RUN_LIMITS,
  expressions: {
    timeoutMs: DEFAULT_EXPRESSION_LIMITS.timeoutMs,
    memoryMb: DEFAULT_EXPRESSION_LIMITS.memoryMb,
    processes: DEFAULT_EXPRESSION_LIMITS.processes,
  },
  stepReclaims: 3,
};

export type TEngineLimitsOption = Partial<Omit<TEngineLimits, "expressions">> & {
  expressions?: Partial<TEngineLimits["expressions"]>;
};

export const resolveLimits = (option: TEngineLimitsOption = {}): TEngineLimits => ({
  ...DEFAULT_ENGINE_LIMITS,
  ...option,
  expressions: { ...DEFAULT_ENGINE_LIMITS.expressions, ...option.expressions },
});

/**
 * Refuses a value a run cannot keep: one whose JSON is larger than the limit, or that
 * holds what PostgreSQL cannot store (a NUL character, half a surrogate pair) or nests
 * deeper than the limit. `what` names it ("The output of "Fetch""), `root` its path's start.
 */
export const checkValue = (
  what: string,
  root: string,
  value: unknown,
  limits: Pick<TRunLimits, "valueBytes" | "jsonDepth">,
): void => {
  if (value === undefined) return;
  const problem = jsonProblem(value, limits.jsonDepth, root);
  if (problem) {
    throw new BatonError("BAD_INPUT", `${what} cannot be kept: ${problem}`, { limit: "value" });
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? "");
  if (bytes > limits.valueBytes) {
    throw new BatonError(
      "BAD_INPUT",
      `${what} is ${describeBytes(bytes)}; at most ${describeBytes(limits.valueBytes)} is allowed (BATON_MAX_VALUE_BYTES).`,
      { limit: "valueBytes", bytes, limitBytes: limits.valueBytes },
    );
  }
};
