/**
 * A separate engine worker process for scale-out tests and benchmarks: takes steps from
 * the PostgreSQL queue at DATABASE_URL with CONCURRENCY steps at once until SIGTERM, within
 * the engine limits of LIMITS (JSON), if given.
 */
import { openDatabase } from "@baton/db";
import { createLocalProvider, createProviderRegistry } from "@baton/providers";
import { createEngine } from "../src/index.ts";

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: "unused",
  migrate: false,
});
const providers = createProviderRegistry([createLocalProvider({ poolSize: 1 })]);
const engine = await createEngine({
  db,
  providers,
  concurrency: Number(process.env.CONCURRENCY ?? 16),
  ...(process.env.LIMITS ? { limits: JSON.parse(process.env.LIMITS) } : {}),
  events: false,
  log: { info: () => {}, warn: () => {}, error: () => {} },
});
process.on("SIGTERM", () => {
  void engine
    .stop()
    .then(() => providers.close())
    .then(() => db.close())
    .finally(() => process.exit(0));
});
console.log("ready");
