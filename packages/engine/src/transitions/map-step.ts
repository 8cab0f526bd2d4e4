import type { TMapNode, TStepError } from "@baton/model";
import type { TEngineContext } from "../context.ts";
import { enqueue, type TJobData } from "../queue.ts";
import { enclosingScope, iterationIndex, iterationScope, iterationsPattern } from "../scopes.ts";
import { eventsCte, json, notifiedCount, type TSql } from "../sql.ts";
import { cancelScopes, lockRun, parkStep, succeedStep, syncWaitingStatus } from "../step-store.ts";
import { sqlTransaction } from "../transaction.ts";
import type { TVersion } from "../versions.ts";
import { advanceRun } from "./advance-run.ts";
import { stepFailed } from "./end-run.ts";
import { startFromStart } from "./start-run.ts";

/** Items of one map step that run at once when the map names no limit. */
export const DEFAULT_MAP_CONCURRENCY = 10;

const bodyEnds = (version: TVersion, map: TMapNode) => {
  const place = version.place(map.body.nodes[0]!.id);
  return { start: place.start!, end: place.end! };
};

/** Items started by one transaction: a request waits behind a transaction at most. */
const ITEMS_PER_TRANSACTION = 10;

type TMapStep = { id: string; runId: string; scope: string };

/** Items of a map step running at once: its own setting, within this server's limit. */
const concurrencyOf = (ctx: TEngineContext, map: TMapNode) =>
  Math.min(map.concurrency ?? DEFAULT_MAP_CONCURRENCY, ctx.limits.mapConcurrency);

/**
 * Starts the items `from` to `to` (exclusive) of a map step, which the caller has counted
 * as started; when fewer than its concurrency run after that, a job starts more later.
 */
const startItems = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  step: TMapStep,
  map: TMapNode,
  from: number,
  items: unknown[],
  running: number,
  total: number,
): Promise<void> => {
  const { start } = bodyEnds(version, map);
  for (const [i, item] of items.entries()) {
    await startFromStart(ctx, tx, version, step.runId, item, {
      startNodeId: start.id,
      scope: iterationScope(step.scope, from + i),
    });
  }
  const started = from + items.length;
  if (started < total && running < concurrencyOf(ctx, map)) {
    await enqueue(ctx.boss, tx, [
      {
        data: {
          kind: "fill-map",
          runId: step.runId,
          stepRunId: step.id,
          versionId: version.id,
          nodeId: map.id,
        },
      },
    ]);
  }
};

/**
 * Parks a map step on its list and starts its first items, each an iteration of the body
 * in a scope of its own (see scopes.ts). The list is the step's input, so rework and the
 * monitor see what it iterated. The step counts the items started and done, so an item's
 * end costs the same whether the list holds ten items or ten thousand.
 */
export const startMap = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  step: TMapStep & { attempt: number },
  map: TMapNode,
  items: unknown[],
): Promise<void> => {
  if (!(await parkStep(tx, step.id, step.attempt, items, { items: items.length }))) return;
  const first = Math.min(items.length, concurrencyOf(ctx, map), ITEMS_PER_TRANSACTION);
  await tx.$queryRawUnsafe(
    `UPDATE "StepRun" SET "itemsStarted" = $2, "itemsDone" = 0 WHERE id = $1::uuid`,
    step.id,
    first,
  );
  await startItems(ctx, tx, version, step, map, 0, items.slice(0, first), first, items.length);
};

/**
 * Starts more items of a map step, up to its concurrency and at most a transaction's worth,
 * and asks for another turn when more are due: a large concurrency never makes one long
 * transaction. Done again after a crash, it starts only what is still missing.
 */
export const fillMap = (ctx: TEngineContext, job: Extract<TJobData, { kind: "fill-map" }>) =>
  sqlTransaction(ctx, async (tx) => {
    const version = await ctx.version(job.versionId, tx);
    const map = version.node(job.nodeId) as TMapNode;
    await lockRun(tx, job.runId);
    const [step] = await tx.$queryRawUnsafe<(TMapStep & TCounts)[]>(
      `SELECT id, "runId", scope, "itemsStarted" AS started, "itemsDone" AS done,
          jsonb_array_length(input) AS total
         FROM "StepRun" WHERE id = $1::uuid AND status = 'waiting'`,
      job.stepRunId,
    );
    if (!step) return;
    const running = step.started - step.done;
    const count = Math.min(
      concurrencyOf(ctx, map) - running,
      step.total - step.started,
      ITEMS_PER_TRANSACTION,
    );
    if (count <= 0) return;
    const rows = await tx.$queryRawUnsafe<{ item: unknown }[]>(
      `WITH counted AS (
         UPDATE "StepRun" SET "itemsStarted" = "itemsStarted" + $3 WHERE id = $1::uuid RETURNING input
       )
       SELECT counted.input -> i AS item FROM counted, generate_series($2::int, $2::int + $3::int - 1) AS i
        ORDER BY i`,
      step.id,
      step.started,
      count,
    );
    const items = rows.map((row) => row.item ?? null);
    await startItems(ctx, tx, version, step, map, step.started, items, running + count, step.total);
  });

/**
 * A map step waits again for its items after a rework, keeping the results of those not
 * redone: its counts are taken from the iterations as they stand.
 */
export const reopenMapStep = (
  tx: TSql,
  version: TVersion,
  runId: string,
  step: { nodeId: string; scope: string; input: unknown },
) => {
  const { start, end } = bodyEnds(version, version.node(step.nodeId) as TMapNode);
  return tx.$queryRawUnsafe(
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
     ${eventsCte("created", "'step.waiting'", `jsonb_build_object('nodeId', "nodeId", 'scope', scope, 'reopened', true)`)}
     SELECT ${notifiedCount()} AS notified FROM created`,
    runId,
    step.nodeId,
    step.scope,
    json(step.input),
    start.id,
    end.id,
    iterationsPattern(step.scope),
  );
};

/** The map step an iteration belongs to, while it still waits for its items. */
const waitingMapStep = async (tx: TSql, runId: string, map: TMapNode, mapScope: string) => {
  await lockRun(tx, runId);
  const [step] = await tx.$queryRawUnsafe<{ id: string; attempt: number }[]>(
    `SELECT id, attempt FROM "StepRun"
      WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope = $3 AND status = 'waiting'`,
    runId,
    map.id,
    mapScope,
  );
  return step;
};

type TCounts = { done: number; started: number; total: number };

/**
 * Every path of an iteration ended without reaching its end node (e.g. after an error
 * path): the iteration is done with output null, marked by a skipped end step. Only the
 * first path to find it so counts it.
 */
export const endIterationWithoutEnd = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  map: TMapNode,
  scope: string,
): Promise<void> => {
  const { end } = bodyEnds(version, map);
  const marked = await tx.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, "scheduledAt", "endedAt", "updatedAt")
     SELECT gen_random_uuid(), id, $2, $3, generation, 'skipped', now(), now(), now() FROM "Run" WHERE id = $1::uuid
     ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING
     RETURNING id`,
    runId,
    end.id,
    scope,
  );
  if (marked.length) await finishIteration(ctx, tx, version, runId, map, scope);
};

/**
 * An iteration ended (its end step is stored). When every item is done the map step
 * succeeds with their outputs in item order, and the run moves on; otherwise the next item
 * not yet started begins. Items finishing at once are serialized by the run's lock, so
 * exactly one of them sees the last.
 */
export const finishIteration = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  map: TMapNode,
  scope: string,
): Promise<void> => {
  const mapScope = enclosingScope(scope);
  const { start, end } = bodyEnds(version, map);
  await lockRun(tx, runId);
  const [step] = await tx.$queryRawUnsafe<({ id: string; attempt: number } & TCounts)[]>(
    `UPDATE "StepRun" SET "itemsDone" = "itemsDone" + 1, "updatedAt" = now()
      WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope = $3 AND status = 'waiting'
      RETURNING id, attempt, "itemsDone" AS done, "itemsStarted" AS started,
        jsonb_array_length(input) AS total`,
    runId,
    map.id,
    mapScope,
  );
  if (!step) return;
  if (step.done >= step.total) {
    const ends = await tx.$queryRawUnsafe<{ scope: string; output: unknown }[]>(
      `SELECT scope, output FROM "StepRun"
        WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope ~ $3 AND status IN ('succeeded', 'skipped')`,
      runId,
      end.id,
      iterationsPattern(mapScope),
    );
    const outputs: unknown[] = Array(step.total).fill(null);
    for (const row of ends) outputs[iterationIndex(row.scope)] = row.output ?? null;
    if (await succeedStep(tx, step.id, step.attempt, outputs)) {
      await advanceRun(ctx, tx, version, runId, map.id, { kind: "succeeded" }, { scope: mapScope });
    }
    return;
  }
  if (step.started >= step.total) return;
  const [next] = await tx.$queryRawUnsafe<{ item: unknown }[]>(
    `UPDATE "StepRun" SET "itemsStarted" = "itemsStarted" + 1
      WHERE id = $1::uuid RETURNING input -> ("itemsStarted" - 1) AS item`,
    step.id,
  );
  await startFromStart(ctx, tx, version, runId, next?.item ?? null, {
    startNodeId: start.id,
    scope: iterationScope(mapScope, step.started),
  });
};

/**
 * A step of an iteration failed with no error edge to take: the map step fails with it
 * (naming the item), the items still running are cancelled, and the map's own error edge
 * — or the run's failure — follows.
 */
export const failIteration = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  map: TMapNode,
  scope: string,
  error: TStepError,
): Promise<void> => {
  const mapScope = enclosingScope(scope);
  const step = await waitingMapStep(tx, runId, map, mapScope);
  if (!step) return;
  await cancelScopes(tx, runId, mapScope);
  await syncWaitingStatus(tx, runId);
  const index = iterationIndex(scope);
  const label = version.node(error.nodeId).label;
  await stepFailed(
    ctx,
    tx,
    version,
    runId,
    step.id,
    step.attempt,
    {
      message: `Item ${index} failed at "${label}": ${error.message}`,
      code: "item_failed",
      nodeId: map.id,
      attempts: step.attempt,
      details: { index, scope, error },
    },
    undefined,
    mapScope,
  );
};
