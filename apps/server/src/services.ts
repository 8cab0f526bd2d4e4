import { readFileSync } from "node:fs";
import { openDatabase } from "@baton/db";
import { createEngine } from "@baton/engine";
import { createProviderRegistry, type LocalProvider } from "@baton/providers";
import { ensureDemoConnection } from "./catalog/demo-connection.ts";
import { refreshConnection, type TRefreshReport } from "./catalog/refresh-connection.ts";
import type { TConfig } from "./config.ts";
import { seedExamples, type TSeedReport } from "./examples/seed-examples.ts";
import type { TAppServices } from "./trpc/trpc.ts";

export const version: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

export type TOpenServices = {
  services: TAppServices;
  /** what discovering the local functions found at start */
  catalog: TRefreshReport;
  /** the example scenarios published on a first start */
  examples: TSeedReport;
  close(): Promise<void>;
};

/**
 * Everything a Baton process needs but the HTTP server: the database (migrated), the
 * providers, the engine with its workers, the local functions in the catalog and, on a
 * first start, the example scenarios. Whatever opened is closed again when a later part fails.
 */
export const openServices = async (config: TConfig): Promise<TOpenServices> => {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const providers = createProviderRegistry();
  let engine: Awaited<ReturnType<typeof createEngine>> | undefined;
  const close = async () => {
    await engine?.stop();
    await providers.close();
    await db.close();
  };
  try {
    engine = await createEngine({ db, providers, concurrency: config.workerConcurrency });
    const demo = await ensureDemoConnection(db.prisma, config.functionsDir);
    const catalog = await refreshConnection(db.prisma, providers, demo);
    // Booting a worker thread costs about a second; pay it now, not inside a step's deadline.
    await (providers.get("local") as LocalProvider).warm({
      name: demo.name,
      provider: demo.provider,
      config: demo.config as Record<string, unknown>,
    });
    const examples = await seedExamples(db.prisma, config.scenariosDir);
    const services: TAppServices = {
      db,
      providers,
      engine,
      config,
      startedAt: new Date(),
      version,
    };
    return { services, catalog, examples, close };
  } catch (error) {
    await close();
    throw error;
  }
};
