import { createHash } from "node:crypto";
import { directQuery, poolOf, type TDatabase } from "@baton/db";
import type { TSql } from "./sql.ts";

/** Raw SQL straight to the driver, and transactions on one connection. */
export type TSqlClient = TSql & {
  transaction<T>(work: (tx: TSql) => Promise<T>): Promise<T>;
};

const names = new Map<string, string>();

/**
 * A named statement, so each connection parses and plans the engine's few, fixed
 * statements once instead of on every call (the chain's combined statement is large).
 */
const prepared = (text: string, values: unknown[]) => {
  let name = names.get(text);
  if (!name) {
    // a text never seen among the first few hundred is no fixed statement of ours
    if (names.size >= 500) return { text, values };
    name = `baton_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return { name, text, values };
};

/**
 * The engine's hot path talks to the driver directly: through Prisma a raw statement
 * costs about a millisecond of client-side work, several times the database's own time
 * for the engine's small statements. Same pool as Prisma on PostgreSQL; on PGlite, the
 * same single session, whose transactions Prisma's adapter also takes in turn.
 */
export const createSqlClient = (db: TDatabase): TSqlClient => {
  const $queryRawUnsafe = async <T>(query: string, ...values: unknown[]) =>
    (await directQuery(db, prepared(query, values))) as T;
  if (db.pglite) {
    const pglite = db.pglite;
    return {
      $queryRawUnsafe,
      transaction: (work) =>
        pglite.transaction((tx) =>
          work({
            $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
              (await tx.query(query, values)).rows as T,
          }),
        ),
    };
  }
  const pool = poolOf(db);
  return {
    $queryRawUnsafe,
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      // the server going away mid-transaction: the query fails, the connection is dropped
      const onError = (error: Error) => {
        broken = error;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await work({
          $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
            (await client.query(prepared(query, values))).rows as T,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // a connection that cannot even roll back is dropped rather than reused
        await client.query("ROLLBACK").catch((rollback: Error) => {
          broken = rollback;
        });
        throw error;
      } finally {
        client.removeListener("error", onError);
        client.release(broken);
      }
    },
  };
};
