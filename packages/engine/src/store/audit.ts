import type { TAuditEntry } from "@baton/model";
import { json, type TSql } from "./sql.ts";

/** The columns of an entry, as one JSON value (see `AUDIT_FROM_JSON`). */
export const auditJson = (entry: TAuditEntry): string | null =>
  json({
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    data: entry.data ?? {},
  });

/** Appends the entries (JSON values, see `auditJson`) in the rows of `source`'s column `a`. */
export const auditFromJson = (source: string) => `
      INSERT INTO "AuditEntry" ("actorId", action, target, data)
      SELECT (a->>'actorId')::uuid, a->>'action', a->>'target', a->'data'
      FROM ${source} WHERE a IS NOT NULL`;

/** Appends an entry, if there is one, in the caller's transaction. */
export const insertAuditEntry = async (
  sql: TSql,
  entry: TAuditEntry | undefined,
): Promise<void> => {
  if (!entry) return;
  await sql.$queryRawUnsafe(
    `WITH req AS (SELECT $1::jsonb AS a) ${auditFromJson("req")}`,
    auditJson(entry),
  );
};
