import { moveHeadersToSecret } from "@baton/providers";
import { openConnectionSecret } from "../secrets/connection-secret.ts";
import type { TSecretBox } from "../secrets/secret-box.ts";

export type TStoredConnection = {
  config: Record<string, unknown>;
  secret: Record<string, unknown> | undefined;
};

/**
 * A connection's settings and decrypted credentials as they stand, with headers an older
 * version kept in plain settings counted among the credentials. Unreadable credentials
 * throw, or, when they are about to be replaced, count as none (`unreadable: "drop"`).
 */
export const storedConnection = (
  box: TSecretBox,
  row: { id: string; provider: string; config: unknown; secret: Uint8Array | null },
  options: { unreadable: "throw" | "drop" } = { unreadable: "throw" },
): TStoredConnection => {
  let secret: Record<string, unknown> | undefined;
  try {
    secret = openConnectionSecret(box, row);
  } catch (error) {
    if (options.unreadable === "throw") throw error;
  }
  const moved = moveHeadersToSecret(row.provider, row.config, secret);
  return { config: moved.config, secret: moved.secret };
};
