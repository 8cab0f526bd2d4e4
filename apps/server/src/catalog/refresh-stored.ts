import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import type { ProviderRegistry } from "@baton/providers";
import { refreshConnection, type TRefreshReport } from "./refresh-connection.ts";
import { openConnectionSecret } from "./secrets/connection-secret.ts";
import type { TSecretBox } from "./secrets/secret-box.ts";

type TDeps = { prisma: PrismaClient; providers: ProviderRegistry; secrets: TSecretBox };

/** Refreshes one stored connection with its decrypted credentials. */
export const refreshStoredConnection = async (
  { prisma, providers, secrets }: TDeps,
  id: string,
): Promise<TRefreshReport> => {
  const row = await prisma.connection.findUnique({ where: { id } });
  if (!row) throw new BatonError("NOT_FOUND", "This connection no longer exists.");
  let secret: Record<string, unknown> | undefined;
  try {
    secret = openConnectionSecret(secrets, row);
  } catch (error) {
    const message = (error as Error).message;
    await prisma.connection.update({
      where: { id },
      data: { status: "error", lastError: message },
    });
    return {
      connection: row.name,
      ok: false,
      error: message,
      added: [],
      changed: [],
      missing: [],
      unchanged: 0,
      problems: [],
    };
  }
  return refreshConnection(prisma, providers, row, secret);
};

/** Refreshes every connection, one after the other (the machine is small, providers are slow). */
export const refreshAllConnections = async (deps: TDeps): Promise<TRefreshReport[]> => {
  const rows = await deps.prisma.connection.findMany({
    select: { id: true },
    orderBy: { name: "asc" },
  });
  const reports: TRefreshReport[] = [];
  for (const row of rows) reports.push(await refreshStoredConnection(deps, row.id));
  return reports;
};
