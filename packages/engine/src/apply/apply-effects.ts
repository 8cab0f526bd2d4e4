import { randomUUID } from "node:crypto";
import { BatonError, type TMapNode } from "@baton/model";
import type { TEngineContext } from "../context.ts";
import {
  needsStates,
  onChildDue,
  onItemCounted,
  onItemFailed,
  onItemsGathered,
  onItemsTaken,
  onMapParked,
  onRunCreated,
  onRunEnded,
  onStepDone,
} from "../flow/decide.ts";
import type { TAt, TEffect, TFact } from "../flow/effects.ts";
import { enclosingScope, iterationIndex } from "../scopes.ts";
import {
  countItemDone,
  itemOutputs,
  markItemWithoutEnd,
  resetItemCounts,
  takeItems,
  waitingMapStep,
} from "../store/maps.ts";
import { enqueue, type TStepJob } from "../store/queue.ts";
import {
  abortCalls,
  activeChildRuns,
  finishRun,
  insertRun,
  lockRun,
  syncWaitingStatus,
  waitingParentStep,
} from "../store/runs.ts";
import type { TSql } from "../store/sql.ts";
import {
  cancelScopes,
  createStepRuns,
  failStep,
  insertDoneStart,
  loadStates,
  parkStep,
  succeedStep,
} from "../store/step-runs.ts";
import { openTask } from "../store/tasks.ts";
import { ACTIVE_RUN_STATUSES } from "../store/vocabulary.ts";
import type { TVersion } from "../versions.ts";
import { leaseSeconds } from "./leases.ts";

export type TApplyOptions = {
  /**
   * The calling worker runs the first step scheduled in this run itself, at once: its job
   * is still written, but held back for the step's lease, so the queue hands it to another
   * worker only if this one died.
   */
  inline?: { runId: string };
};

export type TApplied = { inline?: TStepJob };

const stepJob = (at: TAt, step: { id: string; nodeId: string }): TStepJob => ({
  id: randomUUID(),
  data: {
    kind: "step",
    runId: at.runId,
    stepRunId: step.id,
    nodeId: step.nodeId,
    versionId: at.versionId,
    ...(at.scope ? { scope: at.scope } : {}),
  },
});

const bodyOf = (version: TVersion, mapNodeId: string) => {
  const map = version.node(mapNodeId) as TMapNode;
  const place = version.place(map.body.nodes[0]!.id);
  return { start: place.start!, end: place.end! };
};

/**
 * Writes a list of effects in the caller's transaction, as a loop: each effect is stored,
 * the facts that storing it establishes are handed to the run rules (`flow/decide.ts`)
 * with what they need read, and the effects those decide are written next, before the
 * rest (depth first, as a run's events happen). Nothing here decides; no rule calls
 * another.
 */
export const applyEffects = async (
  ctx: TEngineContext,
  tx: TSql,
  effects: TEffect[],
  options: TApplyOptions = {},
): Promise<TApplied> => {
  const applied: TApplied = {};
  const pending = [...effects];
  for (let effect = pending.shift(); effect; effect = pending.shift()) {
    const facts = await store(ctx, tx, effect, options, applied);
    const next: TEffect[] = [];
    for (const fact of facts) next.push(...(await decide(ctx, tx, fact)));
    pending.unshift(...next);
  }
  return applied;
};

/** Stores one effect; answers the facts it established. */
const store = async (
  ctx: TEngineContext,
  tx: TSql,
  effect: TEffect,
  options: TApplyOptions,
  applied: TApplied,
): Promise<TFact[]> => {
  switch (effect.kind) {
    case "succeed-step": {
      const { at, step, output, input, branch } = effect;
      if (!(await succeedStep(tx, step.id, step.attempt, output, input))) return [];
      return [{ kind: "step-done", at, step, outcome: { kind: "succeeded", branch }, output }];
    }
    case "fail-step": {
      const { at, step, error, input } = effect;
      if (!(await failStep(tx, step.id, step.attempt, error, "failed", {}, input))) return [];
      return [{ kind: "step-done", at, step, outcome: { kind: "failed" }, error }];
    }
    case "retry-step": {
      const { at, step, error, input, delayMs } = effect;
      if (await failStep(tx, step.id, step.attempt, error, "retrying", { delayMs }, input)) {
        const version = await ctx.version(at.versionId, tx);
        await enqueue(ctx.boss, tx, [
          {
            ...stepJob(at, step),
            startAfter: new Date(Date.now() + delayMs),
            expireInSeconds: await leaseSeconds(ctx, tx, version, step.nodeId),
          },
        ]);
      }
      return [];
    }
    case "schedule": {
      const created = await createStepRuns(
        tx,
        effect.at,
        effect.nodeIds,
        "scheduled",
        effect.inputs,
      );
      const version = await ctx.version(effect.at.versionId, tx);
      const jobs = await Promise.all(
        created.map(async (step) => {
          const job = stepJob(effect.at, step);
          const expireInSeconds = await leaseSeconds(ctx, tx, version, step.nodeId);
          if (applied.inline || options.inline?.runId !== effect.at.runId) {
            return { ...job, expireInSeconds };
          }
          applied.inline = job;
          const startAfter = new Date(Date.now() + expireInSeconds * 1000);
          return { ...job, expireInSeconds, startAfter };
        }),
      );
      await enqueue(ctx.boss, tx, jobs);
      return [];
    }
    case "skip":
      await createStepRuns(tx, effect.at, effect.nodeIds, "skipped");
      return [];
    case "start-graph": {
      const { at, startNodeId, input } = effect;
      const start = await insertDoneStart(tx, at, startNodeId, input);
      if (!start) throw new BatonError("CONFLICT", "The start step exists already.");
      const step = { id: start.id, nodeId: startNodeId, attempt: start.attempt };
      return [{ kind: "step-done", at, step, outcome: { kind: "succeeded" }, output: input }];
    }
    case "create-run": {
      const runId = effect.runId ?? randomUUID();
      const version = await ctx.version(effect.versionId, tx);
      await insertRun(tx, {
        id: runId,
        version: { id: version.id, version: version.version, nodes: version.scenario.nodes.length },
        input: effect.input,
        trigger: effect.trigger,
        startedById: effect.startedById ?? null,
        parentStepRunId: effect.parentStepRunId ?? null,
        test: effect.test === true || version.test,
      });
      return [{ kind: "run-created", runId, versionId: version.id, input: effect.input }];
    }
    case "end-run": {
      const { runId, status, output, error, actorId } = effect;
      if (!(await finishRun(tx, runId, status, { output, error }, actorId))) return [];
      // a cancel tells workers itself; a run that ends otherwise may leave calls going too
      // (other map items, other branches), whose steps it has just cancelled
      if (status !== "cancelled") await abortCalls(tx, runId);
      return [{ kind: "run-ended", runId, status, output, error, actorId }];
    }
    case "end-item": {
      const { at, mapNodeId, withoutEnd } = effect;
      const version = await ctx.version(at.versionId, tx);
      const { end } = bodyOf(version, mapNodeId);
      // only the first path to find its item ended without the end node counts the item
      if (withoutEnd && !(await markItemWithoutEnd(tx, at, end.id))) return [];
      const mapAt = { ...at, scope: enclosingScope(at.scope) };
      // items ending at once are serialized by the run's lock: exactly one sees the last
      await lockRun(tx, at.runId);
      const counts = await countItemDone(tx, mapAt, mapNodeId);
      if (!counts) return [];
      const { id, attempt, ...rest } = counts;
      const mapStep = { id, nodeId: mapNodeId, attempt };
      return [{ kind: "item-counted", at: mapAt, mapStep, ...rest }];
    }
    case "fail-item": {
      const { at, mapNodeId, error } = effect;
      const mapAt = { ...at, scope: enclosingScope(at.scope) };
      await lockRun(tx, at.runId);
      const step = await waitingMapStep(tx, mapAt, mapNodeId);
      if (!step) return [];
      await cancelScopes(tx, at.runId, mapAt.scope);
      const mapStep = { id: step.id, nodeId: mapNodeId, attempt: step.attempt };
      const index = iterationIndex(at.scope);
      return [{ kind: "item-failed", at: mapAt, mapStep, index, error }];
    }
    case "start-items": {
      const taken = await takeItems(tx, effect.mapStep.id, effect.count);
      if (!taken?.items.length) return [];
      return [{ kind: "items-taken", at: effect.at, mapStep: effect.mapStep, ...taken }];
    }
    case "start-items-later": {
      const { at, mapStep } = effect;
      await enqueue(ctx.boss, tx, [
        {
          data: {
            kind: "start-items",
            runId: at.runId,
            versionId: at.versionId,
            scope: at.scope,
            stepRunId: mapStep.id,
            nodeId: mapStep.nodeId,
          },
        },
      ]);
      return [];
    }
    case "gather-items": {
      const { at, mapStep, total } = effect;
      const version = await ctx.version(at.versionId, tx);
      const outputs = await itemOutputs(tx, at, bodyOf(version, mapStep.nodeId).end.id, total);
      return [{ kind: "items-gathered", at, mapStep, outputs }];
    }
    case "park-map": {
      const { at, step, items } = effect;
      if (!(await parkStep(tx, step.id, step.attempt, items, { items: items.length }))) return [];
      await resetItemCounts(tx, step.id);
      return [{ kind: "map-parked", at, mapStep: step, total: items.length }];
    }
    case "open-task": {
      const { at, step, input, dueAt } = effect;
      if (!(await parkStep(tx, step.id, step.attempt, input, { task: true }))) return [];
      const version = await ctx.version(at.versionId, tx);
      const node = version.node(step.nodeId);
      if (node.kind !== "manual") return [];
      const taskId = await openTask(
        tx,
        { id: step.id, runId: at.runId, nodeId: step.nodeId },
        {
          title: node.title,
          instructions: node.instructions ?? "",
          formSchema: node.form ?? { type: "object" },
          input,
          assignees: node.assignees,
          dueAt,
        },
      );
      await syncWaitingStatus(tx, at.runId);
      if (dueAt) {
        await enqueue(ctx.boss, tx, [
          { data: { kind: "expire-task", runId: at.runId, taskId }, startAfter: dueAt },
        ]);
      }
      return [];
    }
    case "wait-until": {
      const { at, step, until } = effect;
      const due = { until: until.toISOString() };
      if (await parkStep(tx, step.id, step.attempt, due, due)) {
        await enqueue(ctx.boss, tx, [{ ...stepJob(at, step), startAfter: until }]);
      }
      return [];
    }
    case "park-for-child": {
      const { at, step, versionId, input } = effect;
      const child = await ctx.version(versionId, tx);
      const parked = await parkStep(tx, step.id, step.attempt, input, {
        subscenario: child.scenario.slug,
      });
      return parked ? [{ kind: "child-due", at, step, versionId, input }] : [];
    }
    case "sync-waiting":
      await syncWaitingStatus(tx, effect.runId);
      return [];
  }
};

/** Hands a fact to its run rule, with what the rule needs read. */
const decide = async (ctx: TEngineContext, tx: TSql, fact: TFact): Promise<TEffect[]> => {
  switch (fact.kind) {
    case "step-done": {
      const version = await ctx.version(fact.at.versionId, tx);
      if (!needsStates(version, fact)) return onStepDone(version, fact);
      // anything that may touch a join locks the run and reads its scope
      const run = await lockRun(tx, fact.at.runId);
      if (!run || !(ACTIVE_RUN_STATUSES as readonly string[]).includes(run.status)) return [];
      const nodes = [...version.place(fact.step.nodeId).index.nodes.keys()];
      const states = await loadStates(tx, fact.at.runId, nodes, fact.at.scope);
      return onStepDone(version, fact, states);
    }
    case "run-created":
      return onRunCreated(await ctx.version(fact.versionId, tx), fact);
    case "run-ended": {
      const children = await activeChildRuns(tx, fact.runId);
      const parent = await waitingParentStep(tx, fact.runId);
      return onRunEnded(fact, {
        children,
        ...(parent
          ? {
              parent: {
                at: { runId: parent.runId, versionId: parent.versionId, scope: parent.scope },
                step: { id: parent.id, nodeId: parent.nodeId, attempt: parent.attempt },
              },
            }
          : {}),
      });
    }
    case "map-parked":
      return onMapParked(await ctx.version(fact.at.versionId, tx), fact, ctx.limits.mapConcurrency);
    case "child-due":
      return onChildDue(fact);
    case "items-taken":
      return onItemsTaken(
        await ctx.version(fact.at.versionId, tx),
        fact,
        ctx.limits.mapConcurrency,
      );
    case "item-counted":
      return onItemCounted(fact);
    case "items-gathered":
      return onItemsGathered(fact);
    case "item-failed":
      return onItemFailed(await ctx.version(fact.at.versionId, tx), fact);
  }
};
