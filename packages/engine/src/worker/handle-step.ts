import { randomUUID } from "node:crypto";
import type { Prisma } from "@baton/db";
import {
  BatonError,
  buildInput,
  chooseBranch,
  parseDuration,
  resolveItems,
  resolveRetryPolicy,
  resolveWaitUntil,
  retryDelayMs,
  type TNode,
  type TRunContext,
} from "@baton/model";
import { formatIssues, validateAgainstSchema } from "@baton/providers";
import type { TEngineContext } from "../context.ts";
import { checkValue } from "../limits.ts";
import { completeJob, enqueue, STEP_QUEUE, type TStepJob } from "../queue.ts";
import { iterationIndex, readableSteps } from "../scopes.ts";
import { EVENT_RETURNING, notifiedCount, notifyEvents } from "../sql.ts";
import {
  failStep,
  parkStep,
  succeedStep,
  syncWaitingStatus,
  type TClaimed,
} from "../step-store.ts";
import { sqlTransaction, transaction } from "../transaction.ts";
import { advanceRun, chainTargets, leaseSeconds } from "../transitions/advance-run.ts";
import { endRun, stepFailed } from "../transitions/end-run.ts";
import { finishIteration, startMap } from "../transitions/map-step.ts";
import { checkRunInput, createRun } from "../transitions/start-run.ts";
import type { TVersion } from "../versions.ts";
import { InfrastructureError, readForStep, toStepError } from "./step-error.ts";
import { stepInput } from "./step-input.ts";

export type TInflight = {
  /** registers a running call so a cancel can abort it */
  track(runId: string, controller: AbortController): () => void;
};

/** The step a worker runs next, already claimed when the chain's hot path claimed it. */
export type TNext = { job: TStepJob; claimed?: TClaimed };

/**
 * Stores a success and moves the run on, completing the job in the same transaction.
 * In a plain chain, one statement stores the result and claims the next step, which is
 * handed back for this worker to run at once (its readable results are known here); the
 * statement carries the chain steps of this process that finish meanwhile (ctx.chainStep).
 */
const succeed = async (
  ctx: TEngineContext,
  job: TStepJob,
  version: TVersion,
  step: TClaimed,
  output: unknown,
  input: unknown,
  branch?: string,
): Promise<TNext | undefined> => {
  const outcome = { kind: "succeeded" as const, branch };
  const targets = chainTargets(version, step.nodeId, outcome);
  if (!targets) {
    return sqlTransaction(ctx, async (tx) => {
      const done = await succeedStep(tx, step.id, step.attempt, output, input);
      const next = done
        ? await advanceRun(ctx, tx, version, step.runId, step.nodeId, outcome, {
            inline: true,
            scope: step.scope,
          })
        : undefined;
      await completeJob(ctx.boss, tx, job.id);
      return next && { job: next };
    });
  }
  const leases = await Promise.all(
    targets.map((target) => leaseSeconds(ctx, undefined, version, target)),
  );
  const jobIds = targets.map(() => randomUUID());
  const done = await ctx.chainStep({
    step,
    output,
    input,
    targets,
    versionId: version.id,
    stepRunIds: targets.map(() => randomUUID()),
    jobIds,
    leases,
  });
  const claimed = done?.claimed;
  const next: TNext | undefined = claimed && {
    job: {
      id: jobIds[0]!,
      data: {
        kind: "step",
        runId: step.runId,
        stepRunId: claimed.id,
        nodeId: claimed.nodeId,
        versionId: version.id,
        ...(step.scope ? { scope: step.scope } : {}),
      },
    },
    claimed: {
      ...claimed,
      runInput: step.runInput,
      child: step.child,
      steps: { ...step.steps, [step.nodeId]: { output } },
    },
  };
  // Once the result is committed the job is spent; completing it a little later, with
  // others, keeps that work off the hot path (a crash before that only costs a no-op fetch).
  ctx.completeLater(job.id);
  return next;
};

/**
 * Records a failed attempt. A retryable error with attempts left schedules the next
 * attempt after its backoff; otherwise the step fails for good and the run follows the
 * step's error edge, or fails and waits for rework.
 */
const fail = (
  ctx: TEngineContext,
  job: TStepJob,
  version: TVersion,
  node: TNode,
  step: TClaimed,
  failure: ReturnType<typeof toStepError>,
  input: unknown,
) =>
  sqlTransaction(ctx, async (tx) => {
    const { retryable, ...error } = failure;
    const policy = resolveRetryPolicy(node.kind === "function" ? node.retry : { maxAttempts: 1 });
    if (retryable && step.attempt < policy.maxAttempts) {
      const delayMs = retryDelayMs(policy, step.attempt);
      const done = await failStep(tx, step.id, step.attempt, error, "retrying", { delayMs }, input);
      if (done) {
        const startAfter = new Date(Date.now() + delayMs);
        const expireInSeconds = await leaseSeconds(ctx, tx, version, node.id);
        await enqueue(ctx.boss, tx, [{ data: job.data, startAfter, expireInSeconds }]);
      }
    } else {
      await stepFailed(
        ctx,
        tx,
        version,
        step.runId,
        step.id,
        step.attempt,
        error,
        input,
        step.scope,
      );
    }
    await completeJob(ctx.boss, tx, job.id);
  });

const callFunction = async (
  ctx: TEngineContext,
  inflight: TInflight,
  node: Extract<TNode, { kind: "function" }>,
  step: TClaimed,
  input: unknown,
): Promise<unknown> => {
  if (!node.function)
    throw new BatonError("BAD_INPUT", `Step "${node.label}" has no function chosen.`);
  const { fn, connection } = await readForStep(ctx.fn(node.function));
  const timeoutMs = node.timeoutMs ?? fn.costHints?.timeoutMs ?? ctx.defaultTimeoutMs;
  const controller = new AbortController();
  const untrack = inflight.track(step.runId, controller);
  try {
    return await ctx.providers.invoke(connection, fn, input, {
      deadline: Date.now() + timeoutMs,
      signal: controller.signal,
      idempotencyKey: `${step.runId}:${step.nodeId}:${step.generation}:${step.attempt}`,
    });
  } finally {
    untrack();
  }
};

/** Opens the manual task; the run waits for a person, holding no worker. */
const openTask = (
  ctx: TEngineContext,
  job: TStepJob,
  node: Extract<TNode, { kind: "manual" }>,
  step: TClaimed,
  input: unknown,
) =>
  transaction(ctx, async (tx) => {
    const dueAt = node.due === undefined ? null : new Date(Date.now() + parseDuration(node.due));
    const parked = await parkStep(tx, step.id, step.attempt, input, { task: true });
    if (parked) {
      const task = await tx.manualTask.upsert({
        where: { stepRunId: step.id },
        create: {
          runId: step.runId,
          stepRunId: step.id,
          nodeId: node.id,
          title: node.title,
          instructions: node.instructions ?? "",
          formSchema: (node.form ?? { type: "object" }) as Prisma.InputJsonValue,
          input: (input ?? null) as Prisma.InputJsonValue,
          assignees: node.assignees as Prisma.InputJsonValue,
          dueAt,
        },
        update: {},
        select: { id: true },
      });
      await tx.$queryRawUnsafe(
        `WITH ev AS (INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
           VALUES ($1::uuid, $2::uuid, 'task.opened', jsonb_build_object('taskId', $3::text, 'nodeId', $4::text))
           ${EVENT_RETURNING}),
         ev_notified AS (${notifyEvents("ev")})
         SELECT ${notifiedCount()}::int AS notified`,
        step.runId,
        step.id,
        task.id,
        node.id,
      );
      await syncWaitingStatus(tx, step.runId);
      if (dueAt) {
        await enqueue(ctx.boss, tx, [
          { data: { kind: "expire-task", runId: step.runId, taskId: task.id }, startAfter: dueAt },
        ]);
      }
    }
    await completeJob(ctx.boss, tx, job.id);
  });

/**
 * Starts the subscenario's run and parks the step until that run ends (see end-run.ts);
 * the child run is created in the same transaction, so the step never waits for nothing.
 */
const startSubscenario = (
  ctx: TEngineContext,
  job: TStepJob,
  step: TClaimed,
  input: unknown,
  version: TVersion,
) =>
  transaction(ctx, async (tx) => {
    if (await parkStep(tx, step.id, step.attempt, input, { subscenario: version.scenario.slug })) {
      // what a test run starts is a test run too, kept apart from real runs as its parent is
      const [parent] = await tx.$queryRawUnsafe<{ test: boolean }[]>(
        `SELECT test FROM "Run" WHERE id = $1::uuid`,
        step.runId,
      );
      await createRun(ctx, tx, version, {
        versionId: version.id,
        input,
        trigger: "subscenario",
        parentStepRunId: step.id,
        test: parent?.test ?? false,
      });
    }
    await completeJob(ctx.boss, tx, job.id);
  });

/** Waits without a worker: the job comes back when the time has come. */
const waitUntil = (ctx: TEngineContext, job: TStepJob, step: TClaimed, until: number) =>
  sqlTransaction(ctx, async (tx) => {
    const due = { until: new Date(until).toISOString() };
    const parked = await parkStep(tx, step.id, step.attempt, due, due);
    if (parked) await enqueue(ctx.boss, tx, [{ data: job.data, startAfter: new Date(until) }]);
    await completeJob(ctx.boss, tx, job.id);
  });

/** What executing a node came to, before it is stored. */
type TDecided =
  | { kind: "succeed"; output: unknown; input: unknown; branch?: string }
  | { kind: "end"; output: unknown }
  | { kind: "task"; input: unknown }
  | { kind: "wait"; until: number }
  | { kind: "subscenario"; input: unknown; version: TVersion }
  | { kind: "map"; items: unknown[] };

/** What a step's mappings see: the run's input, the results it may read, and its item. */
const runContext = (version: TVersion, node: TNode, step: TClaimed): TRunContext => {
  const steps = step.steps ?? {};
  const place = version.place(node.id);
  if (!place.map || !place.start) return { input: step.runInput, steps };
  return {
    input: step.runInput,
    steps,
    item: steps[place.start.id]?.output,
    index: iterationIndex(step.scope),
  };
};

/**
 * Executes a node: builds its input and calls out. Anything thrown here is the step's
 * failure; failures while storing the result are the database's, and are left to the
 * queue to retry (see handleStep).
 */
const decide = async (
  ctx: TEngineContext,
  inflight: TInflight,
  version: TVersion,
  node: TNode,
  step: TClaimed,
  built: { input?: unknown },
): Promise<TDecided> => {
  const context = runContext(version, node, step);
  switch (node.kind) {
    case "function": {
      built.input ??= await stepInput(version, node, context, ctx.evaluate);
      checkValue(`The input of "${node.label}"`, "input", built.input, ctx.limits);
      // a test run skips a step whose output is pinned in the draft (see versions.ts)
      const pinned = version.pinned(node.id);
      const output = pinned
        ? pinned.output
        : await callFunction(ctx, inflight, node, step, built.input);
      checkValue(`The output of "${node.label}"`, "output", output, ctx.limits);
      return { kind: "succeed", output, input: built.input };
    }
    case "choice": {
      const branch = await chooseBranch(node, context, ctx.evaluate);
      return { kind: "succeed", output: { branch }, input: null, branch };
    }
    case "end": {
      const output = node.output ? await buildInput(node.output, context, ctx.evaluate) : null;
      checkValue(`The output of "${node.label}"`, "output", output, ctx.limits);
      if (node.outputSchema !== undefined) {
        const issues = validateAgainstSchema(node.outputSchema, output);
        if (issues.length) {
          throw new BatonError(
            "BAD_INPUT",
            `The scenario's output does not match its schema: ${formatIssues(issues)}`,
          );
        }
      }
      return { kind: "end", output };
    }
    case "manual":
      built.input ??= node.input ? await buildInput(node.input, context, ctx.evaluate) : null;
      checkValue(`The input of "${node.label}"`, "input", built.input, ctx.limits);
      return { kind: "task", input: built.input };
    case "wait": {
      // the due time is decided once, when the step first parks, and kept as its input
      const due = (built.input as { until?: string } | undefined)?.until;
      const until =
        due === undefined
          ? await resolveWaitUntil(node, context, Date.now(), ctx.evaluate)
          : Date.parse(due);
      built.input = { until: new Date(until).toISOString() };
      if (until > Date.now()) return { kind: "wait", until };
      return {
        kind: "succeed",
        output: { waitedUntil: new Date(until).toISOString() },
        input: built.input,
      };
    }
    case "start":
      // only reached when a whole run is restarted: the start step re-emits the run's input
      return { kind: "succeed", output: step.runInput, input: step.runInput };
    case "subscenario": {
      built.input ??= await stepInput(version, node, context, ctx.evaluate);
      const target = await readForStep(
        ctx.db.prisma.scenarioVersion.findFirst({
          where: {
            scenario: { slug: node.scenario.slug },
            version: node.scenario.version,
            test: false,
          },
          select: { id: true },
        }),
      );
      if (!target) {
        throw new BatonError(
          "PRECONDITION_FAILED",
          `"${node.label}" runs ${node.scenario.slug} v${node.scenario.version}, which is not published.`,
        );
      }
      const child = await readForStep(ctx.version(target.id));
      checkRunInput(ctx, child, built.input);
      return { kind: "subscenario", input: built.input, version: child };
    }
    case "map": {
      const body = node.body.nodes;
      if (!body.some((n) => n.kind === "start") || !body.some((n) => n.kind === "end")) {
        throw new BatonError(
          "PRECONDITION_FAILED",
          `The body of "${node.label}" needs a start and an end node.`,
        );
      }
      const items = await resolveItems(node, context, ctx.evaluate);
      checkValue(`The items of "${node.label}"`, "items", items, ctx.limits);
      if (items.length > ctx.limits.mapItems) {
        throw new BatonError(
          "BAD_INPUT",
          `"${node.label}" got a list of ${items.length.toLocaleString("en")} items; a map takes at most ${ctx.limits.mapItems.toLocaleString("en")} (BATON_MAX_MAP_ITEMS).`,
          { limit: "mapItems", items: items.length },
        );
      }
      if (!items.length) return { kind: "succeed", output: [], input: items };
      return { kind: "map", items };
    }
  }
};

/**
 * A step that stopped every process running it (a crash, a kill, a hang past its lease)
 * would be handed out forever and take each process down in turn; it fails instead.
 */
const poisonPill = (node: TNode, reclaims: number) =>
  new BatonError(
    "PRECONDITION_FAILED",
    `"${node.label}" was running in a process that stopped (crashed, was killed or hung) ${reclaims === 1 ? "once" : `${reclaims} times`}, so it is not run again. Find what stops the process, then restart the step.`,
    { limit: "stepReclaims", reclaims },
  );

/**
 * Runs one step job from claim to its completion transaction, and returns the step that
 * follows when the worker should run it next. A database failure while storing the
 * result propagates, so the queue retries the job: the claim then takes the same attempt
 * again (at-least-once, same idempotency key).
 */
export const handleStep = async (
  ctx: TEngineContext,
  inflight: TInflight,
  { job, claimed }: TNext,
): Promise<TNext | undefined> => {
  const version = await ctx.version(job.data.versionId);
  const node = version.node(job.data.nodeId);
  const step =
    claimed ??
    (await ctx.claimStep({
      stepRunId: job.data.stepRunId,
      readable: readableSteps(version, node.id, job.data.scope ?? ""),
    }));
  if (!step) {
    // cancelled, superseded or already done: nothing to do but drop the job
    await ctx.boss.complete(STEP_QUEUE, job.id, null, { includeQueued: true });
    return undefined;
  }
  const built: { input?: unknown } =
    step.input === null || step.input === undefined ? {} : { input: step.input };
  let decided: TDecided;
  try {
    if (step.reclaims >= ctx.limits.stepReclaims) throw poisonPill(node, step.reclaims);
    decided = await decide(ctx, inflight, version, node, step, built);
  } catch (error) {
    if (error instanceof InfrastructureError) throw error;
    await fail(
      ctx,
      job,
      version,
      node,
      step,
      toStepError(error, node.id, step.attempt),
      built.input ?? null,
    );
    return undefined;
  }
  switch (decided.kind) {
    case "succeed":
      return succeed(ctx, job, version, step, decided.output, decided.input, decided.branch);
    case "end":
      // the plain end of a run nobody waits for and that started none: one statement
      if (!step.child && !version.startsRuns && !version.place(node.id).map) {
        await ctx.endChainRun({ step, output: decided.output });
        ctx.completeLater(job.id);
        return undefined;
      }
      await sqlTransaction(ctx, async (tx) => {
        const done = await succeedStep(tx, step.id, step.attempt, decided.output, null);
        const { map } = version.place(node.id);
        if (done && map) {
          await finishIteration(ctx, tx, version, step.runId, map, step.scope);
        } else if (done) {
          await endRun(ctx, tx, step.runId, "succeeded", { output: decided.output });
        }
        await completeJob(ctx.boss, tx, job.id);
      });
      return undefined;
    case "map":
      await sqlTransaction(ctx, async (tx) => {
        const map = node as Extract<TNode, { kind: "map" }>;
        await startMap(ctx, tx, version, step, map, decided.items);
        await completeJob(ctx.boss, tx, job.id);
      });
      return undefined;
    case "task":
      await openTask(ctx, job, node as Extract<TNode, { kind: "manual" }>, step, decided.input);
      return undefined;
    case "wait":
      await waitUntil(ctx, job, step, decided.until);
      return undefined;
    case "subscenario":
      await startSubscenario(ctx, job, step, decided.input, decided.version);
      return undefined;
  }
};
