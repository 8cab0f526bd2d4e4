import { readFileSync } from "node:fs";
import { openDatabase } from "@baton/db";
import { createEngine } from "@baton/engine";
import { createProviderRegistry } from "@baton/providers";
import { ensureDemoConnection } from "./catalog/demo-connection.ts";
import { refreshConnection, type TRefreshReport } from "./catalog/refresh-connection.ts";
import type { TConfig } from "./config.ts";
import { seedExamples, type TSeedReport } from "./examples/seed-examples.ts";
import { createHttpServer, listen } from "./http/server.ts";
import type { TAppServices } from "./trpc/trpc.ts";

export const version: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

export type TRunningServer = {
  url: string;
  services: TAppServices;
  /** what discovering the local functions found at start */
  catalog: TRefreshReport;
  /** the example scenarios published on a first start */
  examples: TSeedReport;
  stop(): Promise<void>;
};

/** Opens the database (migrating it) and serves the API and the web app. */
export const startServer = async (config: TConfig): Promise<TRunningServer> => {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const providers = createProviderRegistry();
  const closeServices = async (engine?: { stop(): Promise<void> }) => {
    await engine?.stop();
    await providers.close();
    await db.close();
  };
  const engine = await createEngine({ db, providers, concurrency: config.workerConcurrency }).catch(
    async (error: unknown) => {
      await closeServices();
      throw error;
    },
  );
  const services: TAppServices = { db, providers, engine, config, startedAt: new Date(), version };
  const server = createHttpServer(services);
  let url: string;
  let catalog: TRefreshReport;
  let examples: TSeedReport;
  try {
    const demo = await ensureDemoConnection(db.prisma, config.functionsDir);
    catalog = await refreshConnection(db.prisma, providers, demo);
    examples = await seedExamples(db.prisma, config.scenariosDir);
    url = await listen(server, config.port, config.host);
  } catch (error) {
    await closeServices(engine);
    throw error;
  }
  return {
    url,
    services,
    catalog,
    examples,
    stop: async () => {
      // SSE subscriptions keep connections open forever; end them so close() returns.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await closeServices(engine);
    },
  };
};
