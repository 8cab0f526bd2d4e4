import { createHash, createHmac } from "node:crypto";

export const description =
  "Prepares a signed webhook delivery (HMAC-SHA256 over the body, like Stripe or GitHub) and records it as delivered. Demo only: nothing leaves the machine.";
export const tags = ["sign-up", "notifications"];
export const timeoutMs = 5_000;
export const memoryMb = 32;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "NotifyWebhookInput",
  type: "object",
  properties: {
    url: { type: "string", format: "uri", pattern: "^https://" },
    event: { enum: ["user.created", "user.verified", "order.shipped", "order.refunded"] },
    payload: { type: "object" },
  },
  required: ["url", "event", "payload"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "WebhookDelivery",
  type: "object",
  properties: {
    deliveryId: { type: "string", format: "uuid" },
    url: { type: "string", format: "uri" },
    event: { type: "string" },
    statusCode: { type: "integer", minimum: 200, maximum: 299 },
    signature: { type: "string", pattern: "^sha256=[0-9a-f]{64}$" },
    bytes: { type: "integer", minimum: 2 },
    deliveredAt: { type: "string", format: "date-time" },
  },
  required: ["deliveryId", "url", "event", "statusCode", "signature", "bytes", "deliveredAt"],
  additionalProperties: false,
} as const;

export type NotifyWebhookInput = {
  url: string;
  event: "user.created" | "user.verified" | "order.shipped" | "order.refunded";
  payload: Record<string, unknown>;
};
export type WebhookDelivery = {
  deliveryId: string;
  url: string;
  event: string;
  statusCode: number;
  signature: string;
  bytes: number;
  deliveredAt: string;
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

// A demo signing secret; a real function would read it from its secret store.
const signingSecret = "whsec_demo";

function deliveryIdFrom(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function handler(
  input: NotifyWebhookInput,
  context: Context,
): Promise<WebhookDelivery> {
  context.signal.throwIfAborted();
  const host = new URL(input.url).hostname;
  // Receivers on these hosts "reject" every delivery, so a scenario can show a failed notification.
  if (host.endsWith(".invalid") || host === "localhost") {
    throw new Error(`Webhook receiver ${host} answered 410 Gone`);
  }
  const body = JSON.stringify({ event: input.event, data: input.payload });
  return {
    // The idempotency key is the delivery id, so receivers can drop duplicates of a retry.
    deliveryId: deliveryIdFrom(context.idempotencyKey),
    url: input.url,
    event: input.event,
    statusCode: 202,
    signature: `sha256=${createHmac("sha256", signingSecret).update(body).digest("hex")}`,
    bytes: Buffer.byteLength(body),
    deliveredAt: new Date().toISOString(),
  };
}
