import type { Prisma } from "@baton/db";
import { BatonError } from "@baton/model";
import { formatIssues, validateAgainstSchema } from "@baton/providers";
import type { TEngineContext } from "../context.ts";
import { planRework, type TReworkPlan, type TStepRow, type TTarget } from "../flow/rework-plan.ts";
import { placeDepth, scopeDepth } from "../scopes.ts";
import { json } from "../sql.ts";
import { appendRunEvent, lockRun } from "../step-store.ts";
import { transaction } from "../transaction.ts";
import type { TVersion } from "../versions.ts";
import { scheduleNodes } from "./advance-run.ts";
import { reopenMapStep } from "./map-step.ts";
import { checkRunInput, startFromStart } from "./start-run.ts";

export type TRework = {
  /** restart from these nodes; none means the whole run from its start */
  fromNodeIds?: string[];
  /** only with one node: its input, edited by hand (validated first); for the whole run, the new run input */
  input?: unknown;
  /** instead of fromNodeIds: steps in several map items at once, as retrying failed steps needs */
  fromSteps?: TTarget[];
  /** the map item the steps are in, e.g. "2", or "2/0" in a map inside a map; "" or absent outside maps */
  scope?: string;
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

/** A step inside a map body is restarted in one item; one outside in none. */
const checkScope = (version: TVersion, nodeId: string, scope: string) => {
  const depth = placeDepth(version.place(nodeId));
  const label = version.node(nodeId).label;
  if (!/^([0-9]+(\/[0-9]+)*)?$/.test(scope)) {
    throw new BatonError(
      "BAD_INPUT",
      `"${scope}" is not an item: use the item's number, e.g. "2", or "2/0" for a map inside a map.`,
    );
  }
  if (depth !== scopeDepth(scope)) {
    throw new BatonError(
      "BAD_INPUT",
      depth === 0
        ? `"${label}" is not inside a map, so it is restarted without naming an item.`
        : `"${label}" is inside ${depth === 1 ? "a map" : `${depth} nested maps`}: name the item to restart it in, e.g. "${Array(depth).fill("0").join("/")}".`,
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
    const from: TTarget[] =
      request.fromSteps ??
      (request.fromNodeIds ?? []).map((nodeId) => ({ nodeId, scope: request.scope ?? "" }));
    const whole = !from.length;
    for (const target of from) checkScope(version, target.nodeId, target.scope);
    if (request.input !== undefined && !whole) {
      if (from.length !== 1)
        throw new BatonError(
          "BAD_INPUT",
          "An edited input needs exactly one step to restart from.",
        );
      await checkEditedInput(ctx, tx, version, from[0]!.nodeId, request.input);
    }
    const runInput = whole && request.input !== undefined ? request.input : run.input;
    if (whole) checkRunInput(ctx, version, runInput);

    const rows = await tx.$queryRawUnsafe<TStepRow[]>(
      `SELECT id, "nodeId", scope, status::text AS status, input FROM "StepRun"
        WHERE "runId" = $1::uuid AND status <> 'superseded'`,
      runId,
    );
    let plan: TReworkPlan = { supersede: rows.map((r) => r.id), rerun: [], reopen: [] };
    if (!whole) {
      // steps that never finished because the run stopped run again too, unless already redone
      const redone = new Set(planRework(version, rows, from).supersede);
      const unfinished = rows
        .filter((r) => r.status === "cancelled" && !redone.has(r.id))
        .filter((r) => version.hasNode(r.nodeId));
      plan = planRework(version, rows, [...from, ...unfinished]);
    }

    if (request.versionId) {
      const superseded = new Set(plan.supersede);
      const gone = [
        ...new Set(
          rows
            .filter((r) => !superseded.has(r.id) && ["succeeded", "skipped"].includes(r.status))
            .map((r) => r.nodeId)
            .filter((id) => !version.hasNode(id)),
        ),
      ];
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
         WHERE id = ANY($1::uuid[]) AND status <> 'superseded'
         RETURNING id, "runId", "nodeId", scope, generation
       ),
       tasks AS (
         UPDATE "ManualTask" t SET status = 'cancelled' FROM gone WHERE t."stepRunId" = gone.id AND t.status = 'open'
       ),
       ev AS (
         INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
         SELECT "runId", id, 'step.superseded', jsonb_build_object('nodeId', "nodeId", 'scope', scope, 'generation', generation) FROM gone
         RETURNING id
       )
       SELECT count(*)::int AS n FROM ev`,
      plan.supersede,
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
        fromNodeIds: whole ? null : from.map((t) => t.nodeId),
        scopes: whole ? null : from.map((t) => t.scope),
        rerun: plan.rerun.map((t) => t.nodeId),
        generation,
        versionId: version.id,
        editedInput: request.input !== undefined,
      },
      request.actorId,
    );
    if (whole) {
      await startFromStart(ctx, tx, version, runId, runInput);
    } else {
      for (const map of plan.reopen) await reopenMapStep(tx, version, runId, map);
      const scopes = new Set(plan.rerun.map((t) => t.scope));
      for (const at of scopes) {
        const ids = plan.rerun.filter((t) => t.scope === at).map((t) => t.nodeId);
        const { created } = await scheduleNodes(ctx, tx, version, runId, ids, { scope: at });
        const edited = created.find((c) => c.nodeId === from[0]?.nodeId && at === from[0]?.scope);
        if (request.input !== undefined && edited) {
          await tx.$queryRawUnsafe(
            `UPDATE "StepRun" SET input = $2::jsonb WHERE id = $1::uuid`,
            edited.id,
            json(request.input),
          );
        }
      }
    }
    return { generation };
  });

/** Runs every failed step again (and what follows them), keeping everything else. */
export const retryFailedSteps = async (ctx: TEngineContext, runId: string, actorId?: string) => {
  const failed = await ctx.db.prisma.stepRun.findMany({
    where: { runId, status: "failed" },
    select: { nodeId: true, scope: true },
  });
  if (!failed.length)
    throw new BatonError("PRECONDITION_FAILED", "The run has no failed step to retry.");
  return reworkRun(ctx, runId, {
    fromSteps: failed.map((f) => ({ nodeId: f.nodeId, scope: f.scope })),
    ...(actorId ? { actorId } : {}),
  });
};
