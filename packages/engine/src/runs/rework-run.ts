import { BatonError, formatIssues, type TAudit, type TMapNode, validateValue } from "@baton/model";
import { applyEffects } from "../apply/apply-effects.ts";
import type { TEngineContext } from "../context.ts";
import type { TEffect } from "../flow/effects.ts";
import { planRework, type TReworkPlan, type TTarget } from "../flow/rework-plan.ts";
import { placeDepth, scopeDepth } from "../scopes.ts";
import { insertAuditEntry } from "../store/audit.ts";
import { reopenMapStep } from "../store/maps.ts";
import {
  currentSteps,
  failedSteps,
  restartRun,
  runForRework,
  supersedeSteps,
} from "../store/rework.ts";
import { appendRunEvent, lockRun } from "../store/runs.ts";
import type { TSql } from "../store/sql.ts";
import { sqlTransaction } from "../store/transaction.ts";
import type { TVersion } from "../versions.ts";
import { checkRunInput } from "./check-run-input.ts";

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
  audit?: TAudit<{ generation: number }>;
};

const checkEditedInput = async (
  ctx: TEngineContext,
  tx: TSql,
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
  const issues = validateValue(fn.inputSchema, input);
  if (issues.length) {
    throw new BatonError(
      "BAD_INPUT",
      `The edited input does not match ${fn.name}'s input schema: ${formatIssues(issues)}`,
      { issues },
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

/** Refuses a newer version that lacks steps whose results the rework would keep. */
const checkKeptSteps = (
  version: TVersion,
  rows: Awaited<ReturnType<typeof currentSteps>>,
  plan: TReworkPlan,
) => {
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
  sqlTransaction(ctx, async (tx) => {
    if (!(await lockRun(tx, runId))) throw new BatonError("NOT_FOUND", `No run ${runId}.`);
    const run = (await runForRework(tx, runId))!;
    const version = await ctx.version(request.versionId ?? run.versionId, tx);
    if (version.scenarioId !== run.scenarioId) {
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
      if (from.length !== 1) {
        throw new BatonError(
          "BAD_INPUT",
          "An edited input needs exactly one step to restart from.",
        );
      }
      await checkEditedInput(ctx, tx, version, from[0]!.nodeId, request.input);
    }
    const runInput = whole && request.input !== undefined ? request.input : run.input;
    if (whole) checkRunInput(ctx, version, runInput);

    const rows = await currentSteps(tx, runId);
    let plan: TReworkPlan = { supersede: rows.map((r) => r.id), rerun: [], reopen: [] };
    if (!whole) {
      // steps that never finished because the run stopped run again too, unless already redone
      const redone = new Set(planRework(version, rows, from).supersede);
      const unfinished = rows
        .filter((r) => r.status === "cancelled" && !redone.has(r.id))
        .filter((r) => version.hasNode(r.nodeId));
      plan = planRework(version, rows, [...from, ...unfinished]);
    }
    if (request.versionId) checkKeptSteps(version, rows, plan);

    await supersedeSteps(tx, plan.supersede);
    const generation = await restartRun(
      tx,
      runId,
      { id: version.id, nodes: version.scenario.nodes.length },
      runInput,
    );
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
    const at = (scope: string) => ({ runId, versionId: version.id, scope });
    if (whole) {
      await applyEffects(ctx, tx, [
        { kind: "start-graph", at: at(""), startNodeId: version.startNode.id, input: runInput },
      ]);
      if (request.audit) await insertAuditEntry(tx, request.audit({ generation }));
      return { generation };
    }
    for (const map of plan.reopen) {
      const body = (version.node(map.nodeId) as TMapNode).body.nodes;
      const place = version.place(body[0]!.id);
      await reopenMapStep(
        tx,
        at(map.scope),
        { nodeId: map.nodeId, startNodeId: place.start!.id, endNodeId: place.end!.id },
        map.input,
      );
    }
    const effects: TEffect[] = [...new Set(plan.rerun.map((t) => t.scope))].map((scope) => {
      const edited = request.input !== undefined && from[0]?.scope === scope;
      return {
        kind: "schedule",
        at: at(scope),
        nodeIds: plan.rerun.filter((t) => t.scope === scope).map((t) => t.nodeId),
        ...(edited ? { inputs: { [from[0]!.nodeId]: request.input } } : {}),
      };
    });
    await applyEffects(ctx, tx, effects);
    if (request.audit) await insertAuditEntry(tx, request.audit({ generation }));
    return { generation };
  });

/** Runs every failed step again (and what follows them), keeping everything else. */
export const retryFailedSteps = async (
  ctx: TEngineContext,
  runId: string,
  actorId?: string,
  audit?: TAudit<{ generation: number }>,
) => {
  const failed = await failedSteps(ctx.sql, runId);
  if (!failed.length) {
    throw new BatonError("PRECONDITION_FAILED", "The run has no failed step to retry.");
  }
  return reworkRun(ctx, runId, {
    fromSteps: failed,
    ...(actorId ? { actorId } : {}),
    ...(audit ? { audit } : {}),
  });
};
