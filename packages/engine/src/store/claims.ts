import { attemptData, eventsCte, notifiedCount, type TSql } from "./sql.ts";
import { ACTIVE_RUN, idempotencyKeySql } from "./vocabulary.ts";

export type TClaimed = {
  id: string;
  runId: string;
  nodeId: string;
  scope: string;
  generation: number;
  attempt: number;
  /** an input set by hand when the step was restarted with an edited input */
  input: unknown;
  /** true when a worker died holding this attempt: same attempt, same idempotency key */
  reclaimed: boolean;
  /** times the step was taken back from another process that stopped while running it */
  reclaims: number;
  runInput: unknown;
  /** the run executes a subscenario step of another run, which waits for its end */
  child: boolean;
  /** outputs and errors of the steps the node may read, by node id */
  steps: Record<string, { output?: unknown; error?: unknown }> | null;
};

/** A step to take: its step run, and the `scope|nodeId` keys of the results it may read. */
export type TClaim = { stepRunId: string; readable: string[] };

/** Built once: a new copy of the text per call would be hashed again to find its prepared statement. */
const CLAIM_STEPS_SQL = `
    WITH req AS (
      SELECT DISTINCT ON (id) id, ord::int FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, ord)
      ORDER BY id, ord
    ),
    prev AS (
      SELECT s.id, s.status, req.ord, a."workerId" AS holder
        FROM "StepRun" s JOIN req ON req.id = s.id JOIN "Run" r ON r.id = s."runId"
        LEFT JOIN "StepAttempt" a ON a."stepRunId" = s.id AND a.attempt = s.attempt
      WHERE s.id = ANY($1::uuid[]) AND r.status IN ${ACTIVE_RUN}
        AND s.status IN ('scheduled', 'retrying', 'running', 'waiting')
      FOR UPDATE OF s
    ),
    claimed AS (
      UPDATE "StepRun" s SET
        status = 'running',
        attempt = CASE WHEN prev.status = 'running' THEN greatest(s.attempt, 1)
                       WHEN prev.status = 'waiting' THEN s.attempt ELSE s.attempt + 1 END,
        "startedAt" = coalesce(s."startedAt", now()),
        "updatedAt" = now(),
        -- a process taking its own step back (after a database failure) did not stop
        reclaims = s.reclaims + CASE WHEN prev.status = 'running' AND prev.holder IS DISTINCT FROM $2
                                     THEN 1 ELSE 0 END
      FROM prev WHERE s.id = prev.id
      RETURNING s.id, s."runId", s."nodeId", s.scope, s.generation, s.attempt, s.input,
        prev.status = 'running' AS reclaimed, s.reclaims, prev.ord
    ),
    attempt AS (
      INSERT INTO "StepAttempt" (id, "stepRunId", attempt, status, "idempotencyKey", "workerId")
      SELECT gen_random_uuid(), id, attempt, 'running', ${idempotencyKeySql()}, $2
      FROM claimed
      ON CONFLICT ("stepRunId", attempt) DO UPDATE SET "workerId" = excluded."workerId", "startedAt" = now()
    ),
    readable AS (
      SELECT req, split_part(key, '|', 1) AS scope, split_part(key, '|', 2) AS "nodeId"
        FROM unnest($3::int[], $4::text[]) AS k(req, key)
    ),
    ${eventsCte("claimed", "'step.started'", `${attemptData()} || jsonb_build_object('reclaimed', reclaimed, 'reclaims', reclaims, 'workerId', $2::text)`)}
    SELECT c.*, r.input AS "runInput", r."parentStepRunId" IS NOT NULL AS child,
      -- looked up by (run, node, scope), so a run with thousands of map items costs no more
      (SELECT jsonb_object_agg(p."nodeId", jsonb_build_object('output', p.output, 'error', p.error))
         FROM readable k JOIN "StepRun" p
           ON p."runId" = c."runId" AND p."nodeId" = k."nodeId" AND p.scope = k.scope
        WHERE k.req = c.ord AND p.status IN ('succeeded', 'failed')) AS steps,
      ${notifiedCount()} AS notified
    FROM claimed c JOIN "Run" r ON r.id = c."runId"`;

/**
 * Takes steps for execution, any number in one statement: marks each running (a new
 * attempt, or the same one again when its previous worker died), records the attempt and
 * its event, and returns what building its input needs. Nothing comes back for a step that
 * is no longer runnable (cancelled, superseded, or its run has ended), nor for a step
 * asked for twice in one batch but the first time.
 */
export const claimSteps = async (
  sql: TSql,
  workerId: string,
  claims: TClaim[],
): Promise<(TClaimed | undefined)[]> => {
  const readable = claims.flatMap((claim, i) => claim.readable.map((key) => ({ req: i + 1, key })));
  const rows = await sql.$queryRawUnsafe<(TClaimed & { ord: number })[]>(
    CLAIM_STEPS_SQL,
    claims.map((claim) => claim.stepRunId),
    workerId,
    readable.map((r) => r.req),
    readable.map((r) => r.key),
  );
  return claims.map((_, i) => {
    const row = rows.find((r) => r.ord === i + 1);
    if (!row) return undefined;
    const {
      ord: _ord,
      notified: _notified,
      ...claimed
    } = row as typeof row & { notified: unknown };
    return claimed;
  });
};
