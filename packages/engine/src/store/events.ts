import type { TSql } from "./sql.ts";

/** A run's stored event, as the event feed hands it out. */
export type TStoredEvent = {
  id: string;
  runId: string;
  stepRunId: string | null;
  type: string;
  data: unknown;
  actorId: string | null;
  createdAt: Date;
};

/** The events of some runs by ranges of ids (each inclusive), in one statement, in order. */
export const readEventRanges = (sql: TSql, ranges: { runId: string; from: bigint; to: bigint }[]) =>
  sql.$queryRawUnsafe<TStoredEvent[]>(
    `SELECT e.id::text AS id, e."runId", e."stepRunId", e.type, e.data, e."actorId", e."createdAt"
       FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS w(run, lo, hi)
       JOIN "RunEvent" e ON e."runId" = w.run AND e.id BETWEEN w.lo AND w.hi
      ORDER BY e.id`,
    ranges.map((r) => r.runId),
    ranges.map((r) => r.from.toString()),
    ranges.map((r) => r.to.toString()),
  );
