import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import {
  applySecretChanges,
  parseConnectionSettings,
  type SecretChanges,
  type SettingsText,
} from "@baton/providers";
import { openConnectionSecret, sealConnectionSecret } from "../secrets/connection-secret.ts";
import type { TSecretBox } from "../secrets/secret-box.ts";

export type TConnectionDraft = {
  provider: string;
  settings: SettingsText;
  secretChanges: SecretChanges;
};

/**
 * The provider-ready config and secret of a connection as a person edits it: settings
 * parsed and checked for the kind, credentials changed as asked and kept otherwise.
 */
export const resolveDraft = (
  draft: TConnectionDraft,
  current: Record<string, unknown> | undefined,
) => ({
  config: parseConnectionSettings(draft.provider, draft.settings),
  secret: applySecretChanges(draft.provider, current, draft.secretChanges),
});

const nameTaken = (name: string) =>
  new BatonError("CONFLICT", `A connection named "${name}" exists already; choose another name.`);

export const createConnection = async (
  prisma: PrismaClient,
  box: TSecretBox,
  input: TConnectionDraft & { name: string },
) => {
  const { config, secret } = resolveDraft(input, undefined);
  if (await prisma.connection.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw nameTaken(input.name);
  }
  const id = randomUUID();
  return prisma.connection.create({
    data: {
      id,
      name: input.name,
      provider: input.provider,
      config: config as Prisma.InputJsonValue,
      secret: sealConnectionSecret(box, id, secret),
    },
    select: { id: true, name: true, provider: true, config: true, secret: true },
  });
};

/**
 * Changes a connection's settings and credentials. Its name and kind stay: function refs
 * start with the name, and scenarios hold those refs.
 */
export const updateConnection = async (
  prisma: PrismaClient,
  box: TSecretBox,
  input: { id: string; settings: SettingsText; secretChanges: SecretChanges },
) => {
  const row = await prisma.connection.findUnique({ where: { id: input.id } });
  if (!row) throw new BatonError("NOT_FOUND", "This connection no longer exists.");
  const changesSecret = Object.keys(input.secretChanges).length > 0;
  // Credentials that cannot be decrypted can still be replaced as a whole.
  let current: Record<string, unknown> | undefined;
  try {
    current = openConnectionSecret(box, row);
  } catch (error) {
    if (!changesSecret) throw error;
  }
  const { config, secret } = resolveDraft({ ...input, provider: row.provider }, current);
  return prisma.connection.update({
    where: { id: row.id },
    data: {
      config: config as Prisma.InputJsonValue,
      ...(changesSecret ? { secret: sealConnectionSecret(box, row.id, secret) } : {}),
    },
    select: { id: true, name: true, provider: true, config: true, secret: true },
  });
};
