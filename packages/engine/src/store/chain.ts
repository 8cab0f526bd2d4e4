import type { TAuditEntry } from "@baton/model";
import { auditFromJson, auditJson } from "./audit.ts";
import type { TClaimed } from "./claims.ts";
import type { TJobSql } from "./queue.ts";
import { endRunCtes } from "./runs.ts";
import {
  attemptData,
  EVENT_RETURNING,
  json,
  notifiedCount,
  notifyEvents,
  stepData,
  type TSql,
} from "./sql.ts";
import type { TCreated } from "./step-runs.ts";
import { idempotencyKeySql } from "./vocabulary.ts";

/**
 * The hot path's statements: each does one transition of a plain chain — a run starts, a
 * step succeeds and its successors are created, a run reaches its end — in ONE statement,
 * atomic without a transaction around it, with its jobs (pg-boss's own insert SQL) and its
 * events and their notification.
 */

/** A successor to create: the request it follows (1-based), its step run and its job. */
type TTarget = {
  req: number;
  node: string;
  /** claimed at once for the calling worker: `running`, attempt 1 */
  claim: boolean;
  step: string;
  job: string;
  /** seconds the job is held back: the lease of a step a worker runs at once, else 0 */
  delay: number;
  lease: number;
  version: string;
};

const TARGET_COLUMNS = [
  ["req", "int"],
  ["node", "text"],
  ["claim", "bool"],
  ["step", "uuid"],
  ["job", "uuid"],
  ["delay", "int"],
  ["lease", "int"],
  ["version", "text"],
] as const;

const targetValues = (targets: TTarget[]) =>
  TARGET_COLUMNS.map(([column]) => targets.map((target) => target[column]));

/**
 * CTEs that create the successors `target` (parameters $first… in TARGET_COLUMNS order) of
 * the step runs in `done` ("runId", scope, generation, and `ord`, the request they answer),
 * with their attempts (claimed ones) and jobs. `$worker` is the claiming worker's id.
 */
const successorCtes = (first: number, worker: string) => `
    target AS (
      SELECT * FROM unnest(${TARGET_COLUMNS.map(([, type], i) => `$${first + i}::${type}[]`).join(", ")})
        AS t(${TARGET_COLUMNS.map(([column]) => column).join(", ")})
    ),
    created AS (
      INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, attempt, "scheduledAt", "startedAt", "updatedAt")
      SELECT t.step, done."runId", t.node, done.scope, done.generation,
        CASE WHEN t.claim THEN 'running' ELSE 'scheduled' END::"StepStatus",
        CASE WHEN t.claim THEN 1 ELSE 0 END, now(), CASE WHEN t.claim THEN now() END, now()
      FROM done JOIN target t ON t.req = done.ord
      ON CONFLICT ("runId", "nodeId", scope, generation) DO NOTHING
      RETURNING id, "runId", "nodeId", scope, generation, status
    ),
    placed AS (
      SELECT c.*, t.req, t.job, t.delay, t.lease, t.version FROM created c JOIN target t ON t.step = c.id
    ),
    attempt_new AS (
      INSERT INTO "StepAttempt" (id, "stepRunId", attempt, status, "idempotencyKey", "workerId")
      SELECT gen_random_uuid(), id, 1, 'running', ${idempotencyKeySql("1")}, ${worker}
      FROM placed WHERE status = 'running'
    ),
    job_payload AS (
      SELECT json_agg(json_build_object(
        'id', p.job,
        'data', json_strip_nulls(json_build_object('kind', 'step', 'runId', p."runId", 'stepRunId', p.id,
          'nodeId', p."nodeId", 'versionId', p.version, 'scope', nullif(p.scope, ''))),
        'startAfter', CASE WHEN p.delay > 0 THEN p.delay || ' seconds' ELSE '0' END,
        'expireInSeconds', p.lease)) AS payload
      FROM placed p
    )`;

/** The events of `placed`, for an `events` CTE's UNION (after the caller's own, by `ord`). */
const successorEvents = (worker: string) => `
      SELECT "runId", id, 'step.scheduled', ${stepData()},
        NULL::uuid, req, 10
        FROM placed
      UNION ALL
      SELECT "runId", id, 'step.started', ${attemptData("1")} || jsonb_build_object('reclaimed', false, 'workerId', ${worker}::text), NULL::uuid, req, 11
        FROM placed WHERE status = 'running'`;

/** Writes the jobs and the events of `events` ("runId", id, type, data, actor, req, ord), then notifies both. */
const writeCtes = (insert: TJobSql) => `
    jobs AS (${insert.insert("SELECT payload FROM job_payload")}),
    jobs_notified AS (SELECT ${insert.notify} FROM placed WHERE delay = 0 LIMIT 1),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data, "actorId")
      SELECT "runId", id, type, data, actor FROM events ORDER BY req, ord
      ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})`;

const NOTIFIED = `${notifiedCount()} AS notified, (SELECT count(*) FROM jobs_notified) AS woken`;

/** A step claimed by a hot-path statement, without what the caller knows already. */
export type TClaimedRow = Omit<TClaimed, "runInput" | "steps" | "child">;

const CLAIMED_SQL = `CASE WHEN p.status = 'running' THEN jsonb_build_object(
        'id', p.id, 'runId', p."runId", 'nodeId', p."nodeId", 'scope', p.scope,
        'generation', p.generation, 'attempt', 1, 'input', NULL, 'reclaimed', false,
        'reclaims', 0) END`;

/**
 * CTEs that store the success of the steps `req` (id, attempt, output, ord; $1 is the ids'
 * array) with `input` (an SQL expression over `req` and `s`): `done` has the step runs
 * whose attempt was still current, with the request they answer.
 */
const succeededCtes = (req: string, input: string) => `
    req AS (${req}),
    done AS (
      UPDATE "StepRun" s SET status = 'succeeded', output = req.output, error = NULL,
        input = ${input}, "endedAt" = now(), "updatedAt" = now()
      FROM req
      -- ANY keeps the step runs' lookup on their primary key whatever the planner guesses of req
      WHERE s.id = ANY($1::uuid[]) AND s.id = req.id AND s.attempt = req.attempt
        AND s.status IN ('running', 'waiting')
      RETURNING s.id, s."runId", s."nodeId", s.scope, s.attempt, s.generation, req.output, req.ord::int
    ),
    attempt_done AS (
      UPDATE "StepAttempt" a SET status = 'succeeded', "endedAt" = now()
      FROM done WHERE a."stepRunId" = done.id AND a.attempt = done.attempt
    ),`;

/**
 * A statement's text built once per job SQL: the texts are long, and a new copy per call
 * costs building it, and hashing it again to find its prepared statement.
 */
const perJobSql = (build: (jobs: TJobSql) => string) => {
  const texts = new WeakMap<TJobSql, string>();
  return (jobs: TJobSql) => {
    let text = texts.get(jobs);
    if (text === undefined) {
      text = build(jobs);
      texts.set(jobs, text);
    }
    return text;
  };
};

const chainStepsSql = perJobSql(
  (jobs) => `
    WITH ${succeededCtes(
      `SELECT * FROM unnest($1::uuid[], $2::int[], $3::jsonb[], $4::jsonb[]) WITH ORDINALITY
        AS r(id, attempt, output, input, ord)`,
      "coalesce(req.input, s.input)",
    )}
    ${successorCtes(5, "$13")},
    events AS (
      SELECT "runId", id, 'step.succeeded' AS type,
        ${attemptData()} AS data,
        NULL::uuid AS actor, ord AS req, 0 AS ord
        FROM done
      UNION ALL ${successorEvents("$13")}
    ),
    ${writeCtes(jobs)}
    SELECT done.ord AS req, p.id, p."nodeId", ${CLAIMED_SQL} AS claimed, ${NOTIFIED}
    FROM done LEFT JOIN placed p ON p.req = done.ord`,
);

/** A chain step's success, with what its successors need (see `succeedChainSteps`). */
export type TChainStep = {
  step: { id: string; attempt: number };
  output: unknown;
  input: unknown;
  /** the successors' node ids, in order: the first is claimed for the worker */
  targets: string[];
  versionId: string;
  /** per target: the new step run's id, its job's id and its lease in seconds */
  stepRunIds: string[];
  jobIds: string[];
  leases: number[];
};

/** What storing a chain step came to; nothing when its attempt was no longer current. */
export type TChainStepDone = { created: TCreated[]; claimed?: TClaimedRow } | undefined;

/**
 * Stores the success of any number of chain steps of any runs at once: each step's
 * result, the step runs of its successors with their jobs, and the first successor claimed
 * for the calling worker (attempt 1, its attempt row and `step.started`), which runs it at
 * once; its job is held back for its lease, so the queue hands it out only if this worker
 * dies. Answers one result per step, in order.
 */
export const succeedChainSteps = async (
  sql: TSql,
  workerId: string,
  jobs: TJobSql,
  steps: TChainStep[],
): Promise<TChainStepDone[]> => {
  const targets = steps.flatMap((s, i) =>
    s.targets.map(
      (node, t): TTarget => ({
        req: i + 1,
        node,
        claim: t === 0,
        step: s.stepRunIds[t]!,
        job: s.jobIds[t]!,
        delay: t === 0 ? s.leases[t]! : 0,
        lease: s.leases[t]!,
        version: s.versionId,
      }),
    ),
  );
  const rows = await sql.$queryRawUnsafe<
    { req: number; id: string | null; nodeId: string | null; claimed: TClaimedRow | null }[]
  >(
    chainStepsSql(jobs),
    steps.map((s) => s.step.id),
    steps.map((s) => s.step.attempt),
    steps.map((s) => json(s.output)),
    steps.map((s) => json(s.input)),
    ...targetValues(targets),
    workerId,
  );
  return steps.map((_, i) => {
    const mine = rows.filter((row) => row.req === i + 1);
    if (!mine.length) return undefined;
    const created = mine.flatMap(({ id, nodeId }) => (id && nodeId ? [{ id, nodeId }] : []));
    const claimed = mine.find((row) => row.claimed)?.claimed;
    return claimed ? { created, claimed } : { created };
  });
};

/** A run to start whose start node leads straight into a chain (see `insertStartedRuns`). */
export type TRunStart = {
  runId: string;
  versionId: string;
  version: number;
  input: unknown;
  trigger: string;
  startedById: string | null;
  stepsTotal: number;
  startNodeId: string;
  targets: string[];
  stepRunIds: string[];
  jobIds: string[];
  leases: number[];
  /** the first target is claimed for this process's worker, which runs it at once; its job is held back for its lease */
  hold: boolean;
  /** the run's start as the audit trail records it, if it does */
  audit: TAuditEntry | undefined;
};

const startedRunsSql = perJobSql(
  (jobs) => `
    WITH req AS (
      SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::jsonb[], $5::text[], $6::uuid[],
        $7::int[], $8::text[]) WITH ORDINALITY
        AS r(id, version_id, version, input, trigger, started_by, steps_total, start_node, ord)
    ),
    run AS (
      INSERT INTO "Run" (id, "scenarioVersionId", status, input, trigger, "startedById",
        "stepsTotal", "startedAt", "updatedAt")
      SELECT id, version_id, 'running', input, trigger, started_by, steps_total, now(), now()
      FROM req ORDER BY ord
      RETURNING id, generation
    ),
    start_step AS (
      INSERT INTO "StepRun" (id, "runId", "nodeId", scope, generation, status, attempt, input, output,
        "scheduledAt", "startedAt", "endedAt", "updatedAt")
      SELECT gen_random_uuid(), run.id, req.start_node, '', run.generation, 'succeeded', 1,
        req.input, req.input, now(), now(), now(), now()
      FROM run JOIN req ON req.id = run.id
      RETURNING id, "runId", "nodeId", scope, generation, attempt
    ),
    done AS (
      SELECT s.*, req.ord::int AS ord FROM start_step s JOIN req ON req.id = s."runId"
    ),
    ${successorCtes(9, "$17")},
    audited AS (${auditFromJson("unnest($18::jsonb[]) AS a")}),
    events AS (
      SELECT id AS "runId", NULL::uuid AS id, 'run.started' AS type,
        jsonb_build_object('versionId', version_id::text, 'version', version, 'trigger', trigger) AS data,
        started_by AS actor, ord::int AS req, 0 AS ord
        FROM req
      UNION ALL
      SELECT "runId", id, 'step.scheduled', ${stepData()},
        NULL::uuid, ord, 1
        FROM done
      UNION ALL
      SELECT "runId", id, 'step.succeeded', ${attemptData("1")},
        NULL::uuid, ord, 2
        FROM done
      UNION ALL ${successorEvents("$17")}
    ),
    ${writeCtes(jobs)}
    SELECT ${NOTIFIED},
      (SELECT jsonb_object_agg(p.req, ${CLAIMED_SQL}) FROM placed p WHERE p.status = 'running') AS claimed`,
);

/**
 * Starts any number of runs in one statement: each run and its `run.started`, its start
 * step done at once (its output is the input), and the step runs and jobs of the nodes
 * after it; with `hold`, the first of them claimed for `workerId` (as in a chain), which
 * comes back. Answers one result per run, in order.
 */
export const insertStartedRuns = async (
  sql: TSql,
  workerId: string,
  jobs: TJobSql,
  starts: TRunStart[],
): Promise<(TClaimedRow | undefined)[]> => {
  const column = <T>(pick: (start: TRunStart) => T) => starts.map(pick);
  const [row] = await sql.$queryRawUnsafe<{ claimed: Record<string, TClaimedRow> | null }[]>(
    startedRunsSql(jobs),
    column((s) => s.runId),
    column((s) => s.versionId),
    column((s) => s.version),
    column((s) => json(s.input ?? null)),
    column((s) => s.trigger),
    column((s) => s.startedById),
    column((s) => s.stepsTotal),
    column((s) => s.startNodeId),
    ...targetValues(
      starts.flatMap((start, i) =>
        start.targets.map(
          (node, t): TTarget => ({
            req: i + 1,
            node,
            claim: start.hold && t === 0,
            step: start.stepRunIds[t]!,
            job: start.jobIds[t]!,
            delay: start.hold && t === 0 ? start.leases[t]! : 0,
            lease: start.leases[t]!,
            version: start.versionId,
          }),
        ),
      ),
    ),
    workerId,
    column((s) => (s.audit ? auditJson(s.audit) : null)),
  );
  return starts.map((_, i) => row?.claimed?.[i + 1] ?? undefined);
};

/** An end step's success, which ends its run (see `succeedRunEnds`). */
export type TRunEnd = { step: { id: string; attempt: number }; output: unknown };

/** Built once (see perJobSql). */
const RUN_ENDS_SQL = `
    WITH ${succeededCtes(
      `SELECT * FROM unnest($1::uuid[], $2::int[], $3::jsonb[]) WITH ORDINALITY AS r(id, attempt, output, ord)`,
      "'null'::jsonb",
    )}
    ${endRunCtes(`SELECT "runId", output, NULL::jsonb AS error FROM done`, "'succeeded'", "s.id IN (SELECT id FROM done)")},
    events AS (
      SELECT "runId", id, 'step.succeeded' AS type,
        ${attemptData()} AS data, 0 AS ord
        FROM done
      UNION ALL
      SELECT "runId", NULL, 'run.succeeded',
        jsonb_build_object('output', output, 'error', NULL, 'actorId', NULL), 1
        FROM ended
      UNION ALL
      SELECT "runId", id, 'step.cancelled', ${stepData()}, 2 FROM stopped
    ),
    ev AS (
      INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
      SELECT "runId", id, type, data FROM events ORDER BY "runId", ord
      ${EVENT_RETURNING}
    ),
    ev_notified AS (${notifyEvents("ev")})
    SELECT ord, ${notifiedCount()} AS notified FROM done`;

/**
 * Runs' end steps succeed and their runs with them, any number in one statement: each
 * step's result, its run's status and output, whatever of the run is still active
 * cancelled, and the events. Only for runs that no other run waits for and that started
 * none (see end in handle-step.ts); false for a step whose attempt was no longer current.
 */
export const succeedRunEnds = async (sql: TSql, ends: TRunEnd[]): Promise<boolean[]> => {
  const rows = await sql.$queryRawUnsafe<{ ord: number }[]>(
    RUN_ENDS_SQL,
    ends.map((end) => end.step.id),
    ends.map((end) => end.step.attempt),
    ends.map((end) => json(end.output)),
  );
  return ends.map((_, i) => rows.some((row) => row.ord === i + 1));
};
