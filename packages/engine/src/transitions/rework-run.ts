import type { Prisma } from "@baton/db";
import { BatonError, descendants } from "@baton/model";
import { formatIssues, validateAgainstSchema } from "@baton/providers";
import type { TEngineContext } from "../context.ts";
import { json } from "../sql.ts";
import { appendRunEvent, lockRun } from "../step-store.ts";
import { transaction } from "../transaction.ts";
import type { TVersion } from "../versions.ts";
import { scheduleNodes } from "./advance-run.ts";
import { checkRunInput, startFromStart } from "./start-run.ts";

export type TRework = {
  /** restart from these nodes; none means the whole run from its start */
  fromNodeIds?: string[];
  /** only with one node: its input, edited by hand (validated first); for the whole run, the new run input */
  input?: unknown;
  /** run the rest on this published version of the same scenario */
  versionId?: string;
  actorId?: string;
};

const checkEditedInput = async (
  ctx: TEngineContext,
  tx: Prisma.TransactionClient,
  version: TVersion,
  nodeId: string,
  input: unknown,
) => {
  const node = version.node(nodeId);
  if (node.kind !== "function" || !node.function) {
    throw new BatonError(
      "BAD_INPUT",
      `Only a function step takes an edited input; "${node.label}" is a ${node.kind} step.`,
    );
  }
  const { fn } = await ctx.fn(node.function, tx);
  const issues = validateAgainstSchema(fn.inputSchema, input);
  if (issues.length) {
    throw new BatonError(
      "BAD_INPUT",
      `The edited input does not match ${fn.name}'s input schema: ${formatIssues(issues)}`,
      {
        issues,
      },
    );
  }
};

/**
 * Reworks a run (see packages/engine/README.md, "Rework"): the chosen steps and
 * everything downstream of them are superseded — kept in history — and run again with
 * inputs rebuilt from the upstream results that are kept. Steps that never finished
 * (cancelled when the run stopped) run again too. Works on failed, cancelled and
 * succeeded runs.
 */
export const reworkRun = async (
  ctx: TEngineContext,
  runId: string,
  request: TRework,
): Promise<{ generation: number }> =>
  transaction(ctx, async (tx) => {
    const locked = await lockRun(tx, runId);
    if (!locked) throw new BatonError("NOT_FOUND", `No run ${runId}.`);
    const run = await tx.run.findUniqueOrThrow({
      where: { id: runId },
      select: {
        scenarioVersionId: true,
        input: true,
        scenarioVersion: { select: { scenarioId: true } },
      },
    });
    const version = await ctx.version(request.versionId ?? run.scenarioVersionId, tx);
    if (version.scenarioId !== run.scenarioVersion.scenarioId) {
      throw new BatonError(
        "BAD_INPUT",
        "A run can only be reworked on a version of its own scenario.",
      );
    }
    const whole = !request.fromNodeIds?.length;
    const from = whole ? [version.startNode.id] : request.fromNodeIds!;
    for (const id of from) version.node(id);
    if (request.input !== undefined && !whole) {
      if (from.length !== 1)
        throw new BatonError(
          "BAD_INPUT",
          "An edited input needs exactly one step to restart from.",
        );
      await checkEditedInput(ctx, tx, version, from[0]!, request.input);
    }
    const runInput = whole && request.input !== undefined ? request.input : run.input;
    if (whole) checkRunInput(version, runInput);

    const affected = new Set(from);
    for (const id of from) for (const d of descendants(version.index, id)) affected.add(d);
    const unfinished = await tx.$queryRawUnsafe<{ nodeId: string }[]>(
      `SELECT DISTINCT "nodeId" FROM "StepRun" WHERE "runId" = $1::uuid AND status = 'cancelled'`,
      runId,
    );
    const rerun = [...from, ...unfinished.map((u) => u.nodeId).filter((id) => !affected.has(id))];
    for (const id of rerun) affected.add(id);

    if (request.versionId) {
      const kept = await tx.$queryRawUnsafe<{ nodeId: string }[]>(
        `SELECT DISTINCT "nodeId" FROM "StepRun" WHERE "runId" = $1::uuid AND status IN ('succeeded', 'skipped') AND NOT ("nodeId" = ANY($2::text[]))`,
        runId,
        [...affected],
      );
      const gone = kept.map((k) => k.nodeId).filter((id) => !version.index.nodes.has(id));
      if (gone.length) {
        throw new BatonError(
          "PRECONDITION_FAILED",
          `Version ${version.version} no longer has the steps ${gone.join(", ")} whose results the rework would keep; restart the whole run instead.`,
        );
      }
    }

    await tx.$queryRawUnsafe(
      `WITH gone AS (
         UPDATE "StepRun" SET status = 'superseded', "updatedAt" = now()
         WHERE "runId" = $1::uuid AND "nodeId" = ANY($2::text[]) AND status <> 'superseded'
         RETURNING id, "runId", "nodeId", generation
       ),
       tasks AS (
         UPDATE "ManualTask" t SET status = 'cancelled' FROM gone WHERE t."stepRunId" = gone.id AND t.status = 'open'
       ),
       ev AS (
         INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
         SELECT "runId", id, 'step.superseded', jsonb_build_object('nodeId', "nodeId", 'generation', generation) FROM gone
         RETURNING id
       )
       SELECT count(*) FROM ev`,
      runId,
      [...affected],
    );
    const [{ generation }] = (await tx.$queryRawUnsafe<{ generation: number }[]>(
      `UPDATE "Run" SET status = 'running', generation = generation + 1, output = NULL, error = NULL,
         "endedAt" = NULL, "updatedAt" = now(), "scenarioVersionId" = $2::uuid, input = $3::jsonb,
         "stepsTotal" = $4
       WHERE id = $1::uuid RETURNING generation`,
      runId,
      version.id,
      json(runInput),
      version.scenario.nodes.length,
    )) as [{ generation: number }];
    await appendRunEvent(
      tx,
      runId,
      "run.restarted",
      {
        fromNodeIds: whole ? null : from,
        rerun,
        generation,
        versionId: version.id,
        editedInput: request.input !== undefined,
      },
      request.actorId,
    );
    if (whole) {
      await startFromStart(ctx, tx, version, runId, runInput);
    } else {
      const { created } = await scheduleNodes(ctx, tx, version, runId, rerun);
      if (request.input !== undefined) {
        await tx.$queryRawUnsafe(
          `UPDATE "StepRun" SET input = $2::jsonb WHERE id = $1::uuid`,
          created.find((c) => c.nodeId === from[0])!.id,
          json(request.input),
        );
      }
    }
    return { generation };
  });

/** Runs every failed step again (and what follows them), keeping everything else. */
export const retryFailedSteps = async (ctx: TEngineContext, runId: string, actorId?: string) => {
  const failed = await ctx.db.prisma.stepRun.findMany({
    where: { runId, status: "failed" },
    select: { nodeId: true },
  });
  if (!failed.length)
    throw new BatonError("PRECONDITION_FAILED", "The run has no failed step to retry.");
  return reworkRun(ctx, runId, {
    fromNodeIds: [...new Set(failed.map((f) => f.nodeId))],
    ...(actorId ? { actorId } : {}),
  });
};
