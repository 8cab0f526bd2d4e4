/** Prisma's client or an interactive transaction: both run raw SQL. */
export type TSql = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

export const EVENTS_CHANNEL = "baton_events";
/** A cancelled run's id, so workers abort its calls without reading every event. */
export const CANCEL_CHANNEL = "baton_cancel";

/** JSON goes to PostgreSQL as text and is cast there, the same through both drivers. */
export const json = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);

/** What an event-inserting CTE returns for `notifyEvents`. */
export const EVENT_RETURNING = `RETURNING id, "runId", "stepRunId", type, data, "actorId", "createdAt"`;

/** A notification's payload may hold 8000 bytes; larger batches send ids to read by. */
const INLINE_EVENTS_MAX_BYTES = 7900;

/**
 * Wakes every listener with the events the CTE `ev` inserted, per run: the events
 * themselves (a JSON array) when they fit a notification, so no listener reads them back,
 * else `<runId>:<first id>:<last id>`. NOTIFY inside a transaction is delivered at commit,
 * so nobody hears of a change that rolled back.
 */
export const notifyEvents = (ev: string) => `
    SELECT pg_notify('${EVENTS_CHANNEL}', CASE WHEN octet_length(events) <= ${INLINE_EVENTS_MAX_BYTES} THEN events
      ELSE "runId"::text || ':' || lo || ':' || hi END)
    FROM (SELECT "runId", min(id) AS lo, max(id) AS hi,
            json_agg(json_build_object('id', id::text, 'runId', "runId", 'stepRunId', "stepRunId",
              'type', type, 'data', data, 'actorId', "actorId", 'createdAt', "createdAt") ORDER BY id)::text AS events
          FROM ${ev} GROUP BY "runId") per_run`;

/**
 * CTEs that append one event per row of `source` (which has "runId" and the step run's
 * `id`; `typeSql` and `dataSql` are SQL expressions over its columns) and notify them
 * (see notifyEvents).
 */
export const eventsCte = (source: string, typeSql: string, dataSql: string, name = "ev") => `
  ${name} AS (
    INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
    SELECT "runId", id, ${typeSql}, ${dataSql} FROM ${source}
    ${EVENT_RETURNING}
  ),
  ${name}_notified AS (${notifyEvents(name)})`;

/** Events are only sent when something selects from their notify CTE. */
export const notifiedCount = (name = "ev") => `(SELECT count(*) FROM ${name}_notified)`;

/**
 * The data of a step's event as SQL over a step run's columns, in the shape the run-event
 * union of @baton/model gives it: `stepData` for the step, `attemptData` with its attempt
 * (an SQL expression), both extended with `|| jsonb_build_object(…)` where an event says more.
 */
export const stepData = () => `jsonb_build_object('nodeId', "nodeId", 'scope', scope)`;
export const attemptData = (attempt = "attempt") =>
  `jsonb_build_object('nodeId', "nodeId", 'attempt', ${attempt}, 'scope', scope)`;
