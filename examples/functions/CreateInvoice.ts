import { createHash } from "node:crypto";

export const description =
  "Issues an invoice to a customer for an amount in cents. The customer id may not be empty and the amount may not be negative.";
export const tags = ["orders", "billing"];
export const timeoutMs = 2_000;
export const memoryMb = 32;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "CreateInvoiceInput",
  type: "object",
  properties: {
    customerId: { type: "string", minLength: 1 },
    totalCents: { type: "integer", minimum: 0 },
  },
  required: ["customerId", "totalCents"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Invoice",
  type: "object",
  properties: {
    invoiceId: { type: "string", pattern: "^inv_[0-9a-f]{16}$" },
    customerId: { type: "string", minLength: 1 },
    totalCents: { type: "integer", minimum: 0 },
    issuedAt: { type: "string", format: "date-time" },
  },
  required: ["invoiceId", "customerId", "totalCents", "issuedAt"],
  additionalProperties: false,
} as const;

export type CreateInvoiceInput = { customerId: string; totalCents: number };
export type Invoice = CreateInvoiceInput & { invoiceId: string; issuedAt: string };

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

export async function handler(input: CreateInvoiceInput, context: Context): Promise<Invoice> {
  context.signal.throwIfAborted();
  // Same idempotency key, same invoice: a retried call never bills twice.
  const digest = createHash("sha256").update(context.idempotencyKey).digest("hex");
  return {
    invoiceId: `inv_${digest.slice(0, 16)}`,
    customerId: input.customerId,
    totalCents: input.totalCents,
    issuedAt: new Date().toISOString(),
  };
}
