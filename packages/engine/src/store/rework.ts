import type { TStepRow, TTarget } from "../flow/rework-plan.ts";
import { EVENT_RETURNING, json, notifiedCount, notifyEvents, stepData, type TSql } from "./sql.ts";

/** What a rework reads of its run, once the run is locked. */
export const runForRework = async (sql: TSql, runId: string) => {
  const [row] = await sql.$queryRawUnsafe<
    { versionId: string; scenarioId: string; input: unknown }[]
  >(
    `SELECT r."scenarioVersionId" AS "versionId", v."scenarioId", r.input
       FROM "Run" r JOIN "ScenarioVersion" v ON v.id = r."scenarioVersionId" WHERE r.id = $1::uuid`,
    runId,
  );
  return row;
};

/** The run's current step runs: every one not superseded by an earlier rework. */
export const currentSteps = (sql: TSql, runId: string) =>
  sql.$queryRawUnsafe<TStepRow[]>(
    `SELECT id, "nodeId", scope, status::text AS status, input FROM "StepRun"
      WHERE "runId" = $1::uuid AND status <> 'superseded'`,
    runId,
  );

/** The run's failed steps, where they are. */
export const failedSteps = (sql: TSql, runId: string) =>
  sql.$queryRawUnsafe<TTarget[]>(
    `SELECT "nodeId", scope FROM "StepRun" WHERE "runId" = $1::uuid AND status = 'failed'`,
    runId,
  );

/** Step runs leave the current generation (kept in history); their open tasks are cancelled. */
export const supersedeSteps = (sql: TSql, stepRunIds: string[]) =>
  sql.$queryRawUnsafe(
    `WITH gone AS (
       UPDATE "StepRun" SET status = 'superseded', "updatedAt" = now()
       WHERE id = ANY($1::uuid[]) AND status <> 'superseded'
       RETURNING id, "runId", "nodeId", scope, generation
     ),
     tasks AS (
       UPDATE "ManualTask" t SET status = 'cancelled' FROM gone WHERE t."stepRunId" = gone.id AND t.status = 'open'
     ),
     ev AS (
       INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
       SELECT "runId", id, 'step.superseded',
         ${stepData()} || jsonb_build_object('generation', generation)
       FROM gone
       ${EVENT_RETURNING}
     ),
     ev_notified AS (${notifyEvents("ev")})
     SELECT ${notifiedCount()} AS notified`,
    stepRunIds,
  );

/**
 * The run goes on again as its next generation, on `versionId`, with `input`: its end is
 * undone. Answers the new generation.
 */
export const restartRun = async (
  sql: TSql,
  runId: string,
  version: { id: string; nodes: number },
  input: unknown,
): Promise<number> => {
  const [row] = await sql.$queryRawUnsafe<{ generation: number }[]>(
    `UPDATE "Run" SET status = 'running', generation = generation + 1, output = NULL, error = NULL,
       "endedAt" = NULL, "updatedAt" = now(), "scenarioVersionId" = $2::uuid, input = $3::jsonb,
       "stepsTotal" = $4
     WHERE id = $1::uuid RETURNING generation`,
    runId,
    version.id,
    json(input),
    version.nodes,
  );
  return row!.generation;
};
