import path from "node:path";
import { BatonError } from "@baton/model";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { claimDataDir, makeOwnerOnly } from "./data-dir.ts";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrations.ts";
import { schedulePGlite } from "./pglite-scheduler.ts";
import { describePostgresUrl, explainConnectError, parsePostgresUrl } from "./postgres-errors.ts";

export type TDatabaseOptions = {
  /** postgresql://… for PostgreSQL; when absent the embedded database in dataDir is used */
  databaseUrl?: string | undefined;
  /** folder of the embedded database (and other local state) */
  dataDir: string;
  /** apply pending migrations before returning (default true) */
  migrate?: boolean;
};

export type TDatabase = {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** human-readable location, never with a password */
  location: string;
  /** the embedded database, for components (the job queue) that share its single session */
  pglite?: PGlite;
  /** the PostgreSQL URL, for components that open their own pool */
  databaseUrl?: string;
  /** Prisma's connection pool on PostgreSQL, for hot paths that send SQL without Prisma's overhead */
  pool?: pg.Pool;
  /** migrations applied while opening */
  appliedMigrations: string[];
  /** files and folders of the data folder that others could read or change, made owner-only */
  madePrivate: number;
  close(): Promise<void>;
};

const checkPostgres = async (url: URL): Promise<void> => {
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw explainConnectError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
};

const openPostgres = async (raw: string, migrate: boolean): Promise<TDatabase> => {
  const url = parsePostgresUrl(raw);
  await checkPostgres(url);
  // Reachability was checked above; from here on a wait for a connection is a wait for a
  // busy pool to free one, which under load is normal and must not fail the work.
  const pool = new pg.Pool({ connectionString: url.href, connectionTimeoutMillis: 60_000 });
  // an idle connection the server dropped (a restart) is replaced on next use; without a
  // listener its error would crash the process
  pool.on("error", () => {});
  const factory = new PrismaPg(pool);
  try {
    const appliedMigrations = migrate ? await applyMigrations(factory) : [];
    const prisma = new PrismaClient({ adapter: factory });
    return {
      prisma,
      kind: "postgres",
      location: `PostgreSQL at ${describePostgresUrl(url)}`,
      databaseUrl: url.href,
      pool,
      appliedMigrations,
      madePrivate: 0,
      close: async () => {
        await prisma.$disconnect();
        if (!pool.ended) await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
};

const openPGlite = async (dataDir: string, migrate: boolean): Promise<TDatabase> => {
  const { release, madePrivate } = await claimDataDir(dataDir);
  const folder = path.resolve(dataDir, "pgdata");
  let pglite: PGlite;
  try {
    pglite = schedulePGlite(await PGlite.create(folder));
  } catch (error) {
    await release();
    throw new BatonError(
      "DATA_DIR",
      `cannot open the embedded database in ${folder}: ${(error as Error).message}. If the folder holds no data you need, move it away and start again`,
      undefined,
      { cause: error },
    );
  }
  const factory: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  try {
    const appliedMigrations = migrate ? await applyMigrations(factory) : [];
    await makeOwnerOnly(folder);
    const prisma = new PrismaClient({ adapter: factory });
    return {
      prisma,
      kind: "pglite",
      location: `embedded database in ${folder}`,
      pglite,
      appliedMigrations,
      madePrivate,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        await makeOwnerOnly(folder);
        await release();
      },
    };
  } catch (error) {
    await pglite.close();
    await release();
    throw error;
  }
};

/** Opens the database Baton is configured for and brings its schema up to date. */
export const openDatabase = ({ databaseUrl, dataDir, migrate = true }: TDatabaseOptions) =>
  databaseUrl ? openPostgres(databaseUrl, migrate) : openPGlite(dataDir, migrate);
