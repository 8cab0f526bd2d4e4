import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { BatonError } from "@baton/model";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export type TSecretBox = {
  /** AES-256-GCM: version byte, random IV, tag, ciphertext. `context` is bound in as AAD. */
  seal(secret: Record<string, unknown>, context: string): Uint8Array<ArrayBuffer>;
  /** Throws BatonError when the data was altered, sealed for another context, or with another key. */
  open(sealed: Uint8Array, context: string): Record<string, unknown>;
};

const unreadable = (why: string) =>
  new BatonError(
    "PRECONDITION_FAILED",
    `Stored credentials cannot be decrypted: ${why}. Enter the credentials again, or restore the key they were sealed with (BATON_SECRET_KEY or secret.key in the data folder).`,
  );

/** Seals credentials so the database holds ciphertext only. */
export const createSecretBox = (key: Buffer): TSecretBox => {
  if (key.length !== 32) throw new Error("AES-256-GCM needs a 32-byte key");
  return {
    seal(secret, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(JSON.stringify(secret), "utf8"), cipher.final()]);
      const out = new Uint8Array(HEADER_BYTES + body.length);
      out[0] = VERSION;
      out.set(iv, 1);
      out.set(cipher.getAuthTag(), 1 + IV_BYTES);
      out.set(body, HEADER_BYTES);
      return out;
    },
    open(sealed, context) {
      const data = Buffer.from(sealed);
      if (data.length < HEADER_BYTES || data[0] !== VERSION) throw unreadable("unknown format");
      const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(data.subarray(1 + IV_BYTES, HEADER_BYTES));
      let text: string;
      try {
        text = Buffer.concat([
          decipher.update(data.subarray(HEADER_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw unreadable("they were altered, or sealed with another key");
      }
      return JSON.parse(text) as Record<string, unknown>;
    },
  };
};
