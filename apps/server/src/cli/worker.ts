import { openDatabase } from "@baton/db";
import { createEngine } from "@baton/engine";
import { BatonError } from "@baton/model";
import { builtInProviders, createProviderRegistry } from "@baton/providers";
import { engineProviders } from "../catalog/engine-providers.ts";
import { createSecretBox } from "../catalog/secrets/secret-box.ts";
import { loadSecretKey } from "../catalog/secrets/secret-key.ts";
import { loadConfig } from "../config.ts";
import { onShutdown } from "./shutdown.ts";

/** Workers only: takes steps from the shared queue, serves nothing. */
export const workerCommand = async (options: { concurrency?: string }): Promise<void> => {
  const config = loadConfig({
    ...process.env,
    ...(options.concurrency ? { BATON_WORKER_CONCURRENCY: options.concurrency } : {}),
  });
  if (!config.databaseUrl) {
    throw new BatonError(
      "DATABASE_CONFIG",
      "baton worker shares work through PostgreSQL: set DATABASE_URL (the embedded database serves only the process that opened it, and `baton start` already runs workers)",
    );
  }
  const starting = (async () => {
    // the same key as every other process, or stored credentials do not open here
    const secrets = createSecretBox(
      await loadSecretKey({ envKey: config.secretKey, dataDir: config.dataDir }),
    );
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const providers = createProviderRegistry(builtInProviders());
    const calls = engineProviders(providers, db.prisma, secrets);
    const engine = await createEngine({
      db,
      providers: calls.registry,
      concurrency: config.workerConcurrency,
      limits: config.limits,
      events: false,
    });
    return { db, providers, calls, engine };
  })();
  onShutdown("the worker", async () => {
    const running = await starting.catch(() => undefined);
    await running?.engine.stop();
    await running?.calls.drain();
    await running?.providers.close();
    await running?.db.close();
  });
  const { db } = await starting;
  console.log(
    `baton: worker ${process.pid} is taking up to ${config.workerConcurrency} steps at once from ${db.location}`,
  );
};
