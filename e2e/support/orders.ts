import { randomUUID } from "node:crypto";

/** An order above the approval threshold (20 × TEE-010), like the server tests' fixture. */
export const largeOrderInput = () => ({
  orderId: randomUUID(),
  customerEmail: "grace@example.com",
  items: [{ sku: "TEE-010", quantity: 20 }],
  card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123" },
  address: {
    name: "Grace Hopper",
    line1: "Damrak 1",
    city: "Amsterdam",
    postalCode: "1012 LG",
    country: "NL",
  },
});
