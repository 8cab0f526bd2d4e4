import { createHash } from "node:crypto";

export const description =
  "Refunds all or part of a charge, e.g. when an order cannot be shipped. Refunding more than was charged is refused.";
export const tags = ["orders", "payments"];
export const timeoutMs = 10_000;
export const memoryMb = 64;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "RefundPaymentInput",
  type: "object",
  properties: {
    chargeId: { type: "string", pattern: "^ch_[0-9a-f]{24}$" },
    amountCents: { type: "integer", minimum: 1 },
    chargedAmountCents: {
      type: "integer",
      minimum: 1,
      description: "What the charge was for; a refund may not exceed it",
    },
    reason: { enum: ["shipping_failed", "requested_by_customer", "duplicate", "fraudulent"] },
    note: { type: "string", maxLength: 500 },
  },
  required: ["chargeId", "amountCents", "chargedAmountCents", "reason"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Refund",
  type: "object",
  properties: {
    refundId: { type: "string", pattern: "^re_[0-9a-f]{24}$" },
    chargeId: { type: "string" },
    status: { enum: ["succeeded", "pending"] },
    amountCents: { type: "integer", minimum: 1 },
    partial: { type: "boolean" },
    reason: { enum: ["shipping_failed", "requested_by_customer", "duplicate", "fraudulent"] },
    refundedAt: { type: "string", format: "date-time" },
  },
  required: ["refundId", "chargeId", "status", "amountCents", "partial", "reason", "refundedAt"],
  additionalProperties: false,
} as const;

type Reason = "shipping_failed" | "requested_by_customer" | "duplicate" | "fraudulent";
export type RefundPaymentInput = {
  chargeId: string;
  amountCents: number;
  chargedAmountCents: number;
  reason: Reason;
  note?: string;
};
export type Refund = {
  refundId: string;
  chargeId: string;
  status: "succeeded" | "pending";
  amountCents: number;
  partial: boolean;
  reason: Reason;
  refundedAt: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

// Above this amount the bank settles refunds asynchronously.
const instantRefundLimitCents = 100_000;

export async function handler(input: RefundPaymentInput, context: Context): Promise<Refund> {
  context.signal.throwIfAborted();
  if (input.amountCents > input.chargedAmountCents) {
    throw new Error(
      `Refund of ${input.amountCents} exceeds the charged amount ${input.chargedAmountCents}`,
    );
  }
  const hex = createHash("sha256")
    .update(`${input.chargeId}:${context.idempotencyKey}`)
    .digest("hex");
  return {
    refundId: `re_${hex.slice(0, 24)}`,
    chargeId: input.chargeId,
    status: input.amountCents > instantRefundLimitCents ? "pending" : "succeeded",
    amountCents: input.amountCents,
    partial: input.amountCents < input.chargedAmountCents,
    reason: input.reason,
    refundedAt: new Date().toISOString(),
  };
}
