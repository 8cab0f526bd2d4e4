import { startServer } from "../app.ts";
import { describeRefresh } from "../catalog/describe-refresh.ts";
import { loadConfig } from "../config.ts";
import { onShutdown } from "./shutdown.ts";

export const startCommand = async (options: { port?: string; host?: string }): Promise<void> => {
  const config = loadConfig({
    ...process.env,
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
  const starting = startServer(config);
  onShutdown("the server", async () => {
    const server = await starting.catch(() => undefined);
    await server?.stop();
  });
  const server = await starting;
  const { db } = server.services;
  if (db.appliedMigrations.length) {
    console.log(`baton: applied ${db.appliedMigrations.length} migration(s) to the ${db.location}`);
  }
  if (db.madePrivate) {
    console.warn(
      `baton: warning: ${db.madePrivate} file(s) and folder(s) in the data folder ${config.dataDir} could be read or changed by other users of this machine; made them readable and writable by their owner only`,
    );
  }
  console.log(`baton: database: ${db.location}`);
  console.log(`baton: ${describeRefresh(server.catalog)}`);
  const { examples } = server;
  if (examples.published.length) {
    console.log(`baton: published the example scenarios ${examples.published.join(", ")}`);
  }
  for (const problem of examples.problems) console.warn(`baton: example scenario ${problem}`);
  console.log(`baton: Baton ${server.services.version} is ready at ${server.url}`);
};
