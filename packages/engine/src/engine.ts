import { hostname } from "node:os";
import { inBackground, type TDatabase } from "@baton/db";
import type { TAudit } from "@baton/model";
import type { ProviderRegistry } from "@baton/providers";
import { createBatcher } from "./batcher.ts";
import type { TEngineContext, TLogger } from "./context.ts";
import { createEventFeed, type TEventFeed } from "./events/event-feed.ts";
import { createExpressionSandbox } from "./expressions/expression-sandbox.ts";
import { createFunctionCache } from "./functions.ts";
import { resolveLimits, type TEngineLimitsOption } from "./limits.ts";
import { cancelRun } from "./runs/cancel-run.ts";
import { decideTask, type TActor } from "./runs/decide-task.ts";
import { retryFailedSteps, reworkRun, type TRework } from "./runs/rework-run.ts";
import { startMoreItems } from "./runs/start-more-items.ts";
import { startRun, type TStartRun } from "./runs/start-run.ts";
import {
  insertStartedRuns,
  succeedChainSteps,
  succeedRunEnds,
  type TChainStep,
  type TChainStepDone,
  type TClaimedRow,
  type TRunEnd,
  type TRunStart,
} from "./store/chain.ts";
import { claimSteps, type TClaim, type TClaimed } from "./store/claims.ts";
import {
  createBoss,
  createJobCompleter,
  createJobSql,
  ensureQueue,
  STEP_QUEUE,
  type TJobData,
} from "./store/queue.ts";
import { runDeleted } from "./store/runs.ts";
import { createSqlClient } from "./store/sql-client.ts";
import { retryTransient } from "./store/transaction.ts";
import { createVersionCache } from "./versions.ts";
import type { TInflight } from "./worker/execute-node.ts";
import { handleStep, type TNext } from "./worker/handle-step.ts";

export type TEngineOptions = {
  db: TDatabase;
  providers: ProviderRegistry;
  /** steps this process executes at once; 0 makes a process that only serves the API */
  concurrency: number;
  log?: TLogger;
  defaultTimeoutMs?: number;
  /**
   * false for a process that only executes steps (`baton worker`): it hears cancels but
   * not run events, and `events.subscribe` throws. Default true.
   */
  events?: boolean;
  /** bounds of values, maps, expressions and poison pills; defaults in limits.ts */
  limits?: TEngineLimitsOption;
  /**
   * false to create the engine without taking steps yet: a server listens first, so it
   * answers whatever its runs hold; `startWorkers()` begins. Default true.
   */
  startWorkers?: boolean;
};

export type TEngine = {
  startRun(request: TStartRun): Promise<{ runId: string }>;
  cancelRun(runId: string, actorId?: string, audit?: TAudit<void>): Promise<void>;
  reworkRun(runId: string, request: TRework): Promise<{ generation: number }>;
  retryFailed(
    runId: string,
    actorId?: string,
    audit?: TAudit<{ generation: number }>,
  ): Promise<{ generation: number }>;
  approveTask(taskId: string, data: unknown, actor: TActor, audit?: TAudit<void>): Promise<void>;
  rejectTask(taskId: string, reason: string, actor: TActor, audit?: TAudit<void>): Promise<void>;
  events: TEventFeed;
  /** begins taking steps from the queue (once; see TEngineOptions.startWorkers) */
  startWorkers(): Promise<void>;
  stop(): Promise<void>;
};

const consoleLog: TLogger = {
  info: (m) => console.log(`[engine] ${m}`),
  warn: (m) => console.warn(`[engine] ${m}`),
  error: (m, e) => console.error(`[engine] ${m}`, e ?? ""),
};

/** Tracks running calls by run, so a cancel heard on the event feed aborts them. */
const createInflight = (events: TEventFeed): TInflight & { close(): void } => {
  const byRun = new Map<string, Set<AbortController>>();
  const unsubscribe = events.onCancel((runId) => {
    for (const controller of byRun.get(runId) ?? [])
      controller.abort(new Error("The run was cancelled."));
  });
  return {
    track(runId, controller) {
      const set = byRun.get(runId) ?? new Set();
      byRun.set(runId, set);
      set.add(controller);
      return () => {
        set.delete(controller);
        if (!set.size) byRun.delete(runId);
      };
    },
    close: unsubscribe,
  };
};

/**
 * The durable engine of one process: the API to start and steer runs, and (with a
 * concurrency above 0) workers that take steps from the shared queue.
 */
export const createEngine = async (options: TEngineOptions): Promise<TEngine> => {
  const log = options.log ?? consoleLog;
  const limits = resolveLimits(options.limits);
  const sandbox = createExpressionSandbox({
    ...limits.expressions,
    maxResultBytes: limits.valueBytes,
  });
  let stopping = false;
  /** whether this process takes steps yet (see startWorkers) */
  let working = false;
  /** chains this process is running, from the queue or started here */
  let running = 0;
  const startedHere = new Set<Promise<void>>();
  const boss = createBoss(options.db);
  boss.on("error", (error) => log.error("job queue error:", error));
  await boss.start();
  await ensureQueue(boss);
  const sql = createSqlClient(options.db);
  const completer = createJobCompleter(boss, log);
  const events = await createEventFeed(options.db, sql, { events: options.events ?? true });
  const workerId = `${hostname()}:${process.pid}`;
  const jobs = await createJobSql(boss);
  const ctx: TEngineContext = {
    db: options.db,
    sql,
    boss,
    providers: options.providers,
    workerId,
    log,
    version: createVersionCache(sql),
    fn: createFunctionCache(sql),
    defaultTimeoutMs: options.defaultTimeoutMs ?? 30_000,
    limits,
    evaluate: sandbox.evaluate,
    jobs,
    inline: {
      available: () => working && !stopping && running < options.concurrency,
      run: (next) => {
        // started by a request perhaps, but nobody waits for the steps themselves
        const chain = inBackground(() => runChain(next))
          .catch((error) =>
            log.error(`step job ${next.job.id} failed; the queue hands it out again later:`, error),
          )
          .finally(() => startedHere.delete(chain));
        startedHere.add(chain);
      },
    },
    claimStep: createBatcher<TClaim, TClaimed | undefined>((claims) =>
      retryTransient(() => claimSteps(sql, workerId, claims)),
    ),
    chainStep: createBatcher<TChainStep, TChainStepDone>((steps) =>
      retryTransient(() => succeedChainSteps(sql, workerId, jobs, steps)),
    ),
    startChainRun: createBatcher<TRunStart, TClaimedRow | undefined>((starts) =>
      retryTransient(() => insertStartedRuns(sql, workerId, jobs, starts)),
    ),
    endChainRun: createBatcher<TRunEnd, boolean>((ends) =>
      retryTransient(() => succeedRunEnds(sql, ends)),
    ),
    completeLater: completer.add,
  };
  const inflight = createInflight(events);
  /**
   * A step job, then the steps it hands on inline until its chain ends. The first
   * job's failure goes back to the queue, which retries it; an inline step's job is
   * already held in the queue for its lease, after which any worker takes it up.
   */
  const runChain = async (first: TNext) => {
    running++;
    try {
      let next = await handleStep(ctx, inflight, first);
      while (next && !stopping) {
        const current: TNext = next;
        next = await handleStep(ctx, inflight, current).catch((error) => {
          log.error(
            `step job ${current.job.id} failed; the queue hands it out again later:`,
            error,
          );
          return undefined;
        });
      }
    } finally {
      running--;
    }
  };

  const startWorkers = async () => {
    if (working || options.concurrency <= 0) return;
    working = true;
    // Several small work loops rather than one big batch: a loop fetches again as soon as
    // its own steps are done, instead of waiting for the slowest step of a large batch.
    const loops = Math.min(options.concurrency, 4);
    await boss.work<TJobData>(
      STEP_QUEUE,
      {
        batchSize: Math.ceil(options.concurrency / loops),
        localConcurrency: loops,
        pollingIntervalSeconds: 0.5,
        notifyPollingIntervalSeconds: 1,
        burstWhenBatchFull: true,
        perJobResults: true,
      },
      (jobs) =>
        Promise.all(
          jobs.map(async (job) => {
            try {
              if (job.data.kind === "expire-task") {
                await decideTask(ctx, job.data.taskId, { kind: "expire" }, job.id);
              } else if (job.data.kind === "start-items") {
                await startMoreItems(ctx, job.data);
              } else {
                await runChain({ job: { id: job.id, data: job.data } });
              }
              return { id: job.id, status: "completed" as const };
            } catch (error) {
              // a deleted test run's leftover jobs (a wait, a retry, a due time) have nothing to do
              if (await runDeleted(sql, job.data.runId)) {
                return { id: job.id, status: "completed" as const };
              }
              // An infrastructure failure (database away): the queue retries the job later.
              log.error(`job ${job.id} failed and will be retried:`, error);
              return { id: job.id, status: "failed" as const };
            }
          }),
        ),
    );
  };
  if (options.startWorkers !== false) await startWorkers();

  return {
    startRun: (request) => startRun(ctx, request),
    cancelRun: (runId, actorId, audit) => cancelRun(ctx, runId, actorId, audit),
    reworkRun: (runId, request) => reworkRun(ctx, runId, request),
    retryFailed: (runId, actorId, audit) => retryFailedSteps(ctx, runId, actorId, audit),
    approveTask: (taskId, data, actor, audit) =>
      decideTask(ctx, taskId, { kind: "approve", actor, data, audit }),
    rejectTask: (taskId, reason, actor, audit) =>
      decideTask(ctx, taskId, { kind: "reject", actor, reason, audit }),
    events,
    startWorkers,
    stop: async () => {
      stopping = true;
      await Promise.all(startedHere);
      await completer.flush();
      await boss.stop({ graceful: true, timeout: 10_000 });
      inflight.close();
      await events.close();
      await sandbox.close();
    },
  };
};
