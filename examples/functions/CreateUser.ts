import { createHash } from "node:crypto";

export const description =
  "Creates a user account from a sign-up form. The id is derived from the idempotency key, so a retried call returns the same user.";
export const tags = ["sign-up", "users"];
export const timeoutMs = 2_000;
export const memoryMb = 64;

const address = {
  type: "object",
  properties: {
    line1: { type: "string", minLength: 1, maxLength: 200 },
    line2: { type: "string", maxLength: 200 },
    city: { type: "string", minLength: 1, maxLength: 100 },
    postalCode: { type: "string", minLength: 2, maxLength: 12 },
    country: { type: "string", pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2" },
  },
  required: ["line1", "city", "postalCode", "country"],
  additionalProperties: false,
} as const;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "CreateUserInput",
  type: "object",
  properties: {
    name: { type: "string", minLength: 1, maxLength: 200 },
    email: { type: "string", format: "email", maxLength: 254 },
    phone: { type: "string", pattern: "^\\+[1-9][0-9]{6,14}$", description: "E.164" },
    address,
  },
  required: ["name", "email"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "User",
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string", minLength: 1 },
    email: { type: "string", format: "email" },
    phone: { type: ["string", "null"], description: "E.164, or null when none was given" },
    address: { anyOf: [address, { type: "null" }] },
    status: { enum: ["pending_verification"] },
    createdAt: { type: "string", format: "date-time" },
  },
  required: ["id", "name", "email", "phone", "address", "status", "createdAt"],
  additionalProperties: false,
} as const;

type Address = {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
};

export type CreateUserInput = { name: string; email: string; phone?: string; address?: Address };

export type User = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  address: Address | null;
  status: "pending_verification";
  createdAt: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

/** A name-based UUID (version 5 layout) so the same key always yields the same id. */
function uuidFrom(seed: string): string {
  const hex = createHash("sha1").update(seed).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function handler(input: CreateUserInput, context: Context): Promise<User> {
  context.signal.throwIfAborted();
  const email = input.email.trim().toLowerCase();
  // A fixed address that is "already registered", so scenarios can exercise the error path.
  if (email === "taken@example.com") {
    throw new Error(`A user with email ${email} already exists`);
  }
  return {
    id: uuidFrom(`${context.idempotencyKey}:${email}`),
    name: input.name.trim().replace(/\s+/g, " "),
    email,
    phone: input.phone ?? null,
    address: input.address ?? null,
    status: "pending_verification",
    createdAt: new Date().toISOString(),
  };
}
