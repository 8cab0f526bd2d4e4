import type { TMapNode, TStepError } from "@baton/model";
import type { TEngineContext } from "../context.ts";
import { enclosingScope, iterationIndex, iterationScope, iterationsPattern } from "../scopes.ts";
import type { TSql } from "../sql.ts";
import { cancelScopes, lockRun, parkStep, succeedStep, syncWaitingStatus } from "../step-store.ts";
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

/**
 * Parks a map step on its list and starts its first items, each an iteration of the body
 * in a scope of its own (see scopes.ts). The list is the step's input, so rework and the
 * monitor see what it iterated.
 */
export const startMap = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  step: { id: string; runId: string; attempt: number; scope: string },
  map: TMapNode,
  items: unknown[],
): Promise<void> => {
  if (!(await parkStep(tx, step.id, step.attempt, items, { items: items.length }))) return;
  const { start } = bodyEnds(version, map);
  const first = Math.min(items.length, map.concurrency ?? DEFAULT_MAP_CONCURRENCY);
  for (let i = 0; i < first; i++) {
    await startFromStart(ctx, tx, version, step.runId, items[i], {
      startNodeId: start.id,
      scope: iterationScope(step.scope, i),
    });
  }
};

type TMapStep = { id: string; attempt: number; input: unknown[] };

/** The map step an iteration belongs to, while it still waits for its items. */
const waitingMapStep = async (tx: TSql, runId: string, map: TMapNode, mapScope: string) => {
  await lockRun(tx, runId);
  const [step] = await tx.$queryRawUnsafe<TMapStep[]>(
    `SELECT id, attempt, input FROM "StepRun"
      WHERE "runId" = $1::uuid AND "nodeId" = $2 AND scope = $3 AND status = 'waiting'`,
    runId,
    map.id,
    mapScope,
  );
  return step;
};

/**
 * An iteration reached its end node (or all its paths ended without one: output null).
 * When every item is done the map step succeeds with their outputs in item order, and
 * the run moves on; otherwise the next item not yet started begins. Items finishing at
 * once are serialized by the run's lock, so exactly one of them sees the last.
 */
export const finishIteration = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  map: TMapNode,
  scope: string,
  output: unknown,
): Promise<void> => {
  const mapScope = enclosingScope(scope);
  const { start, end } = bodyEnds(version, map);
  if (output === null) {
    // mark the iteration done even though no end step ran
    await tx.$queryRawUnsafe(
      `INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, "scheduledAt", "endedAt", "updatedAt")
       SELECT gen_random_uuid(), id, $2, $3, generation, 'skipped', now(), now(), now() FROM "Run" WHERE id = $1::uuid
       ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING`,
      runId,
      end.id,
      scope,
    );
  }
  const step = await waitingMapStep(tx, runId, map, mapScope);
  if (!step) return;
  const rows = await tx.$queryRawUnsafe<
    { nodeId: string; scope: string; status: string; output: unknown }[]
  >(
    `SELECT "nodeId", scope, status, output FROM "StepRun"
      WHERE "runId" = $1::uuid AND "nodeId" = ANY($2::text[]) AND scope ~ $3 AND status <> 'superseded'`,
    runId,
    [start.id, end.id],
    iterationsPattern(mapScope),
  );
  const items = step.input;
  const outputs: unknown[] = Array(items.length).fill(null);
  const started = new Set<number>();
  let done = 0;
  for (const row of rows) {
    const index = iterationIndex(row.scope);
    if (row.nodeId === start.id) started.add(index);
    else if (row.status === "succeeded" || row.status === "skipped") {
      done++;
      outputs[index] = row.status === "succeeded" ? row.output : null;
    }
  }
  if (done >= items.length) {
    if (await succeedStep(tx, step.id, step.attempt, outputs)) {
      await advanceRun(ctx, tx, version, runId, map.id, { kind: "succeeded" }, { scope: mapScope });
    }
    return;
  }
  const next = items.findIndex((_, i) => !started.has(i));
  if (next >= 0) {
    await startFromStart(ctx, tx, version, runId, items[next], {
      startNodeId: start.id,
      scope: iterationScope(mapScope, next),
    });
  }
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
