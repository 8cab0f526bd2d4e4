import { readFileSync } from "node:fs";
import { openDatabase } from "@baton/db";
import type { TConfig } from "./config.ts";
import { createHttpServer, listen } from "./http/server.ts";
import type { TAppServices } from "./trpc/trpc.ts";

export const version: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

export type TRunningServer = { url: string; services: TAppServices; stop(): Promise<void> };

/** Opens the database (migrating it) and serves the API and the web app. */
export const startServer = async (config: TConfig): Promise<TRunningServer> => {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const services: TAppServices = { db, config, startedAt: new Date(), version };
  const server = createHttpServer(services);
  let url: string;
  try {
    url = await listen(server, config.port, config.host);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url,
    services,
    stop: async () => {
      // SSE subscriptions keep connections open forever; end them so close() returns.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await db.close();
    },
  };
};
