import type pg from "pg";
import type { TDatabase } from "./open-database.ts";

type TDirect = Pick<TDatabase, "pglite" | "pool">;

/** Prisma's pool on PostgreSQL; a database without one is embedded (use its session). */
export const poolOf = (db: TDirect): pg.Pool => {
  if (!db.pool) throw new Error("The database has neither an embedded session nor a pool.");
  return db.pool;
};

/**
 * The rows of one statement sent straight to the driver (the embedded session, or Prisma's
 * pool on PostgreSQL), without Prisma's client-side work per query. A `name` prepares it
 * once per pool connection; the embedded session ignores it.
 */
export const directQuery = async <T extends pg.QueryResultRow>(
  db: TDirect,
  query: { text: string; values: unknown[]; name?: string },
): Promise<T[]> =>
  db.pglite
    ? (await db.pglite.query<T>(query.text, query.values)).rows
    : (await poolOf(db).query<T>(query)).rows;
