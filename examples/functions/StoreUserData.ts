import { createHash } from "node:crypto";

export const description =
  "Stores a user record and returns where it was written. Writes are keyed by user id, so a retry overwrites the same record.";
export const tags = ["sign-up", "users", "storage"];
export const timeoutMs = 3_000;
export const memoryMb = 64;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "StoreUserDataInput",
  type: "object",
  properties: {
    user: {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        name: { type: "string", minLength: 1 },
        email: { type: "string", format: "email" },
        phone: { type: ["string", "null"] },
        createdAt: { type: "string", format: "date-time" },
      },
      required: ["id", "name", "email", "createdAt"],
    },
    emailVerified: { type: "boolean" },
    marketingOptIn: { type: "boolean", default: false },
  },
  required: ["user", "emailVerified"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "StoredUser",
  type: "object",
  properties: {
    userId: { type: "string", format: "uuid" },
    location: { type: "string", pattern: "^users/[0-9a-f-]{36}\\.json$" },
    checksum: { type: "string", pattern: "^[0-9a-f]{64}$" },
    bytes: { type: "integer", minimum: 1 },
    storedAt: { type: "string", format: "date-time" },
  },
  required: ["userId", "location", "checksum", "bytes", "storedAt"],
  additionalProperties: false,
} as const;

export type StoreUserDataInput = {
  user: { id: string; name: string; email: string; phone?: string | null; createdAt: string };
  emailVerified: boolean;
  marketingOptIn?: boolean;
};
export type StoredUser = {
  userId: string;
  location: string;
  checksum: string;
  bytes: number;
  storedAt: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

export async function handler(input: StoreUserDataInput, context: Context): Promise<StoredUser> {
  context.signal.throwIfAborted();
  const record = JSON.stringify({
    ...input.user,
    emailVerified: input.emailVerified,
    marketingOptIn: input.marketingOptIn ?? false,
  });
  return {
    userId: input.user.id,
    location: `users/${input.user.id}.json`,
    checksum: createHash("sha256").update(record).digest("hex"),
    bytes: Buffer.byteLength(record),
    storedAt: new Date().toISOString(),
  };
}
