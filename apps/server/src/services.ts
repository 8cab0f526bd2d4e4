import { openDatabase } from "@baton/db";
import { createEngine } from "@baton/engine";
import { builtInProviders, createProviderRegistry, type LocalProvider } from "@baton/providers";
import { createLoginLimiter } from "./auth/login-limiter.ts";
import { startCatalogRefresher } from "./catalog/catalog-refresher.ts";
import { sealPlaintextHeaders } from "./catalog/connections/seal-plaintext-headers.ts";
import { ensureDemoConnection } from "./catalog/demo-connection.ts";
import { describeRefresh } from "./catalog/describe-refresh.ts";
import { engineProviders } from "./catalog/engine-providers.ts";
import type { TRefreshReport } from "./catalog/refresh-connection.ts";
import { refreshAllConnections, refreshStoredConnection } from "./catalog/refresh-stored.ts";
import { createSecretBox } from "./catalog/secrets/secret-box.ts";
import { loadSecretKey } from "./catalog/secrets/secret-key.ts";
import type { TConfig } from "./config.ts";
import { seedExamples, type TSeedReport } from "./examples/seed-examples.ts";
import type { TAppServices } from "./trpc/trpc.ts";
import { version } from "./version.ts";

export { version };

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
 * providers, the engine with its workers, the local functions in the catalog (refreshed
 * with every connection periodically) and, on a first start, the example scenarios.
 * Whatever opened is closed again when a later part fails.
 */
export const openServices = async (config: TConfig): Promise<TOpenServices> => {
  // A bad key stops the start before anything opens: credentials would be unreadable.
  const secrets = createSecretBox(
    await loadSecretKey({ envKey: config.secretKey, dataDir: config.dataDir }),
  );
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const providers = createProviderRegistry(builtInProviders());
  const sampling = engineProviders(providers, db.prisma, secrets);
  let engine: Awaited<ReturnType<typeof createEngine>> | undefined;
  let refresher: ReturnType<typeof startCatalogRefresher> | undefined;
  const close = async () => {
    await refresher?.stop();
    await engine?.stop();
    await sampling.drain();
    await providers.close();
    await db.close();
  };
  try {
    engine = await createEngine({
      db,
      providers: sampling.registry,
      concurrency: config.workerConcurrency,
      limits: config.limits,
      // the server listens first, so it answers whatever its runs hold (see app.ts)
      startWorkers: false,
    });
    for (const name of await sealPlaintextHeaders(db.prisma, secrets, (message) =>
      console.warn(`baton: ${message}`),
    )) {
      console.log(`baton: the headers of connection "${name}" are now sealed credentials`);
    }
    const demo = await ensureDemoConnection(db.prisma, config.functionsDir);
    const deps = { prisma: db.prisma, providers, secrets };
    const catalog = await refreshStoredConnection(deps, demo.id);
    // Booting a worker thread costs about a second; pay it now, not inside a step's deadline.
    await (providers.get("local") as LocalProvider).warm({
      name: demo.name,
      provider: demo.provider,
      config: demo.config as Record<string, unknown>,
    });
    const examples = await seedExamples(db.prisma, config.scenariosDir);
    refresher = startCatalogRefresher({
      minutes: config.catalogRefreshMinutes,
      refresh: async () => {
        for (const report of await refreshAllConnections(deps))
          console.log(`baton: ${describeRefresh(report)}`);
      },
      onError: (error) => console.error("catalog: the periodic refresh failed:", error),
    });
    const services: TAppServices = {
      db,
      providers,
      secrets,
      engine,
      config,
      startedAt: new Date(),
      version,
      loginLimiter: createLoginLimiter(),
    };
    return { services, catalog, examples, close };
  } catch (error) {
    await close();
    throw error;
  }
};
