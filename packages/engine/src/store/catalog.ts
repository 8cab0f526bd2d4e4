import type { TSql } from "./sql.ts";

/** What the engine reads of scenarios and the catalog: versions and functions. */

export type TVersionRow = {
  id: string;
  scenarioId: string;
  version: number;
  definition: unknown;
  /** a snapshot of a draft for a test run, not a published version */
  test?: boolean;
  /** node id → pinned output; only test snapshots have any */
  pinned?: unknown;
};

export const readVersion = async (sql: TSql, versionId: string) => {
  const [row] = await sql.$queryRawUnsafe<TVersionRow[]>(
    `SELECT id, "scenarioId", version, definition, test, pinned FROM "ScenarioVersion" WHERE id = $1::uuid`,
    versionId,
  );
  return row;
};

/** A published version of a scenario, by its slug and number. */
export const findVersionId = async (
  sql: TSql,
  slug: string,
  version: number,
): Promise<string | undefined> => {
  const [row] = await sql.$queryRawUnsafe<{ id: string }[]>(
    `SELECT v.id FROM "ScenarioVersion" v JOIN "Scenario" s ON s.id = v."scenarioId"
      WHERE s.slug = $1 AND v.version = $2 AND NOT v.test`,
    slug,
    version,
  );
  return row?.id;
};

export type TFunctionRow = {
  ref: string;
  name: string;
  locator: unknown;
  inputSchema: unknown;
  outputSchema: unknown;
  costHints: unknown;
  annotation: unknown;
  connectionName: string;
  provider: string;
  config: unknown;
};

/** A catalog entry with its connection. */
export const readFunction = async (sql: TSql, ref: string) => {
  const [row] = await sql.$queryRawUnsafe<TFunctionRow[]>(
    `SELECT f.ref, f.name, f.locator, f."inputSchema", f."outputSchema", f."costHints", f.annotation,
            c.name AS "connectionName", c.provider, c.config
       FROM "Function" f JOIN "Connection" c ON c.id = f."connectionId" WHERE f.ref = $1`,
    ref,
  );
  return row;
};
