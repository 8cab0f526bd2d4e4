export { keepNewFilesPrivate } from "./data-dir.ts";
export { directQuery, poolOf } from "./direct-query.ts";
export * from "./generated/client.ts";
export {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  loadMigrations,
} from "./migrations.ts";
export type { TDatabase, TDatabaseOptions } from "./open-database.ts";
export { openDatabase } from "./open-database.ts";
export { inBackground, inForeground } from "./pglite-scheduler.ts";
