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

/**
 * CTEs that append one event per row of `source` (which has "runId" and the step run's
 * `id`; `typeSql` and `dataSql` are SQL expressions over its columns) and wake every listener with `<runId>:<first id>:<last id>`. NOTIFY inside a
 * transaction is delivered at commit, so nobody hears of a change that rolled back, and
 * the listener can read exactly the rows it was told about.
 */
export const eventsCte = (source: string, typeSql: string, dataSql: string, name = "ev") => `
  ${name} AS (
    INSERT INTO "RunEvent" ("runId", "stepRunId", type, data)
    SELECT "runId", id, ${typeSql}, ${dataSql} FROM ${source}
    RETURNING id, "runId"
  ),
  ${name}_notified AS (
    SELECT pg_notify('${EVENTS_CHANNEL}', "runId"::text || ':' || min(id) || ':' || max(id))
    FROM ${name} GROUP BY "runId"
  )`;

/** Events are only sent when something selects from their notify CTE. */
export const notifiedCount = (name = "ev") => `(SELECT count(*) FROM ${name}_notified)`;
