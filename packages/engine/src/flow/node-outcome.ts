import {
  resolveRetryPolicy,
  retriesFailure,
  retryDelayMs,
  type TClassifiedFailure,
  type TNode,
  type TStepError,
} from "@baton/model";
import type { TAt, TEffect, TStepRef } from "./effects.ts";

/** What executing a node came to (`worker/execute-node.ts`), before anything is stored. */
export type TNodeOutcome =
  | { kind: "succeeded"; output: unknown; input: unknown; branch?: string }
  /** `classified`: a provider's classification of the failure, with the HTTP status it answered */
  | { kind: "failed"; error: TStepError; classified?: TClassifiedFailure; input: unknown }
  | { kind: "task"; input: unknown; dueAt: Date | null }
  | { kind: "wait"; until: Date }
  | { kind: "subscenario"; input: unknown; versionId: string }
  | { kind: "map"; items: unknown[] };

/**
 * What a node's execution leads to. A failure the step's retry policy retries (`retryOn`:
 * the provider's classification or the HTTP status), with attempts left, is tried again
 * after its backoff; any other fails the step (the engine's own failures are never retried).
 * A map over an empty list succeeds at once with `[]`.
 */
export const onNodeOutcome = (
  node: TNode,
  at: TAt,
  step: TStepRef,
  outcome: TNodeOutcome,
): TEffect[] => {
  switch (outcome.kind) {
    case "succeeded":
      return [
        {
          kind: "succeed-step",
          at,
          step,
          output: outcome.output,
          input: outcome.input,
          ...(outcome.branch === undefined ? {} : { branch: outcome.branch }),
        },
      ];
    case "failed": {
      const policy = resolveRetryPolicy(node.kind === "function" ? node.retry : { maxAttempts: 1 });
      const retried = outcome.classified && retriesFailure(policy, outcome.classified);
      if (retried && step.attempt < policy.maxAttempts) {
        const delayMs = retryDelayMs(policy, step.attempt);
        return [
          { kind: "retry-step", at, step, error: outcome.error, input: outcome.input, delayMs },
        ];
      }
      return [{ kind: "fail-step", at, step, error: outcome.error, input: outcome.input }];
    }
    case "task":
      return [{ kind: "open-task", at, step, input: outcome.input, dueAt: outcome.dueAt }];
    case "wait":
      return [{ kind: "wait-until", at, step, until: outcome.until }];
    case "subscenario":
      return [
        {
          kind: "park-for-child",
          at,
          step,
          versionId: outcome.versionId,
          input: outcome.input,
        },
      ];
    case "map":
      return outcome.items.length
        ? [{ kind: "park-map", at, step, items: outcome.items }]
        : [{ kind: "succeed-step", at, step, output: [], input: outcome.items }];
  }
};
