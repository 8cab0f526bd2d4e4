import type { TNodeState } from "../flow/advance.ts";
import {
  attemptData,
  EVENT_RETURNING,
  eventsCte,
  json,
  notifiedCount,
  notifyEvents,
  stepData,
  type TSql,
} from "./sql.ts";
import { ACTIVE_STEP } from "./vocabulary.ts";

type TFinished = { runId: string; nodeId: string; scope: string };

/** Stores a step's output, if the attempt is still the current one. */
export const succeedStep = async (
  sql: TSql,
  stepRunId: string,
  attempt: number,
  output: unknown,
  input?: unknown,
  type = "step.succeeded",
): Promise<TFinished | undefined> => {
  const rows = await sql.$queryRawUnsafe<TFinished[]>(
    `
    WITH done AS (
      UPDATE "StepRun" SET status = 'succeeded', output = $3::jsonb, error = NULL,
        input = coalesce($5::jsonb, input), "endedAt" = now(), "updatedAt" = now()
      WHERE id = $1::uuid AND attempt = $2 AND status IN ('running', 'waiting')
      RETURNING id, "runId", "nodeId", scope, attempt, generation
    ),
    attempt_done AS (
      UPDATE "StepAttempt" a SET status = 'succeeded', "endedAt" = now()
      FROM done WHERE a."stepRunId" = done.id AND a.attempt = done.attempt
    ),
    ${eventsCte("done", "$4", `${attemptData()}`)}
    SELECT "runId", "nodeId", scope, ${notifiedCount()} AS notified FROM done`,
    stepRunId,
    attempt,
    json(output),
    type,
    json(input),
  );
  return rows[0];
};

/**
 * Records a failed attempt. `next` says what follows: another attempt later
 * (`retrying`), or the end of the step (`failed`).
 */
export const failStep = async (
  sql: TSql,
  stepRunId: string,
  attempt: number,
  error: unknown,
  next: "retrying" | "failed",
  details: Record<string, unknown> = {},
  input?: unknown,
): Promise<TFinished | undefined> => {
  const rows = await sql.$queryRawUnsafe<TFinished[]>(
    `
    WITH done AS (
      UPDATE "StepRun" SET status = $4::"StepStatus", error = $3::jsonb, "updatedAt" = now(),
        input = coalesce($6::jsonb, input),
        "endedAt" = CASE WHEN $4 = 'failed' THEN now() ELSE NULL END
      WHERE id = $1::uuid AND attempt = $2 AND status IN ('running', 'waiting')
      RETURNING id, "runId", "nodeId", scope, attempt
    ),
    attempt AS (
      UPDATE "StepAttempt" a SET status = 'failed', error = $3::jsonb, "endedAt" = now()
      FROM done WHERE a."stepRunId" = done.id AND a.attempt = done.attempt
    ),
    ${eventsCte("done", "'step.' || $4", `${attemptData()} || jsonb_build_object('error', $3::jsonb) || $5::jsonb`)}
    SELECT "runId", "nodeId", scope, ${notifiedCount()} AS notified FROM done`,
    stepRunId,
    attempt,
    json(error),
    next,
    json(details),
    json(input),
  );
  return rows[0];
};

/** Parks a running step: a manual task is open, or a wait has not elapsed. */
export const parkStep = async (
  sql: TSql,
  stepRunId: string,
  attempt: number,
  input: unknown,
  details: Record<string, unknown>,
): Promise<boolean> => {
  const rows = await sql.$queryRawUnsafe<unknown[]>(
    `
    WITH done AS (
      UPDATE "StepRun" SET status = 'waiting', input = $3::jsonb, "updatedAt" = now()
      WHERE id = $1::uuid AND attempt = $2 AND status = 'running'
      RETURNING id, "runId", "nodeId", scope
    ),
    ${eventsCte("done", "'step.waiting'", `${stepData()} || $4::jsonb`)}
    SELECT ${notifiedCount()} AS notified FROM done`,
    stepRunId,
    attempt,
    json(input),
    json(details),
  );
  return rows.length > 0;
};

export type TCreated = { id: string; nodeId: string };

/**
 * Creates step runs of the run's current generation; a node that already has one is left
 * alone. `inputs` sets a node's input ahead (an input edited by hand for a rework).
 */
export const createStepRuns = async (
  sql: TSql,
  at: { runId: string; scope: string },
  nodeIds: string[],
  status: "scheduled" | "skipped",
  inputs: Record<string, unknown> = {},
): Promise<TCreated[]> => {
  if (!nodeIds.length) return [];
  return sql.$queryRawUnsafe<TCreated[]>(
    `
    WITH created AS (
      INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, input, "scheduledAt", "endedAt", "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, node, $4, r.generation, $3::"StepStatus", $5::jsonb -> node, now(),
        CASE WHEN $3 = 'skipped' THEN now() END, now()
      FROM unnest($2::text[]) AS node, "Run" r WHERE r.id = $1::uuid
      ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING
      RETURNING id, "runId", "nodeId", scope
    ),
    ${eventsCte("created", "'step.' || $3", `${stepData()}`)}
    SELECT id, "nodeId", ${notifiedCount()} AS notified FROM created`,
    at.runId,
    nodeIds,
    status,
    at.scope,
    json(inputs),
  );
};

/** The current (not superseded) state of some nodes of a run. */
export const loadStates = async (
  sql: TSql,
  runId: string,
  nodeIds: string[],
  scope = "",
): Promise<Map<string, TNodeState>> => {
  const rows = await sql.$queryRawUnsafe<{ nodeId: string; status: string; output: unknown }[]>(
    `SELECT "nodeId", status, output FROM "StepRun"
      WHERE "runId" = $1::uuid AND scope = $3 AND "nodeId" = ANY($2::text[]) AND status <> 'superseded'`,
    runId,
    nodeIds,
    scope,
  );
  return new Map(
    rows.map((row): [string, TNodeState] => {
      switch (row.status) {
        case "succeeded":
          return [row.nodeId, { kind: "succeeded", branch: branchOf(row.output) }];
        case "failed":
          return [row.nodeId, { kind: "failed" }];
        case "skipped":
          return [row.nodeId, { kind: "skipped" }];
        default:
          return [row.nodeId, { kind: "active" }];
      }
    }),
  );
};

/** A choice step records the branch it picked in its output. */
export const branchOf = (output: unknown): string | undefined =>
  typeof output === "object" &&
  output !== null &&
  typeof (output as { branch?: unknown }).branch === "string"
    ? (output as { branch: string }).branch
    : undefined;

/** The open attempts of the `stopped` step runs end with them (their calls are aborted). */
export const attemptsStopped = `attempts_stopped AS (
      UPDATE "StepAttempt" a SET status = 'cancelled', "endedAt" = now()
      FROM stopped WHERE a."stepRunId" = stopped.id AND a."endedAt" IS NULL
    )`;

/**
 * Cancels what is still active in the iterations of a map step (nested maps included),
 * with their open tasks: one item failed, so the map step fails and the others stop.
 */
export const cancelScopes = (sql: TSql, runId: string, mapScope: string) =>
  sql.$queryRawUnsafe(
    `
    WITH stopped AS (
      UPDATE "StepRun" s SET status = 'cancelled', "endedAt" = now(), "updatedAt" = now()
      WHERE s."runId" = $1::uuid AND s.scope ~ $2 AND s.status IN ${ACTIVE_STEP}
      RETURNING s.id, s."runId", s."nodeId", s.scope
    ),
    ${attemptsStopped},
    tasks AS (
      UPDATE "ManualTask" t SET status = 'cancelled'
      FROM stopped WHERE t."stepRunId" = stopped.id AND t.status = 'open'
    ),
    ${eventsCte("stopped", "'step.cancelled'", `${stepData()}`)}
    SELECT ${notifiedCount()} AS notified`,
    runId,
    mapScope === "" ? "^[0-9]+(/|$)" : `^${mapScope}/[0-9]+(/|$)`,
  );

/**
 * A graph's start node, done as soon as it exists: its output is the run's input — or,
 * for the start of a map body, the item of that iteration. Nothing when it exists already.
 */
export const insertDoneStart = async (
  sql: TSql,
  at: { runId: string; scope: string },
  startNodeId: string,
  input: unknown,
): Promise<{ id: string; attempt: number } | undefined> => {
  const rows = await sql.$queryRawUnsafe<{ id: string; attempt: number }[]>(
    `
    WITH created AS (
      INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, attempt, input, output,
        "scheduledAt", "startedAt", "endedAt", "updatedAt")
      SELECT gen_random_uuid(), r.id, $2, $3, r.generation, 'succeeded', 1, $4::jsonb, $4::jsonb,
        now(), now(), now(), now()
      FROM "Run" r WHERE r.id = $1::uuid
      ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING
      RETURNING id, "runId", "nodeId", scope, attempt
    ),
    events AS (
      SELECT "runId", id, 'step.scheduled' AS type,
        ${stepData()} AS data, 0 AS ord
        FROM created
      UNION ALL
      SELECT "runId", id, 'step.succeeded',
        ${attemptData()}, 1
        FROM created
    ),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
      SELECT "runId", id, type, data FROM events ORDER BY ord
      ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})
    SELECT id, attempt, ${notifiedCount()} AS notified FROM created`,
    at.runId,
    startNodeId,
    at.scope,
    json(input ?? null),
  );
  return rows[0];
};
