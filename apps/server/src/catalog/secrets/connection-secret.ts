import type { Connection } from "@baton/providers";
import type { TSecretBox } from "./secret-box.ts";

type TSecretRow = { id: string; secret: Uint8Array | null };

// The row id is bound into the ciphertext, so sealed credentials copied onto another
// connection's row do not open.
export const openConnectionSecret = (
  box: TSecretBox,
  row: TSecretRow,
): Record<string, unknown> | undefined => (row.secret ? box.open(row.secret, row.id) : undefined);

export const sealConnectionSecret = (
  box: TSecretBox,
  id: string,
  secret: Record<string, unknown> | undefined,
): Uint8Array<ArrayBuffer> | null => (secret ? box.seal(secret, id) : null);

/** A stored connection as providers take it, credentials decrypted. */
export const toProviderConnection = (
  box: TSecretBox,
  row: TSecretRow & { name: string; provider: string; config: unknown },
): Connection => {
  const secret = openConnectionSecret(box, row);
  return {
    name: row.name,
    provider: row.provider,
    config: (row.config ?? {}) as Record<string, unknown>,
    ...(secret ? { secret } : {}),
  };
};
