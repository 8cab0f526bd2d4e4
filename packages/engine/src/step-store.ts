import type { TNodeState } from "./flow/advance.ts";
import {
  CANCEL_CHANNEL,
  EVENT_RETURNING,
  eventsCte,
  json,
  notifiedCount,
  notifyEvents,
  type TSql,
} from "./sql.ts";

const ACTIVE = `('pending', 'scheduled', 'running', 'retrying', 'waiting')`;

export type TClaimed = {
  id: string;
  runId: string;
  nodeId: string;
  scope: string;
  generation: number;
  attempt: number;
  /** an input set by hand when the step was restarted with an edited input */
  input: unknown;
  /** true when a worker died holding this attempt: same attempt, same idempotency key */
  reclaimed: boolean;
  /** times the step was taken back from another process that stopped while running it */
  reclaims: number;
  runInput: unknown;
  /** the run executes a subscenario step of another run, which waits for its end */
  child: boolean;
  /** outputs and errors of the steps the node may read, by node id */
  steps: Record<string, { output?: unknown; error?: unknown }> | null;
};

/** A step to take: its step run, and the `scope|nodeId` keys of the results it may read. */
export type TClaim = { stepRunId: string; readable: string[] };

/** Built once: a new copy of the text per call would be hashed again to find its prepared statement. */
const CLAIM_STEPS_SQL = `
    WITH req AS (
      SELECT DISTINCT ON (id) id, ord::int FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, ord)
      ORDER BY id, ord
    ),
    prev AS (
      SELECT s.id, s.status, req.ord, a."workerId" AS holder
        FROM "StepRun" s JOIN req ON req.id = s.id JOIN "Run" r ON r.id = s."runId"
        LEFT JOIN "StepAttempt" a ON a."stepRunId" = s.id AND a.attempt = s.attempt
      WHERE s.id = ANY($1::uuid[]) AND r.status IN ('pending', 'running', 'waiting')
        AND s.status IN ('scheduled', 'retrying', 'running', 'waiting')
      FOR UPDATE OF s
    ),
    claimed AS (
      UPDATE "StepRun" s SET
        status = 'running',
        attempt = CASE WHEN prev.status = 'running' THEN greatest(s.attempt, 1)
                       WHEN prev.status = 'waiting' THEN s.attempt ELSE s.attempt + 1 END,
        "startedAt" = coalesce(s."startedAt", now()),
        "updatedAt" = now(),
        -- a process taking its own step back (after a database failure) did not stop
        reclaims = s.reclaims + CASE WHEN prev.status = 'running' AND prev.holder IS DISTINCT FROM $2
                                     THEN 1 ELSE 0 END
      FROM prev WHERE s.id = prev.id
      RETURNING s.id, s."runId", s."nodeId", s.scope, s.generation, s.attempt, s.input,
        prev.status = 'running' AS reclaimed, s.reclaims, prev.ord
    ),
    attempt AS (
      INSERT INTO "StepAttempt" (id, "stepRunId", attempt, status, "idempotencyKey", "workerId")
      SELECT gen_random_uuid(), id, attempt, 'running',
        "runId" || ':' || "nodeId" || ':' || generation || ':' || attempt, $2
      FROM claimed
      ON CONFLICT ("stepRunId", attempt) DO UPDATE SET "workerId" = excluded."workerId", "startedAt" = now()
    ),
    readable AS (
      SELECT req, split_part(key, '|', 1) AS scope, split_part(key, '|', 2) AS "nodeId"
        FROM unnest($3::int[], $4::text[]) AS k(req, key)
    ),
    ${eventsCte("claimed", "'step.started'", `jsonb_build_object('nodeId', "nodeId", 'attempt', attempt, 'scope', scope, 'reclaimed', reclaimed, 'reclaims', reclaims, 'workerId', $2::text)`)}
    SELECT c.*, r.input AS "runInput", r."parentStepRunId" IS NOT NULL AS child,
      -- looked up by (run, node, scope), so a run with thousands of map items costs no more
      (SELECT jsonb_object_agg(p."nodeId", jsonb_build_object('output', p.output, 'error', p.error))
         FROM readable k JOIN "StepRun" p
           ON p."runId" = c."runId" AND p."nodeId" = k."nodeId" AND p.scope = k.scope
        WHERE k.req = c.ord AND p.status IN ('succeeded', 'failed')) AS steps,
      ${notifiedCount()} AS notified
    FROM claimed c JOIN "Run" r ON r.id = c."runId"`;

/**
 * Takes steps for execution, any number in one statement: marks each running (a new
 * attempt, or the same one again when its previous worker died), records the attempt and
 * its event, and returns what building its input needs. Nothing comes back for a step that
 * is no longer runnable (cancelled, superseded, or its run has ended), nor for a step
 * asked for twice in one batch but the first time.
 */
export const claimSteps = async (
  sql: TSql,
  workerId: string,
  claims: TClaim[],
): Promise<(TClaimed | undefined)[]> => {
  const readable = claims.flatMap((claim, i) => claim.readable.map((key) => ({ req: i + 1, key })));
  const rows = await sql.$queryRawUnsafe<(TClaimed & { ord: number })[]>(
    CLAIM_STEPS_SQL,
    claims.map((claim) => claim.stepRunId),
    workerId,
    readable.map((r) => r.req),
    readable.map((r) => r.key),
  );
  return claims.map((_, i) => {
    const row = rows.find((r) => r.ord === i + 1);
    if (!row) return undefined;
    const {
      ord: _ord,
      notified: _notified,
      ...claimed
    } = row as typeof row & { notified: unknown };
    return claimed;
  });
};

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
    ${eventsCte("done", "$4", `jsonb_build_object('nodeId', "nodeId", 'attempt', attempt, 'scope', scope)`)}
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
    ${eventsCte("done", "'step.' || $4", `jsonb_build_object('nodeId', "nodeId", 'attempt', attempt, 'scope', scope, 'error', $3::jsonb) || $5::jsonb`)}
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
    ${eventsCte("done", "'step.waiting'", `jsonb_build_object('nodeId', "nodeId", 'scope', scope) || $4::jsonb`)}
    SELECT ${notifiedCount()} AS notified FROM done`,
    stepRunId,
    attempt,
    json(input),
    json(details),
  );
  return rows.length > 0;
};

export type TCreated = { id: string; nodeId: string };

/** Creates step runs of the run's current generation; a node that already has one is left alone. */
export const createStepRuns = async (
  sql: TSql,
  runId: string,
  nodeIds: string[],
  status: "scheduled" | "skipped",
  scope = "",
): Promise<TCreated[]> => {
  if (!nodeIds.length) return [];
  return sql.$queryRawUnsafe<TCreated[]>(
    `
    WITH created AS (
      INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, "scheduledAt", "endedAt", "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, node, $4, r.generation, $3::"StepStatus", now(),
        CASE WHEN $3 = 'skipped' THEN now() END, now()
      FROM unnest($2::text[]) AS node, "Run" r WHERE r.id = $1::uuid
      ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING
      RETURNING id, "runId", "nodeId", scope
    ),
    ${eventsCte("created", "'step.' || $3", `jsonb_build_object('nodeId', "nodeId", 'scope', scope)`)}
    SELECT id, "nodeId", ${notifiedCount()} AS notified FROM created`,
    runId,
    nodeIds,
    status,
    scope,
  );
};

/**
 * Serializes the transitions of one run, so two branches finishing at once see each other.
 * NO KEY UPDATE, not UPDATE: inserting step runs and events takes KEY SHARE locks on the
 * run row (their foreign keys), and two transitions each holding one while asking for
 * UPDATE would deadlock.
 */
export const lockRun = async (
  sql: TSql,
  runId: string,
): Promise<{ status: string; generation: number } | undefined> => {
  const rows = await sql.$queryRawUnsafe<{ status: string; generation: number }[]>(
    `SELECT status, generation FROM "Run" WHERE id = $1::uuid FOR NO KEY UPDATE`,
    runId,
  );
  return rows[0];
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

/** Steps still to finish in one scope (a map step waiting on its items counts). */
export const countActiveSteps = async (sql: TSql, runId: string, scope = ""): Promise<number> => {
  const rows = await sql.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "StepRun" WHERE "runId" = $1::uuid AND scope = $2 AND status IN ${ACTIVE}`,
    runId,
    scope,
  );
  return rows[0]?.n ?? 0;
};

/** The open attempts of the `stopped` step runs end with them (their calls are aborted). */
const attemptsStopped = `attempts_stopped AS (
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
      WHERE s."runId" = $1::uuid AND s.scope ~ $2 AND s.status IN ${ACTIVE}
      RETURNING s.id, s."runId", s."nodeId", s.scope
    ),
    ${attemptsStopped},
    tasks AS (
      UPDATE "ManualTask" t SET status = 'cancelled'
      FROM stopped WHERE t."stepRunId" = stopped.id AND t.status = 'open'
    ),
    ${eventsCte("stopped", "'step.cancelled'", `jsonb_build_object('nodeId', "nodeId", 'scope', scope)`)}
    SELECT ${notifiedCount()} AS notified`,
    runId,
    mapScope === "" ? "^[0-9]+(/|$)" : `^${mapScope}/[0-9]+(/|$)`,
  );

/**
 * CTEs that end runs with a status (an SQL expression): `source` is a query of the runs'
 * ("runId", output, error). `ended` has the runs that were still going, with their output;
 * `stopped` what of them was still active and is now cancelled (steps matching `keep`, a
 * predicate on `s`, excepted), with their open attempts and manual tasks.
 */
export const endRunCtes = (source: string, status: string, keep = "false") => `
    ended AS (
      UPDATE "Run" r SET status = ${status}::"RunStatus", output = src.output, error = src.error,
        "endedAt" = now(), "updatedAt" = now()
      FROM (${source}) src
      WHERE r.id = src."runId" AND r.status IN ('pending', 'running', 'waiting')
      RETURNING r.id AS "runId", NULL::uuid AS id, r.output
    ),
    stopped AS (
      UPDATE "StepRun" s SET status = 'cancelled', "endedAt" = now(), "updatedAt" = now()
      FROM ended WHERE s."runId" = ended."runId" AND s.status IN ${ACTIVE} AND NOT (${keep})
      RETURNING s.id, s."runId", s."nodeId"
    ),
    ${attemptsStopped},
    tasks AS (
      UPDATE "ManualTask" t SET status = 'cancelled'
      FROM ended WHERE t."runId" = ended."runId" AND t.status = 'open'
    )`;

/**
 * Ends a run: sets its status and output or error, and cancels whatever of it is still
 * active (a branch still running when another reached the end, open manual tasks).
 */
export const finishRun = async (
  sql: TSql,
  runId: string,
  status: "succeeded" | "failed" | "cancelled",
  result: { output?: unknown; error?: unknown },
  actorId?: string,
): Promise<boolean> => {
  const rows = await sql.$queryRawUnsafe<unknown[]>(
    `
    WITH ${endRunCtes(`SELECT $1::uuid AS "runId", $3::jsonb AS output, $4::jsonb AS error`, "$2")},
    cancel_notified AS (
      SELECT pg_notify('${CANCEL_CHANNEL}', "runId"::text) FROM ended WHERE $2 = 'cancelled'
    ),
    ${eventsCte("ended", "'run.' || $2", `jsonb_build_object('output', $3::jsonb, 'error', $4::jsonb, 'actorId', $5::text)`)},
    ${eventsCte("stopped", "'step.cancelled'", `jsonb_build_object('nodeId', "nodeId")`, "ev2")}
    SELECT ${notifiedCount("ev")} + ${notifiedCount("ev2")} + (SELECT count(*) FROM cancel_notified) AS notified
    FROM ended`,
    runId,
    status,
    json(result.output ?? null),
    json(result.error ?? null),
    actorId ?? null,
  );
  return rows.length > 0;
};

/**
 * A run is `waiting` while one of its manual tasks is open, and `running` again once none
 * is (other branches may run meanwhile): what the dashboard shows as "waiting for a person".
 */
export const syncWaitingStatus = async (sql: TSql, runId: string): Promise<void> => {
  const rows = await sql.$queryRawUnsafe<{ status: string }[]>(
    `UPDATE "Run" r SET status = CASE WHEN EXISTS (
         SELECT 1 FROM "ManualTask" t WHERE t."runId" = r.id AND t.status = 'open'
       ) THEN 'waiting'::"RunStatus" ELSE 'running'::"RunStatus" END, "updatedAt" = now()
     WHERE r.id = $1::uuid AND r.status IN ('running', 'waiting')
       AND r.status <> CASE WHEN EXISTS (
         SELECT 1 FROM "ManualTask" t WHERE t."runId" = r.id AND t.status = 'open'
       ) THEN 'waiting'::"RunStatus" ELSE 'running'::"RunStatus" END
     RETURNING r.status::text AS status`,
    runId,
  );
  if (rows[0]) await appendRunEvent(sql, runId, `run.${rows[0].status}`, {});
};

/** Appends a run-level event (no step) and wakes listeners. */
export const appendRunEvent = (
  sql: TSql,
  runId: string,
  type: string,
  data: unknown,
  actorId?: string,
) =>
  sql.$queryRawUnsafe(
    `
    WITH src AS (SELECT $1::uuid AS "runId", NULL::uuid AS id),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data, "actorId")
      SELECT "runId", id, $2, $3::jsonb, $4::uuid FROM src ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})
    SELECT ${notifiedCount()} AS notified`,
    runId,
    type,
    json(data),
    actorId ?? null,
  );
