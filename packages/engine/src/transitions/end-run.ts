import type { TStepError } from "@baton/model";
import type { TEngineContext } from "../context.ts";
import { CANCEL_CHANNEL, type TSql } from "../sql.ts";
import { failStep, finishRun, succeedStep } from "../step-store.ts";
import type { TVersion } from "../versions.ts";
import { advanceRun } from "./advance-run.ts";
import { failIteration } from "./map-step.ts";

type TRunResult = { output?: unknown; error?: unknown };

/**
 * Ends a run and settles what depends on it, in the caller's transaction: subscenario runs
 * it started that are still going are cancelled, and when it is itself a subscenario, the
 * step that waits for it takes its output, or fails with its error.
 */
export const endRun = async (
  ctx: TEngineContext,
  tx: TSql,
  runId: string,
  status: "succeeded" | "failed" | "cancelled",
  result: TRunResult,
  actorId?: string,
): Promise<boolean> => {
  if (!(await finishRun(tx, runId, status, result, actorId))) return false;
  // finishRun aborts the calls of a cancelled run; one that ends otherwise may leave calls
  // going too (other map items, other branches), whose steps it has just cancelled
  if (status !== "cancelled") {
    await tx.$queryRawUnsafe(`SELECT pg_notify($1, $2::text)`, CANCEL_CHANNEL, runId);
  }
  const children = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id FROM "Run" c JOIN "StepRun" s ON s.id = c."parentStepRunId"
      WHERE s."runId" = $1::uuid AND c.status IN ('pending', 'running', 'waiting')`,
    runId,
  );
  for (const child of children) {
    await endRun(
      ctx,
      tx,
      child.id,
      "cancelled",
      { error: { message: "The run that started it ended." } },
      actorId,
    );
  }
  const [parent] = await tx.$queryRawUnsafe<
    {
      stepRunId: string;
      runId: string;
      nodeId: string;
      scope: string;
      attempt: number;
      versionId: string;
    }[]
  >(
    `SELECT s.id AS "stepRunId", s."runId", s."nodeId", s.scope, s.attempt, r."scenarioVersionId" AS "versionId"
       FROM "Run" c JOIN "StepRun" s ON s.id = c."parentStepRunId" JOIN "Run" r ON r.id = s."runId"
      WHERE c.id = $1::uuid AND s.status = 'waiting'`,
    runId,
  );
  if (!parent) return true;
  const version = await ctx.version(parent.versionId, tx);
  if (status === "succeeded") {
    if (await succeedStep(tx, parent.stepRunId, parent.attempt, result.output ?? null)) {
      await advanceRun(
        ctx,
        tx,
        version,
        parent.runId,
        parent.nodeId,
        { kind: "succeeded" },
        { scope: parent.scope },
      );
    }
  } else {
    const reason = (result.error as { message?: string } | undefined)?.message ?? status;
    await stepFailed(
      ctx,
      tx,
      version,
      parent.runId,
      parent.stepRunId,
      parent.attempt,
      {
        message: `The subscenario run ${status}: ${reason}`,
        code: "subscenario_failed",
        nodeId: parent.nodeId,
        attempts: parent.attempt,
        details: { runId, error: result.error ?? null },
      },
      undefined,
      parent.scope,
    );
  }
  return true;
};

/**
 * A step failed for good: the run follows the node's error edge when it has one; else a
 * step in a map body fails its item (and so the map step), and any other step fails the
 * run, which waits for rework.
 */
export const stepFailed = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  stepRunId: string,
  attempt: number,
  error: TStepError,
  input?: unknown,
  scope = "",
): Promise<void> => {
  if (!(await failStep(tx, stepRunId, attempt, error, "failed", {}, input))) return;
  const place = version.place(error.nodeId);
  if (place.flow.outgoing(error.nodeId).some((edge) => edge.kind === "error")) {
    await advanceRun(ctx, tx, version, runId, error.nodeId, { kind: "failed" }, { scope });
  } else if (place.map) {
    await failIteration(ctx, tx, version, runId, place.map, scope, error);
  } else {
    await endRun(ctx, tx, runId, "failed", {
      error: { ...error, label: version.node(error.nodeId).label },
    });
  }
};
