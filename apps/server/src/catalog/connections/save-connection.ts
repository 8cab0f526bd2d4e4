import { randomUUID } from "node:crypto";
import type { Prisma } from "@baton/db";
import { BatonError } from "@baton/model";
import {
  applySecretChanges,
  assertCredentialsFollowAddress,
  parseConnectionSettings,
  type SecretChanges,
  type SettingsText,
} from "@baton/providers";
import { sealConnectionSecret } from "../secrets/connection-secret.ts";
import type { TSecretBox } from "../secrets/secret-box.ts";
import { storedConnection, type TStoredConnection } from "./stored-connection.ts";

export type TConnectionDraft = {
  provider: string;
  settings: SettingsText;
  secretChanges: SecretChanges;
};

/**
 * The provider-ready config and secret of a connection as a person edits it: settings
 * parsed and checked for the kind, credentials changed as asked and kept otherwise. Kept
 * credentials never follow a changed address (endpoint, region, gateway…) unseen: the
 * person must enter them again.
 */
export const resolveDraft = (draft: TConnectionDraft, stored: TStoredConnection | undefined) => {
  const config = parseConnectionSettings(draft.provider, draft.settings);
  if (stored) {
    assertCredentialsFollowAddress(draft.provider, {
      before: stored.config,
      after: config,
      current: stored.secret,
      changes: draft.secretChanges,
    });
  }
  return {
    config,
    secret: applySecretChanges(draft.provider, stored?.secret, draft.secretChanges),
  };
};

const nameTaken = (name: string) =>
  new BatonError("CONFLICT", `A connection named "${name}" exists already; choose another name.`);

export const createConnection = async (
  prisma: Prisma.TransactionClient,
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
  prisma: Prisma.TransactionClient,
  box: TSecretBox,
  input: { id: string; settings: SettingsText; secretChanges: SecretChanges },
) => {
  const row = await prisma.connection.findUnique({ where: { id: input.id } });
  if (!row) throw new BatonError("NOT_FOUND", "This connection no longer exists.");
  // Credentials that cannot be decrypted can still be replaced as a whole.
  const replacing = Object.keys(input.secretChanges).length > 0;
  const stored = storedConnection(box, row, { unreadable: replacing ? "drop" : "throw" });
  const { config, secret } = resolveDraft({ ...input, provider: row.provider }, stored);
  return prisma.connection.update({
    where: { id: row.id },
    data: {
      config: config as Prisma.InputJsonValue,
      secret: sealConnectionSecret(box, row.id, secret),
    },
    select: { id: true, name: true, provider: true, config: true, secret: true },
  });
};
