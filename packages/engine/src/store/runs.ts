import {
  CANCEL_CHANNEL,
  EVENT_RETURNING,
  eventsCte,
  json,
  notifiedCount,
  notifyEvents,
  stepData,
  type TSql,
} from "./sql.ts";
import { attemptsStopped } from "./step-runs.ts";
import { ACTIVE_RUN, ACTIVE_STEP } from "./vocabulary.ts";

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
      WHERE r.id = src."runId" AND r.status IN ${ACTIVE_RUN}
      RETURNING r.id AS "runId", NULL::uuid AS id, r.output
    ),
    stopped AS (
      UPDATE "StepRun" s SET status = 'cancelled', "endedAt" = now(), "updatedAt" = now()
      FROM ended WHERE s."runId" = ended."runId" AND s.status IN ${ACTIVE_STEP} AND NOT (${keep})
      RETURNING s.id, s."runId", s."nodeId", s.scope
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
    ${eventsCte("stopped", "'step.cancelled'", `${stepData()}`, "ev2")}
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

/**
 * Creates a run (`running`, its `run.started` event), of the run's version; the caller
 * starts its graph. Answers its id.
 */
export const insertRun = async (
  sql: TSql,
  run: {
    id: string;
    version: { id: string; version: number; nodes: number };
    input: unknown;
    trigger: string;
    startedById: string | null;
    parentStepRunId: string | null;
    /** a test run; the run a test run's subscenario step starts is one whatever this says */
    test: boolean;
  },
): Promise<void> => {
  await sql.$queryRawUnsafe(
    `
    WITH run AS (
      INSERT INTO "Run" (id, "scenarioVersionId", status, input, trigger, "startedById",
        "parentStepRunId", "stepsTotal", test, "startedAt", "updatedAt")
      VALUES ($1::uuid, $2::uuid, 'running', $3::jsonb, $4, $5::uuid, $6::uuid, $7,
        $9 OR COALESCE((SELECT p.test FROM "StepRun" s JOIN "Run" p ON p.id = s."runId"
          WHERE s.id = $6::uuid), false),
        now(), now())
      RETURNING id AS "runId", NULL::uuid AS id, "startedById"
    ),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data, "actorId")
      SELECT "runId", id, 'run.started',
        jsonb_build_object('versionId', $2::text, 'version', $8::int, 'trigger', $4::text), "startedById"
      FROM run
      ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})
    SELECT ${notifiedCount()} AS notified`,
    run.id,
    run.version.id,
    json(run.input ?? null),
    run.trigger,
    run.startedById,
    run.parentStepRunId,
    run.version.nodes,
    run.version.version,
    run.test,
  );
};

/**
 * Whether a run no longer exists: test runs are deleted once they end (README, "Test
 * runs"), and jobs they left behind (a wait, a retry, a due time) have nothing to do.
 */
export const runDeleted = async (sql: TSql, runId: string): Promise<boolean> => {
  const rows = await sql
    .$queryRawUnsafe<{ one: number }[]>(`SELECT 1 AS one FROM "Run" WHERE id = $1::uuid`, runId)
    .catch(() => undefined);
  return rows?.length === 0;
};

/** The subscenario runs a run started that are still going. */
export const activeChildRuns = async (sql: TSql, runId: string): Promise<string[]> =>
  (
    await sql.$queryRawUnsafe<{ id: string }[]>(
      `SELECT c.id FROM "Run" c JOIN "StepRun" s ON s.id = c."parentStepRunId"
        WHERE s."runId" = $1::uuid AND c.status IN ${ACTIVE_RUN}`,
      runId,
    )
  ).map((row) => row.id);

/** The subscenario step of another run that waits for this run, with that run's version. */
export const waitingParentStep = async (sql: TSql, runId: string) => {
  const [parent] = await sql.$queryRawUnsafe<
    {
      id: string;
      runId: string;
      nodeId: string;
      scope: string;
      attempt: number;
      versionId: string;
    }[]
  >(
    `SELECT s.id, s."runId", s."nodeId", s.scope, s.attempt, r."scenarioVersionId" AS "versionId"
       FROM "Run" c JOIN "StepRun" s ON s.id = c."parentStepRunId" JOIN "Run" r ON r.id = s."runId"
      WHERE c.id = $1::uuid AND s.status = 'waiting'`,
    runId,
  );
  return parent;
};

/** Tells every process to abort the calls of this run's steps (they are no longer wanted). */
export const abortCalls = (sql: TSql, runId: string) =>
  sql.$queryRawUnsafe(`SELECT pg_notify($1, $2::text)`, CANCEL_CHANNEL, runId);
