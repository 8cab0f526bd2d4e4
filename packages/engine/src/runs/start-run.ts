import { randomUUID } from "node:crypto";
import type { TAudit } from "@baton/model";
import { applyEffects } from "../apply/apply-effects.ts";
import { startFastForm } from "../apply/fast-path.ts";
import { leaseSeconds } from "../apply/leases.ts";
import type { TEngineContext } from "../context.ts";
import type { TEffect } from "../flow/effects.ts";
import { insertAuditEntry } from "../store/audit.ts";
import { sqlTransaction } from "../store/transaction.ts";
import { checkRunInput } from "./check-run-input.ts";

export type TStartRun = {
  versionId: string;
  input: unknown;
  trigger?: string;
  startedById?: string | undefined;
  /** a test run of a draft: kept apart from real runs (README, "Test runs") */
  test?: boolean | undefined;
  audit?: TAudit<{ runId: string }> | undefined;
};

/**
 * Starts a run: the run, its start step (done at once, its output is the input), and the
 * jobs of the steps after it, all or nothing. When this process has a free worker, it runs
 * the first step at once instead of waiting for the queue to hand it out (its job is held
 * back, as in a chain). When the start leads into a plain chain, all of that is one
 * statement, which claims that first step too. The audit entry the caller asks for is
 * written with the run, or not at all.
 */
export const startRun = async (
  ctx: TEngineContext,
  request: TStartRun,
): Promise<{ runId: string }> => {
  const version = await ctx.version(request.versionId);
  checkRunInput(ctx, version, request.input);
  const inline = ctx.inline.available();
  const runId = randomUUID();
  const create: Extract<TEffect, { kind: "create-run" }> = {
    kind: "create-run",
    runId,
    versionId: version.id,
    input: request.input ?? null,
    trigger: request.trigger ?? "api",
    startedById: request.startedById,
    // a run of a draft's test snapshot is a test run whatever the caller says
    test: request.test === true || version.test,
  };
  const audit = request.audit?.({ runId });
  const targets = startFastForm(version, create);
  if (!targets) {
    const { inline: job } = await sqlTransaction(ctx, async (tx) => {
      const applied = await applyEffects(ctx, tx, [create], inline ? { inline: { runId } } : {});
      if (audit) await insertAuditEntry(tx, audit);
      return applied;
    });
    if (job) ctx.inline.run({ job });
    return { runId };
  }
  const stepRunIds = targets.map(() => randomUUID());
  const jobIds = targets.map(() => randomUUID());
  const leases = await Promise.all(
    targets.map((target) => leaseSeconds(ctx, undefined, version, target)),
  );
  const claimed = await ctx.startChainRun({
    runId,
    versionId: version.id,
    version: version.version,
    input: create.input,
    trigger: create.trigger,
    startedById: request.startedById ?? null,
    stepsTotal: version.scenario.nodes.length,
    startNodeId: version.startNode.id,
    targets,
    stepRunIds,
    jobIds,
    leases,
    hold: inline,
    audit,
  });
  if (claimed) {
    ctx.inline.run({
      job: {
        id: jobIds[0]!,
        data: {
          kind: "step",
          runId,
          stepRunId: stepRunIds[0]!,
          nodeId: targets[0]!,
          versionId: version.id,
        },
      },
      claimed: {
        ...claimed,
        runInput: create.input,
        child: false,
        steps: { [version.startNode.id]: { output: create.input } },
      },
    });
  }
  return { runId };
};
