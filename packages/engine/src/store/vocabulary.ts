/**
 * Words the engine's statements share, each written once.
 */

/** A step run still to finish (a map step waiting on its items counts). */
const ACTIVE_STEP_STATUSES = ["pending", "scheduled", "running", "retrying", "waiting"] as const;
export const ACTIVE_STEP = `(${ACTIVE_STEP_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/** A run still going. */
export const ACTIVE_RUN_STATUSES = ["pending", "running", "waiting"] as const;
export const ACTIVE_RUN = `(${ACTIVE_RUN_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/**
 * The key a function receives with each call, so it can recognise a call made again:
 * `runId:nodeId:generation:attempt`. A reclaimed attempt keeps its key; a rework (a new
 * generation) and a retry (a new attempt) get new ones.
 */
export const idempotencyKey = (step: {
  runId: string;
  nodeId: string;
  generation: number;
  attempt: number;
}): string => `${step.runId}:${step.nodeId}:${step.generation}:${step.attempt}`;

/** The same key, as SQL over a row with "runId", "nodeId", generation and `attempt`. */
export const idempotencyKeySql = (attempt = "attempt") =>
  `"runId" || ':' || "nodeId" || ':' || generation || ':' || ${attempt}`;
