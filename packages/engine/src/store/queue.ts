import type { TDatabase } from "@baton/db";
import { fromPglite, fromPrisma, PgBoss } from "pg-boss";
import { DEFAULT_SCHEMA, insertJobs, notifyChannelSql } from "pg-boss/dist/plans.js";

export const STEP_QUEUE = "baton-steps";

/** A step to execute, or a manual task whose due time has come. */
export type TJobData =
  | {
      kind: "step";
      runId: string;
      stepRunId: string;
      nodeId: string;
      versionId: string;
      /** the map iteration the step runs in (see scopes.ts); absent for the scenario's graph */
      scope?: string;
    }
  | { kind: "expire-task"; runId: string; taskId: string }
  /** a map step has more items to start than one transaction starts (see flow/decide.ts) */
  | {
      kind: "start-items";
      runId: string;
      versionId: string;
      scope: string;
      stepRunId: string;
      nodeId: string;
    };

export type TQueueTx = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

/** pg-boss on the same database as everything else: its own pool, or PGlite's one session. */
export const createBoss = (db: TDatabase): PgBoss => {
  const common = {
    schema: DEFAULT_SCHEMA,
    useListenNotify: true,
    // Maintenance (expiring leases, archiving) runs often so a crashed worker's steps come back fast.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    maintenanceIntervalSeconds: 60,
  };
  if (db.pglite) return new PgBoss({ ...common, db: fromPglite(db.pglite) });
  // steps write their jobs through the engine's own transactions; this pool only fetches and maintains
  return new PgBoss({ ...common, connectionString: db.databaseUrl!, max: 5 });
};

export const ensureQueue = async (boss: PgBoss): Promise<void> => {
  await boss.createQueue(STEP_QUEUE, {
    // Infrastructure failures (a database blip) are retried by the queue; step failures are
    // retried by the engine with the step's own policy, so they never reach this limit.
    retryLimit: 20,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 60,
    expireInSeconds: 15 * 60,
    deleteAfterSeconds: 24 * 3600,
    notify: true,
  });
  // pg-boss cached its queues when it started, before this one existed, and looks a missing
  // one up through its own connection: on PGlite, from inside a transaction that enqueues,
  // that read would wait for the transaction forever. An empty insert caches it now.
  await boss.insert(STEP_QUEUE, []);
};

/**
 * pg-boss's own job insert, to embed in a larger statement: the chain's hot path stores a
 * step's result, creates its successors and writes their jobs in one statement (one round
 * trip, atomic without BEGIN and COMMIT) instead of a transaction around `boss.insert`.
 */
export type TJobSql = {
  /** a data-modifying statement for a CTE, inserting the jobs of the JSON array `payloadSql` yields, shaped as `insert` takes them */
  insert(payloadSql: string): string;
  /** an SQL call that wakes the workers waiting on the step queue */
  notify: string;
};

export const createJobSql = async (boss: PgBoss): Promise<TJobSql> => {
  const queue = await boss.getQueue(STEP_QUEUE);
  if (!queue) throw new Error(`The job queue ${STEP_QUEUE} does not exist; create it first.`);
  const text = insertJobs(DEFAULT_SCHEMA, { table: queue.table, name: STEP_QUEUE, returnId: true });
  // the statement reads its jobs from one JSON parameter; here they come from a query
  const parts = text.split("$1::text::json");
  if (parts.length !== 2) {
    throw new Error("pg-boss's job insert no longer reads one JSON parameter; update queue.ts.");
  }
  return {
    insert: (payloadSql) => parts.join(`(${payloadSql})::text::json`),
    notify: `pg_notify(${notifyChannelSql(DEFAULT_SCHEMA)}, '${STEP_QUEUE}')`,
  };
};

export type TStepJob = { id: string; data: Extract<TJobData, { kind: "step" }> };

/** Enqueues through the caller's transaction, so the job exists if and only if it commits. */
export const enqueue = (
  boss: PgBoss,
  tx: TQueueTx,
  jobs: { id?: string; data: TJobData; startAfter?: Date; expireInSeconds?: number }[],
) =>
  jobs.length
    ? boss.insert(
        STEP_QUEUE,
        jobs.map((job) => ({
          ...(job.id ? { id: job.id } : {}),
          data: job.data,
          ...(job.startAfter ? { startAfter: job.startAfter } : {}),
          ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
        })),
        { db: fromPrisma(tx) },
      )
    : Promise.resolve(null);

/**
 * Completes a job in the caller's transaction. `includeQueued`: a job this process ran
 * straight after scheduling it (see advance-run.ts) was never fetched, so it is still queued.
 */
export const completeJob = (boss: PgBoss, tx: TQueueTx, jobId: string) =>
  boss.complete(STEP_QUEUE, jobId, null, { db: fromPrisma(tx), includeQueued: true });

/**
 * How long a spent job may wait to be completed with others. Nothing waits for it: a held
 * job only comes back after its lease, and pg-boss completes the jobs it handed out itself,
 * so a long delay costs nothing but saves statements (and their commits) per step.
 */
const COMPLETE_DELAY_MS = 250;

/**
 * Completes spent jobs in batches: one statement for all the steps that finished within
 * COMPLETE_DELAY_MS. A job left uncompleted by a crash is fetched again later and finds
 * its step done, so nothing runs twice because of it.
 */
export const createJobCompleter = (
  boss: PgBoss,
  log: { error(message: string, error?: unknown): void },
) => {
  let ids: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = ids;
    ids = [];
    if (batch.length) {
      flushing = flushing
        .then(() => boss.complete(STEP_QUEUE, batch, null, { includeQueued: true }))
        .then(
          () => {},
          (error) => log.error(`could not complete ${batch.length} spent jobs:`, error),
        );
    }
    return flushing;
  };
  return {
    add(id: string) {
      ids.push(id);
      if (ids.length >= 200) void flush();
      else timer ??= setTimeout(flush, COMPLETE_DELAY_MS);
    },
    flush,
  };
};
