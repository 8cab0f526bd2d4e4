import { createHash } from "node:crypto";

export const description =
  "Reserves stock for an order's lines in the nearest warehouse and prices them. The reservation expires after 15 minutes.";
export const tags = ["orders", "inventory"];
export const timeoutMs = 2_000;
export const memoryMb = 64;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "ReserveStockInput",
  type: "object",
  properties: {
    orderId: { type: "string", format: "uuid" },
    items: {
      type: "array",
      minItems: 1,
      maxItems: 50,
      items: {
        type: "object",
        properties: {
          sku: { type: "string", pattern: "^[A-Z]{3}-[0-9]{3}$" },
          quantity: { type: "integer", minimum: 1, maximum: 100 },
        },
        required: ["sku", "quantity"],
        additionalProperties: false,
      },
    },
  },
  required: ["orderId", "items"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "StockReservation",
  type: "object",
  properties: {
    reservationId: { type: "string", pattern: "^res_[0-9a-f]{16}$" },
    orderId: { type: "string", format: "uuid" },
    warehouse: { enum: ["AMS-1", "FRA-2"] },
    lines: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        properties: {
          sku: { type: "string" },
          name: { type: "string" },
          quantity: { type: "integer", minimum: 1 },
          unitPriceCents: { type: "integer", minimum: 0 },
          lineTotalCents: { type: "integer", minimum: 0 },
        },
        required: ["sku", "name", "quantity", "unitPriceCents", "lineTotalCents"],
        additionalProperties: false,
      },
    },
    totalCents: { type: "integer", minimum: 0 },
    currency: { const: "EUR" },
    expiresAt: { type: "string", format: "date-time" },
  },
  required: [
    "reservationId",
    "orderId",
    "warehouse",
    "lines",
    "totalCents",
    "currency",
    "expiresAt",
  ],
  additionalProperties: false,
} as const;

export type ReserveStockInput = { orderId: string; items: { sku: string; quantity: number }[] };
type Line = {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
};
export type StockReservation = {
  reservationId: string;
  orderId: string;
  warehouse: "AMS-1" | "FRA-2";
  lines: Line[];
  totalCents: number;
  currency: "EUR";
  expiresAt: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

const catalog: Record<string, { name: string; priceCents: number; stock: number }> = {
  "MUG-001": { name: "Enamel mug", priceCents: 1_450, stock: 120 },
  "TEE-010": { name: "Organic T-shirt", priceCents: 2_900, stock: 40 },
  "BAG-100": { name: "Canvas tote bag", priceCents: 1_900, stock: 8 },
  "LMP-500": { name: "Desk lamp", priceCents: 8_900, stock: 0 },
};

const reservationMinutes = 15;

export async function handler(
  input: ReserveStockInput,
  context: Context,
): Promise<StockReservation> {
  context.signal.throwIfAborted();
  const lines = input.items.map(({ sku, quantity }): Line => {
    const product = catalog[sku];
    if (!product) throw new Error(`Unknown SKU ${sku}`);
    if (product.stock < quantity) {
      throw new Error(
        `Insufficient stock for ${sku}: ${quantity} requested, ${product.stock} left`,
      );
    }
    return {
      sku,
      name: product.name,
      quantity,
      unitPriceCents: product.priceCents,
      lineTotalCents: product.priceCents * quantity,
    };
  });
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const digest = createHash("sha256").update(`${input.orderId}:${context.idempotencyKey}`);
  return {
    reservationId: `res_${digest.digest("hex").slice(0, 16)}`,
    orderId: input.orderId,
    // Large orders ship from the bigger warehouse.
    warehouse: units > 20 ? "FRA-2" : "AMS-1",
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0),
    currency: "EUR",
    expiresAt: new Date(Date.now() + reservationMinutes * 60_000).toISOString(),
  };
}
