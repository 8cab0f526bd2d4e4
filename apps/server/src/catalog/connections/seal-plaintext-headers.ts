import type { Prisma, PrismaClient } from "@baton/db";
import { moveHeadersToSecret } from "@baton/providers";
import { audited } from "../../audit/record-audit.ts";
import { openConnectionSecret, sealConnectionSecret } from "../secrets/connection-secret.ts";
import type { TSecretBox } from "../secrets/secret-box.ts";

/**
 * Seals the headers older versions kept in an http connection's plain settings (where an
 * `Authorization` header was readable by every viewer) into its encrypted credentials.
 * Runs at every start and changes only connections that still have such headers; one
 * whose credentials cannot be decrypted keeps them until its credentials are entered again.
 */
export const sealPlaintextHeaders = async (
  prisma: PrismaClient,
  box: TSecretBox,
  warn: (message: string) => void,
): Promise<string[]> => {
  const rows = await prisma.connection.findMany({
    select: { id: true, name: true, provider: true, config: true, secret: true },
  });
  const sealed: string[] = [];
  for (const row of rows) {
    if (moveHeadersToSecret(row.provider, row.config, undefined).moved.length === 0) continue;
    let secret: Record<string, unknown> | undefined;
    try {
      secret = openConnectionSecret(box, row);
    } catch (error) {
      warn(
        `connection "${row.name}" keeps its headers in its settings: ${(error as Error).message}`,
      );
      continue;
    }
    const moved = moveHeadersToSecret(row.provider, row.config, secret);
    await audited(
      prisma,
      (tx) =>
        tx.connection.update({
          where: { id: row.id },
          data: {
            config: moved.config as Prisma.InputJsonValue,
            secret: sealConnectionSecret(box, row.id, moved.secret),
          },
        }),
      () => ({
        actorId: null,
        action: "connection.update",
        target: row.id,
        // names only, as for every change of credentials
        data: { settings: ["headers"], credentialsSet: moved.moved, credentialsRemoved: [] },
      }),
    );
    sealed.push(row.name);
  }
  return sealed;
};
