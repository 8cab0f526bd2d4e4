import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import type { ProviderRegistry } from "@baton/providers";
import type { TSecretBox } from "../secrets/secret-box.ts";
import { resolveDraft, type TConnectionDraft } from "./save-connection.ts";
import { storedConnection, type TStoredConnection } from "./stored-connection.ts";

const TEST_TIMEOUT_MS = 30_000;

export type TConnectionTest =
  | {
      ok: true;
      functions: { name: string; description: string; schemaSource: string }[];
      problems: string[];
    }
  | { ok: false; error: string };

/**
 * Discovers through a connection as it is being edited, saving nothing. Editing an
 * existing connection (`id`) starts from its stored credentials. Bad settings are the
 * caller's error (thrown); a provider that fails is the test's answer.
 */
export const testConnection = async (
  prisma: PrismaClient,
  registry: ProviderRegistry,
  box: TSecretBox,
  input: TConnectionDraft & { name: string; id?: string },
): Promise<TConnectionTest> => {
  let stored: TStoredConnection | undefined;
  if (input.id) {
    const row = await prisma.connection.findUnique({ where: { id: input.id } });
    if (!row) throw new BatonError("NOT_FOUND", "This connection no longer exists.");
    // its credentials were entered for this kind of provider, and go nowhere else
    if (row.provider !== input.provider) {
      throw new BatonError(
        "BAD_INPUT",
        `Connection "${row.name}" uses the ${row.provider} provider, which cannot change.`,
      );
    }
    stored = storedConnection(box, row);
  }
  const { config, secret } = resolveDraft(input, stored);
  try {
    const discovery = await registry.discover(
      { name: input.name, provider: input.provider, config, ...(secret ? { secret } : {}) },
      { signal: AbortSignal.timeout(TEST_TIMEOUT_MS) },
    );
    return {
      ok: true,
      functions: discovery.functions.map((fn) => ({
        name: fn.name,
        description: fn.description,
        schemaSource: fn.undeclared?.length ? "none" : fn.schemaSource,
      })),
      problems: discovery.problems,
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
};
