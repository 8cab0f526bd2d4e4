import type { PrismaClient } from "@baton/db";

export const demoConnectionName = "examples";

/**
 * The connection to the local functions folder (BATON_FUNCTIONS_DIR), so a first start
 * has a catalog to design with and no setup. Its folder follows the configuration.
 */
export const ensureDemoConnection = (prisma: PrismaClient, folder: string) =>
  prisma.connection.upsert({
    where: { name: demoConnectionName },
    create: { name: demoConnectionName, provider: "local", config: { folder } },
    update: { config: { folder } },
  });
