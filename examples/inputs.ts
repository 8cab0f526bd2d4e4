import { randomUUID } from "node:crypto";

/** A valid input of the sign-up scenario (`scenarios/signup.json`); a fresh email by default. */
export const signupInput = (email = `ada.${Date.now()}@example.com`) => ({
  name: "Ada Lovelace",
  email,
  phone: "+31612345678",
  address: { line1: "Herengracht 1", city: "Amsterdam", postalCode: "1015 BA", country: "NL" },
});

/**
 * An order of the order scenario (`scenarios/order.json`) large enough (20 × TEE-010,
 * 580 EUR) that it asks a person to approve it.
 */
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
