import type { PrismaClient } from "@baton/db";
import { ProviderError, type ProviderRegistry } from "@baton/providers";
import { openConnectionSecret } from "./connection-secret.ts";
import type { TSecretBox } from "./secret-box.ts";

const TTL_MS = 10_000;

/**
 * The registry as the engine should see it: its catalog rows carry no credentials, so
 * each invocation gets its connection's decrypted secret here (cached briefly, like the
 * engine's own catalog cache, so a step pays no extra query).
 */
export const withConnectionSecrets = (
  registry: ProviderRegistry,
  prisma: PrismaClient,
  box: TSecretBox,
): ProviderRegistry => {
  const cache = new Map<
    string,
    { at: number; value: Promise<Record<string, unknown> | undefined> }
  >();
  const secretOf = (name: string) => {
    const hit = cache.get(name);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = prisma.connection
      .findUnique({ where: { name }, select: { id: true, secret: true } })
      .then((row) => (row ? openConnectionSecret(box, row) : undefined));
    value.catch(() => cache.delete(name));
    cache.set(name, { at: Date.now(), value });
    return value;
  };
  return {
    ...registry,
    invoke: async (connection, fn, input, options) => {
      if (connection.secret) return registry.invoke(connection, fn, input, options);
      let secret: Record<string, unknown> | undefined;
      try {
        secret = await secretOf(connection.name);
      } catch (error) {
        // Unreadable credentials fail the same way on every attempt: not worth retrying.
        throw new ProviderError("rejected_input", (error as Error).message, {
          provider: connection.provider,
          ref: fn.ref,
          reason: "invalid_connection",
        });
      }
      return registry.invoke(secret ? { ...connection, secret } : connection, fn, input, options);
    },
  };
};
