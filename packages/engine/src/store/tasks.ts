import type { TAssignees } from "@baton/model";
import { EVENT_RETURNING, json, notifiedCount, notifyEvents, type TSql } from "./sql.ts";

export type TTaskRow = {
  id: string;
  runId: string;
  stepRunId: string;
  nodeId: string;
  status: string;
  formSchema: unknown;
  assignees: Partial<TAssignees>;
  /** the step waiting for the decision: its attempt, scope, and its run's version */
  attempt: number;
  scope: string;
  versionId: string;
};

/** Opens the task of a parked manual step, with its `task.opened` event; answers its id. */
export const openTask = async (
  sql: TSql,
  step: { id: string; runId: string; nodeId: string },
  task: {
    title: string;
    instructions: string;
    formSchema: unknown;
    input: unknown;
    assignees: unknown;
    dueAt: Date | null;
  },
): Promise<string> => {
  const [row] = await sql.$queryRawUnsafe<{ id: string }[]>(
    `
    WITH task AS (
      INSERT INTO "ManualTask" (id, "runId", "stepRunId", "nodeId", title, instructions,
        "formSchema", input, assignees, "dueAt")
      VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::timestamp)
      ON CONFLICT ("stepRunId") DO UPDATE SET "stepRunId" = excluded."stepRunId"
      RETURNING id, "runId", "stepRunId", "nodeId"
    ),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
      SELECT "runId", "stepRunId", 'task.opened',
        jsonb_build_object('taskId', id::text, 'nodeId', "nodeId")
      FROM task
      ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})
    SELECT id, ${notifiedCount()} AS notified FROM task`,
    step.runId,
    step.id,
    step.nodeId,
    task.title,
    task.instructions,
    json(task.formSchema),
    json(task.input ?? null),
    json(task.assignees),
    task.dueAt?.toISOString() ?? null,
  );
  return row!.id;
};

/** A task and the step waiting for it, locked until the transaction ends. */
export const lockTask = async (sql: TSql, taskId: string): Promise<TTaskRow | undefined> => {
  const [row] = await sql.$queryRawUnsafe<TTaskRow[]>(
    `SELECT t.id, t."runId", t."stepRunId", t."nodeId", t.status::text AS status, t."formSchema",
        t.assignees, s.attempt, s.scope, r."scenarioVersionId" AS "versionId"
       FROM "ManualTask" t JOIN "StepRun" s ON s.id = t."stepRunId" JOIN "Run" r ON r.id = t."runId"
      WHERE t.id = $1::uuid
      FOR UPDATE OF t`,
    taskId,
  );
  return row;
};

/** Records a task's decision, with its event (`task.approved`, `.rejected`, `.expired`). */
export const recordDecision = (
  sql: TSql,
  task: { id: string; runId: string; stepRunId: string; nodeId: string },
  decision: {
    status: "approved" | "rejected" | "expired";
    at: Date;
    actorId: string | null;
    data: unknown;
    reason: string | null;
  },
) =>
  sql.$queryRawUnsafe(
    `
    WITH task AS (
      UPDATE "ManualTask" SET status = $2::"TaskStatus", "decidedAt" = $3::timestamp,
        "decidedById" = $4::uuid, decision = coalesce($5::jsonb, decision), reason = coalesce($6, reason)
      WHERE id = $1::uuid
      RETURNING id, "runId", "stepRunId", "nodeId"
    ),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data, "actorId")
      SELECT "runId", NULL, 'task.' || $2, jsonb_build_object('taskId', id::text, 'nodeId', "nodeId"), $4::uuid
      FROM task
      ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})
    SELECT ${notifiedCount()} AS notified FROM task`,
    task.id,
    decision.status,
    decision.at.toISOString(),
    decision.actorId,
    json(decision.data),
    decision.reason,
  );
