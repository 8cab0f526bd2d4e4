import { chainTargets, needsStates, onStepDone } from "../flow/decide.ts";
import type { TEffect } from "../flow/effects.ts";
import type { TVersion } from "../versions.ts";

type TSucceed = Extract<TEffect, { kind: "succeed-step" }>;

/**
 * Effects one statement of `store/chain.ts` stores whole, without a transaction: the hot
 * path of a plain chain. Recognised by asking the run rules themselves what the success
 * leads to, so the fast form never becomes a second copy of them:
 * - `chain-step`: a step's success whose successors are a plain chain (scheduled with no
 *   read), stored with them and the first claimed for the worker;
 * - `run-end`: an end step's success that ends its run, when no other run waits for it
 *   and it started none;
 * and a run's start (`startFastForm`).
 */
export type TFastForm =
  | { kind: "chain-step"; effect: TSucceed; targets: string[] }
  | { kind: "run-end"; effect: TSucceed };

export const fastFormOf = (
  version: TVersion,
  effects: readonly TEffect[],
  run: { child: boolean },
): TFastForm | undefined => {
  const [effect] = effects;
  if (effects.length !== 1 || effect?.kind !== "succeed-step") return undefined;
  const fact = {
    kind: "step-done" as const,
    at: effect.at,
    step: effect.step,
    outcome: { kind: "succeeded" as const, branch: effect.branch },
    output: effect.output,
  };
  if (needsStates(version, fact)) return undefined;
  const [next, ...more] = onStepDone(version, fact);
  if (!next || more.length) return undefined;
  if (next.kind === "schedule") return { kind: "chain-step", effect, targets: next.nodeIds };
  if (next.kind === "end-run" && !run.child && !version.startsRuns) {
    return { kind: "run-end", effect };
  }
  return undefined;
};

/**
 * A run whose start leads straight into a chain is started by one statement
 * (`insertStartedRuns`): the run, its start step done, the first steps and their jobs.
 * Answers those first steps; nothing for a run another run waits for, a test run (the
 * transaction marks it, sparing the hot statement a column), or any other start.
 */
export const startFastForm = (
  version: TVersion,
  effect: Extract<TEffect, { kind: "create-run" }>,
): string[] | undefined =>
  effect.parentStepRunId || effect.test
    ? undefined
    : chainTargets(version, version.startNode.id, { kind: "succeeded" });
