import type { TSql } from "./sql.ts";

/**
 * Whether a run no longer exists: test runs are deleted once they end (see the README,
 * "Test runs"), and jobs they left behind then find neither their version nor their task.
 * Asked only after a job failed, so the hot path never pays for it.
 */
export const runDeleted = async (sql: TSql, runId: string): Promise<boolean> => {
  const rows = await sql
    .$queryRawUnsafe<{ one: number }[]>(`SELECT 1 AS one FROM "Run" WHERE id = $1::uuid`, runId)
    .catch(() => undefined);
  return rows?.length === 0;
};
