import { keepNewFilesPrivate } from "@baton/db";
import type { TConfig } from "./config.ts";
import { createHttpServer, listen } from "./http/server.ts";
import { openServices, type TOpenServices } from "./services.ts";

export { version } from "./services.ts";

export type TRunningServer = Omit<TOpenServices, "close"> & { url: string; stop(): Promise<void> };

/** Opens the services and serves the API and the web app. */
export const startServer = async (config: TConfig): Promise<TRunningServer> => {
  // before anything writes to the data folder (the key for credentials comes first)
  keepNewFilesPrivate();
  const { close, ...opened } = await openServices(config);
  const server = createHttpServer(opened.services);
  let url: string;
  try {
    url = await listen(server, config.port, config.host);
    await opened.services.engine.startWorkers();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    ...opened,
    url,
    stop: async () => {
      // SSE subscriptions keep connections open forever; end them so close() returns.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await close();
    },
  };
};
