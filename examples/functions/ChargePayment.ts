import { createHash } from "node:crypto";

export const description =
  "Charges a card for an order. Test card 4000 0000 0000 0002 is always declined, 4000 0000 0000 9995 has insufficient funds; any other Luhn-valid, unexpired card succeeds.";
export const tags = ["orders", "payments"];
export const timeoutMs = 10_000;
export const memoryMb = 64;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "ChargePaymentInput",
  type: "object",
  properties: {
    orderId: { type: "string", format: "uuid" },
    amountCents: { type: "integer", minimum: 50, maximum: 10_000_000 },
    currency: { enum: ["EUR", "USD", "GBP"] },
    customerEmail: { type: "string", format: "email" },
    card: {
      type: "object",
      properties: {
        number: { type: "string", pattern: "^[0-9]{13,19}$" },
        expMonth: { type: "integer", minimum: 1, maximum: 12 },
        expYear: { type: "integer", minimum: 2000, maximum: 2100 },
        cvc: { type: "string", pattern: "^[0-9]{3,4}$" },
      },
      required: ["number", "expMonth", "expYear", "cvc"],
      additionalProperties: false,
    },
  },
  required: ["orderId", "amountCents", "currency", "card"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Charge",
  type: "object",
  properties: {
    chargeId: { type: "string", pattern: "^ch_[0-9a-f]{24}$" },
    orderId: { type: "string", format: "uuid" },
    status: { const: "succeeded" },
    amountCents: { type: "integer", minimum: 50 },
    currency: { enum: ["EUR", "USD", "GBP"] },
    card: {
      type: "object",
      properties: {
        brand: { enum: ["visa", "mastercard", "amex", "other"] },
        last4: { type: "string", pattern: "^[0-9]{4}$" },
      },
      required: ["brand", "last4"],
      additionalProperties: false,
    },
    chargedAt: { type: "string", format: "date-time" },
  },
  required: ["chargeId", "orderId", "status", "amountCents", "currency", "card", "chargedAt"],
  additionalProperties: false,
} as const;

type Currency = "EUR" | "USD" | "GBP";
export type ChargePaymentInput = {
  orderId: string;
  amountCents: number;
  currency: Currency;
  customerEmail?: string;
  card: { number: string; expMonth: number; expYear: number; cvc: string };
};
export type Charge = {
  chargeId: string;
  orderId: string;
  status: "succeeded";
  amountCents: number;
  currency: Currency;
  card: { brand: "visa" | "mastercard" | "amex" | "other"; last4: string };
  chargedAt: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

const declinedCards: Record<string, string> = {
  "4000000000000002": "card_declined: the card was declined",
  "4000000000009995": "insufficient_funds: the card has insufficient funds",
};

function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): Charge["card"]["brand"] {
  if (number.startsWith("4")) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "other";
}

export async function handler(input: ChargePaymentInput, context: Context): Promise<Charge> {
  context.signal.throwIfAborted();
  const { card } = input;
  if (!passesLuhn(card.number)) throw new Error("incorrect_number: the card number is invalid");
  const now = new Date();
  const expired =
    card.expYear < now.getUTCFullYear() ||
    (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1);
  if (expired) throw new Error("expired_card: the card has expired");
  const decline = declinedCards[card.number];
  if (decline) throw new Error(decline);

  // Same idempotency key, same charge id: a retried call never charges twice.
  const chargeId = `ch_${createHash("sha256").update(context.idempotencyKey).digest("hex").slice(0, 24)}`;
  return {
    chargeId,
    orderId: input.orderId,
    status: "succeeded",
    amountCents: input.amountCents,
    currency: input.currency,
    card: { brand: brandOf(card.number), last4: card.number.slice(-4) },
    chargedAt: now.toISOString(),
  };
}
