import { iterationIndex, iterationsPattern } from "../scopes.ts";
import { eventsCte, json, notifiedCount, stepData, type TSql } from "./sql.ts";

/**
 * A map step's progress lives on its own step run: its list is its input, and it counts
 * the items started and done (`itemsStarted`, `itemsDone`), so an item's start and end
 * read and write a few rows whatever the length of the list.
 */

type TCounts = { started: number; done: number; total: number };

/** A parked map step counts no item started or done yet. */
export const resetItemCounts = (sql: TSql, stepRunId: string) =>
  sql.$queryRawUnsafe(
    `UPDATE "StepRun" SET "itemsStarted" = 0, "itemsDone" = 0 WHERE id = $1::uuid`,
    stepRunId,
  );

/**
 * Counts up to `count` more items of a waiting map step started, and answers them (by
 * index, with their values) with the counts after. Nothing when the step no longer waits.
 */
export const takeItems = async (
  sql: TSql,
  stepRunId: string,
  count: number,
): Promise<(TCounts & { items: { index: number; value: unknown }[] }) | undefined> => {
  const [row] = await sql.$queryRawUnsafe<(TCounts & { first: number; values: unknown[] })[]>(
    `
    WITH before AS (
      SELECT id, "itemsStarted" AS first, jsonb_array_length(input) AS total
        FROM "StepRun" WHERE id = $1::uuid AND status = 'waiting' FOR UPDATE
    ),
    counted AS (
      UPDATE "StepRun" s SET "itemsStarted" = b.first + least($2::int, b.total - b.first)
        FROM before b WHERE s.id = b.id
      RETURNING s.input, b.first, s."itemsStarted" AS started, s."itemsDone" AS done, b.total
    )
    SELECT first, started, done, total,
      coalesce((SELECT jsonb_agg(counted.input -> i ORDER BY i)
                  FROM generate_series(first, started - 1) AS i), '[]'::jsonb) AS values
    FROM counted`,
    stepRunId,
    count,
  );
  if (!row) return undefined;
  const { first, values, ...counts } = row;
  return { ...counts, items: values.map((value, i) => ({ index: first + i, value })) };
};

/** Counts one more item of a waiting map step done; answers the counts after. */
export const countItemDone = async (
  sql: TSql,
  at: { runId: string; scope: string },
  mapNodeId: string,
): Promise<(TCounts & { id: string; attempt: number }) | undefined> => {
  const [row] = await sql.$queryRawUnsafe<(TCounts & { id: string; attempt: number })[]>(
    `UPDATE "StepRun" SET "itemsDone" = "itemsDone" + 1, "updatedAt" = now()
      WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope = $3 AND status = 'waiting'
      RETURNING id, attempt, "itemsDone" AS done, "itemsStarted" AS started,
        jsonb_array_length(input) AS total`,
    at.runId,
    mapNodeId,
    at.scope,
  );
  return row;
};

/** A map step's counts, while it waits for its items. */
export const itemCounts = async (
  sql: TSql,
  stepRunId: string,
): Promise<(TCounts & { nodeId: string; attempt: number }) | undefined> => {
  const [row] = await sql.$queryRawUnsafe<(TCounts & { nodeId: string; attempt: number })[]>(
    `SELECT "nodeId", attempt, "itemsStarted" AS started, "itemsDone" AS done,
        jsonb_array_length(input) AS total
       FROM "StepRun" WHERE id = $1::uuid AND status = 'waiting'`,
    stepRunId,
  );
  return row;
};

/**
 * Marks an iteration done although no end step ran (its paths all ended before it), with
 * a skipped end step; false when it was marked already.
 */
export const markItemWithoutEnd = async (
  sql: TSql,
  at: { runId: string; scope: string },
  endNodeId: string,
): Promise<boolean> => {
  const rows = await sql.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, "scheduledAt", "endedAt", "updatedAt")
     SELECT gen_random_uuid(), id, $2, $3, generation, 'skipped', now(), now(), now() FROM "Run" WHERE id = $1::uuid
     ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING
     RETURNING id`,
    at.runId,
    endNodeId,
    at.scope,
  );
  return rows.length > 0;
};

/** The outputs of a map step's items, in item order (null for an item that ended without its end node). */
export const itemOutputs = async (
  sql: TSql,
  at: { runId: string; scope: string },
  endNodeId: string,
  total: number,
): Promise<unknown[]> => {
  const rows = await sql.$queryRawUnsafe<{ scope: string; output: unknown }[]>(
    `SELECT scope, output FROM "StepRun"
      WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope ~ $3 AND status IN ('succeeded', 'skipped')`,
    at.runId,
    endNodeId,
    iterationsPattern(at.scope),
  );
  const outputs: unknown[] = Array(total).fill(null);
  for (const row of rows) outputs[iterationIndex(row.scope)] = row.output ?? null;
  return outputs;
};

/** The map step an iteration belongs to, while it still waits for its items. */
export const waitingMapStep = async (
  sql: TSql,
  at: { runId: string; scope: string },
  mapNodeId: string,
): Promise<{ id: string; attempt: number } | undefined> => {
  const [step] = await sql.$queryRawUnsafe<{ id: string; attempt: number }[]>(
    `SELECT id, attempt FROM "StepRun"
      WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope = $3 AND status = 'waiting'`,
    at.runId,
    mapNodeId,
    at.scope,
  );
  return step;
};

/**
 * A map step waits again for its items after a rework, keeping the results of those not
 * redone: its counts are taken from the iterations as they stand.
 */
export const reopenMapStep = (
  sql: TSql,
  at: { runId: string; scope: string },
  map: { nodeId: string; startNodeId: string; endNodeId: string },
  items: unknown,
) =>
  sql.$queryRawUnsafe(
    `WITH iterations AS (
       SELECT "nodeId", status FROM "StepRun"
        WHERE "runId" = $1::uuid AND "nodeId" IN ($5, $6) AND scope ~ $7 AND status <> 'superseded'
     ),
     created AS (
       INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, attempt, input,
         "itemsStarted", "itemsDone", "scheduledAt", "startedAt", "updatedAt")
       SELECT gen_random_uuid(), id, $2, $3, generation, 'waiting', 1, $4::jsonb,
         (SELECT count(*) FROM iterations WHERE "nodeId" = $5),
         (SELECT count(*) FROM iterations WHERE "nodeId" = $6 AND status IN ('succeeded', 'skipped')),
         now(), now(), now()
       FROM "Run" WHERE id = $1::uuid
       RETURNING id, "runId", "nodeId", scope
     ),
     ${eventsCte("created", "'step.waiting'", `${stepData()} || jsonb_build_object('reopened', true)`)}
     SELECT ${notifiedCount()} AS notified FROM created`,
    at.runId,
    map.nodeId,
    at.scope,
    json(items),
    map.startNodeId,
    map.endNodeId,
    iterationsPattern(at.scope),
  );
