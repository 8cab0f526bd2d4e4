import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { migrationsDir, schemaPath } from "./paths.ts";
import { openSchemaEngine } from "./schema-engine.ts";

const filters = { externalTables: [], externalEnums: [] };
const emptyDiffMarker = "-- This is an empty migration";

export const loadMigrations = async (baseDir = migrationsDir): Promise<MigrationList> => {
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(baseDir, folder, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: await readFile(lockPath, "utf8").catch(() => null),
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
};

/** Applies pending migrations; returns the names of those it applied. */
export const applyMigrations = async (
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> => {
  const engine = await openSchemaEngine(factory);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await loadMigrations(),
      filters,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
};

/**
 * The SQL that would bring a database built from the migrations up to schema.prisma.
 * Empty when they agree. The shadow database is an in-memory PGlite, so no server is needed.
 */
export const diffMigrationsToSchema = async (): Promise<string> => {
  const shadow = new PGlite();
  const engine = await openSchemaEngine(new PrismaPGlite(shadow));
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await loadMigrations()) },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }],
      },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = result.stdout ?? "";
    return sql.trimStart().startsWith(emptyDiffMarker) ? "" : sql;
  } finally {
    engine.free();
    await shadow.close();
  }
};

const timestamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:T]/g, "")
    .replace(/\.\d+Z$/, "");

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; undefined when nothing changed. */
export const createMigration = async (name: string): Promise<string | undefined> => {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`migration name "${name}" must be lower-case letters, digits and _`);
  }
  await mkdir(migrationsDir, { recursive: true });
  await writeFile(
    path.join(migrationsDir, "migration_lock.toml"),
    '# Written by @baton/db; do not edit.\nprovider = "postgresql"\n',
  );
  const sql = await diffMigrationsToSchema();
  if (!sql) return undefined;
  const folder = path.join(migrationsDir, `${timestamp(new Date())}_${name}`);
  await mkdir(folder);
  await writeFile(path.join(folder, "migration.sql"), sql);
  return folder;
};
