import { randomUUID } from "node:crypto";
import { BatonError } from "@baton/model";
import { formatIssues, validateAgainstSchema } from "@baton/providers";
import type { TEngineContext } from "../context.ts";
import { checkValue } from "../limits.ts";
import type { TStepJob } from "../queue.ts";
import { json, type TSql } from "../sql.ts";
import { appendRunEvent, createStepRuns, succeedStep } from "../step-store.ts";
import { sqlTransaction } from "../transaction.ts";
import type { TVersion } from "../versions.ts";
import { advanceRun, chainTargets, leaseSeconds } from "./advance-run.ts";

export type TStartRun = {
  versionId: string;
  input: unknown;
  trigger?: string;
  startedById?: string | undefined;
  parentStepRunId?: string | undefined;
  /** a test run of a draft: kept apart from real runs (see the README, "Test runs") */
  test?: boolean | undefined;
};

/** A run of a draft's snapshot is a test run whatever the caller says; so is one asked for. */
const isTestRun = (version: TVersion, request: TStartRun): boolean =>
  version.test || request.test === true;

/** Rejects an input the scenario's start node does not accept, naming every field. */
export const checkRunInput = (ctx: TEngineContext, version: TVersion, input: unknown): void => {
  checkValue("The run's input", "input", input, ctx.limits);
  const schema = version.startNode.kind === "start" ? version.startNode.inputSchema : undefined;
  if (schema === undefined) return;
  const issues = validateAgainstSchema(schema, input);
  if (issues.length) {
    throw new BatonError(
      "BAD_INPUT",
      `The input does not match the scenario's input schema: ${formatIssues(issues)}`,
      {
        issues,
      },
    );
  }
};

/**
 * Starts a run in one transaction: the run, its start step (done at once, its output is
 * the input), and the jobs of the steps after it. Either all of it exists or none. When
 * this process has a free worker, it runs the first step at once instead of waiting for
 * the queue to hand it out (its job is held back, as in a chain). When the start leads
 * into a plain chain, all of that is one statement, which claims that first step too.
 */
export const startRun = async (
  ctx: TEngineContext,
  request: TStartRun,
): Promise<{ runId: string }> => {
  const version = await ctx.version(request.versionId);
  checkRunInput(ctx, version, request.input);
  const inline = ctx.inline.available();
  const targets = chainTargets(version, version.startNode.id, { kind: "succeeded" });
  // the one-statement start serves real runs; a test run takes the transaction below
  if (targets && !request.parentStepRunId && !isTestRun(version, request)) {
    const runId = randomUUID();
    const stepRunIds = targets.map(() => randomUUID());
    const jobIds = targets.map(() => randomUUID());
    const leases = await Promise.all(
      targets.map((target) => leaseSeconds(ctx, undefined, version, target)),
    );
    const claimed = await ctx.startChainRun({
      runId,
      versionId: version.id,
      version: version.version,
      input: request.input,
      trigger: request.trigger ?? "api",
      startedById: request.startedById ?? null,
      stepsTotal: version.scenario.nodes.length,
      startNodeId: version.startNode.id,
      targets,
      stepRunIds,
      jobIds,
      leases,
      hold: inline,
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
          runInput: request.input ?? null,
          child: false,
          steps: { [version.startNode.id]: { output: request.input ?? null } },
        },
      });
    }
    return { runId };
  }
  const started = await sqlTransaction(ctx, (tx) =>
    createRun(ctx, tx, version, request, { inline }),
  );
  if (started.inline) ctx.inline.run({ job: started.inline });
  return { runId: started.runId };
};

/** Creates and starts a run in the caller's transaction; its input must have been checked. */
export const createRun = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  request: TStartRun,
  options: { inline?: boolean } = {},
): Promise<{ runId: string; inline?: TStepJob }> => {
  const trigger = request.trigger ?? "api";
  const [run] = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "Run" (id, "scenarioVersionId", status, input, trigger, "startedById",
       "parentStepRunId", "stepsTotal", test, "startedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, 'running', $2::jsonb, $3, $4::uuid, $5::uuid, $6, $7, now(), now())
     RETURNING id`,
    version.id,
    json(request.input ?? null),
    trigger,
    request.startedById ?? null,
    request.parentStepRunId ?? null,
    version.scenario.nodes.length,
    isTestRun(version, request),
  );
  if (!run) throw new BatonError("CONFLICT", "The run could not be created.");
  const data = { versionId: version.id, version: version.version, trigger };
  await appendRunEvent(tx, run.id, "run.started", data, request.startedById);
  const inline = await startFromStart(ctx, tx, version, run.id, request.input, {
    inline: options.inline,
  });
  return inline ? { runId: run.id, inline } : { runId: run.id };
};

/**
 * The start node finishes as soon as it exists: its output is the run's input — or, for
 * the start of a map body, the item of that iteration. With `inline`, returns the job of
 * a step that follows for the caller to run (see advanceRun).
 */
export const startFromStart = async (
  ctx: TEngineContext,
  tx: TSql,
  version: TVersion,
  runId: string,
  input: unknown,
  where: { startNodeId?: string; scope?: string; inline?: boolean } = {},
): Promise<TStepJob | undefined> => {
  const startNodeId = where.startNodeId ?? version.startNode.id;
  const scope = where.scope ?? "";
  const [start] = await createStepRuns(tx, runId, [startNodeId], "scheduled", scope);
  if (!start) throw new BatonError("CONFLICT", "The start step exists already.");
  await tx.$queryRawUnsafe(
    `UPDATE "StepRun" SET status = 'running', attempt = 1, "startedAt" = now() WHERE id = $1::uuid`,
    start.id,
  );
  await succeedStep(tx, start.id, 1, input, input);
  return advanceRun(
    ctx,
    tx,
    version,
    runId,
    startNodeId,
    { kind: "succeeded" },
    { scope, inline: where.inline ?? false },
  );
};
