import { createHash } from "node:crypto";

export const description =
  "Books a parcel with a carrier for a reserved order. Fails for destinations no carrier serves (e.g. country AQ) and for PO boxes with express delivery.";
export const tags = ["orders", "shipping"];
export const timeoutMs = 5_000;
export const memoryMb = 64;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "ShipOrderInput",
  type: "object",
  properties: {
    orderId: { type: "string", format: "uuid" },
    reservationId: { type: "string", pattern: "^res_[0-9a-f]{16}$" },
    speed: { enum: ["standard", "express"], default: "standard" },
    address: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 100 },
        line1: { type: "string", minLength: 1, maxLength: 200 },
        line2: { type: "string", maxLength: 200 },
        city: { type: "string", minLength: 1, maxLength: 100 },
        postalCode: { type: "string", minLength: 2, maxLength: 12 },
        country: { type: "string", pattern: "^[A-Z]{2}$" },
      },
      required: ["name", "line1", "city", "postalCode", "country"],
      additionalProperties: false,
    },
  },
  required: ["orderId", "reservationId", "address"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Shipment",
  type: "object",
  properties: {
    shipmentId: { type: "string", pattern: "^shp_[0-9a-f]{16}$" },
    orderId: { type: "string", format: "uuid" },
    carrier: { enum: ["DHL", "PostNL", "UPS"] },
    trackingNumber: { type: "string", minLength: 10 },
    costCents: { type: "integer", minimum: 0 },
    estimatedDelivery: { type: "string", format: "date" },
  },
  required: [
    "shipmentId",
    "orderId",
    "carrier",
    "trackingNumber",
    "costCents",
    "estimatedDelivery",
  ],
  additionalProperties: false,
} as const;

export type ShipOrderInput = {
  orderId: string;
  reservationId: string;
  speed?: "standard" | "express";
  address: {
    name: string;
    line1: string;
    line2?: string;
    city: string;
    postalCode: string;
    country: string;
  };
};
export type Shipment = {
  shipmentId: string;
  orderId: string;
  carrier: "DHL" | "PostNL" | "UPS";
  trackingNumber: string;
  costCents: number;
  estimatedDelivery: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

type Route = { carrier: Shipment["carrier"]; days: number; costCents: number };
const routes: Record<string, Route> = {
  NL: { carrier: "PostNL", days: 1, costCents: 495 },
  BE: { carrier: "PostNL", days: 2, costCents: 695 },
  DE: { carrier: "DHL", days: 2, costCents: 695 },
  FR: { carrier: "DHL", days: 3, costCents: 895 },
  GB: { carrier: "UPS", days: 4, costCents: 1_495 },
  US: { carrier: "UPS", days: 6, costCents: 2_495 },
};

export async function handler(input: ShipOrderInput, context: Context): Promise<Shipment> {
  context.signal.throwIfAborted();
  const { address } = input;
  const route = routes[address.country];
  if (!route) throw new Error(`No carrier ships to country ${address.country}`);
  const express = input.speed === "express";
  if (express && /\b(po box|postbus|postfach)\b/i.test(address.line1)) {
    throw new Error("Express parcels cannot be delivered to a PO box");
  }

  const digest = createHash("sha256").update(`${input.reservationId}:${context.idempotencyKey}`);
  const hex = digest.digest("hex");
  const days = express ? Math.max(1, route.days - 1) : route.days;
  const delivery = new Date(Date.now() + days * 86_400_000);
  return {
    shipmentId: `shp_${hex.slice(0, 16)}`,
    orderId: input.orderId,
    carrier: route.carrier,
    trackingNumber: `${route.carrier.slice(0, 2).toUpperCase()}${BigInt(`0x${hex.slice(16, 28)}`)
      .toString()
      .padStart(12, "0")}`,
    costCents: express ? route.costCents * 2 : route.costCents,
    estimatedDelivery: delivery.toISOString().slice(0, 10),
  };
}
