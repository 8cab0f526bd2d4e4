// The demo functions the example scenarios use, run the way the engine runs them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CatalogFunction,
  type Connection,
  createLocalProvider,
  createProviderRegistry,
  isProviderError,
} from "../src/index.ts";
import { callOptions, examplesFolder } from "./helpers.ts";

const connection: Connection = {
  name: "examples",
  provider: "local",
  config: { folder: examplesFolder },
};
const registry = createProviderRegistry([createLocalProvider({ poolSize: 2 })]);
const catalog = new Map<string, CatalogFunction>();
const call = (name: string, input: unknown) =>
  registry.invoke(
    connection,
    catalog.get(`examples/${name}`) as CatalogFunction,
    input,
    callOptions(),
  );

const orderId = "9b2d1f8e-3c4a-4b5d-8e6f-7a8b9c0d1e2f";
const address = {
  name: "Ada Lovelace",
  line1: "Damrak 1",
  city: "Amsterdam",
  postalCode: "1012 LG",
  country: "NL",
};
const card = { number: "4242424242424242", expMonth: 12, expYear: 2099, cvc: "123" };

beforeAll(async () => {
  for (const fn of (await registry.discover(connection)).functions) catalog.set(fn.ref, fn);
});

afterAll(() => registry.close());

describe("the sign-up flow", () => {
  it("creates, validates, stores and announces a user", async () => {
    const user = (await call("CreateUser", { name: "Ada Lovelace", email: "Ada@Example.com" })) as {
      id: string;
      email: string;
      phone: null;
    };
    expect(user).toMatchObject({ email: "ada@example.com", phone: null });
    expect(await call("ValidateEmail", { email: user.email })).toMatchObject({
      valid: true,
      reason: "ok",
    });
    expect(
      await call("ValidateContacts", { email: user.email, phone: user.phone, address }),
    ).toEqual({
      valid: true,
      phoneE164: null,
      issues: [],
    });
    expect(await call("StoreUserData", { user, emailVerified: true })).toMatchObject({
      location: `users/${user.id}.json`,
    });
    expect(
      await call("NotifyWebhook", {
        url: "https://hooks.example.com/baton",
        event: "user.created",
        payload: user,
      }),
    ).toMatchObject({ statusCode: 202 });
  });

  it("reports every contact problem at once", async () => {
    const result = await call("ValidateContacts", {
      email: "ada@example.com",
      phone: "12",
      address: { ...address, country: "AQ" },
    });
    expect(result).toMatchObject({
      valid: false,
      issues: [{ field: "phone" }, { field: "address" }],
    });
  });

  it("refuses an address that is already registered", async () => {
    const error = await call("CreateUser", { name: "Dup", email: "taken@example.com" }).catch(
      (e: unknown) => e,
    );
    expect(isProviderError(error) && error.classification).toBe("function_error");
  });
});

describe("the order flow", () => {
  it("reserves, charges and ships", async () => {
    const reservation = (await call("ReserveStock", {
      orderId,
      items: [
        { sku: "MUG-001", quantity: 2 },
        { sku: "TEE-010", quantity: 1 },
      ],
    })) as { reservationId: string; totalCents: number };
    expect(reservation.totalCents).toBe(5_800);
    const charge = await call("ChargePayment", {
      orderId,
      amountCents: reservation.totalCents,
      currency: "EUR",
      card,
    });
    expect(charge).toMatchObject({ status: "succeeded", card: { brand: "visa", last4: "4242" } });
    expect(
      await call("ShipOrder", { orderId, reservationId: reservation.reservationId, address }),
    ).toMatchObject({
      carrier: "PostNL",
    });
  });

  it("declines the test card, fails to ship to Antarctica, and refunds", async () => {
    const declined = await call("ChargePayment", {
      orderId,
      amountCents: 1_450,
      currency: "EUR",
      card: { ...card, number: "4000000000000002" },
    }).catch((e: unknown) => e);
    expect(isProviderError(declined) && declined.message).toMatch(/^card_declined/);
    const shipping = await call("ShipOrder", {
      orderId,
      reservationId: "res_0123456789abcdef",
      address: { ...address, country: "AQ" },
    }).catch((e: unknown) => e);
    expect(isProviderError(shipping) && shipping.message).toBe("No carrier ships to country AQ");
    expect(
      await call("RefundPayment", {
        chargeId: "ch_0123456789abcdef01234567",
        amountCents: 1_450,
        chargedAmountCents: 1_450,
        reason: "shipping_failed",
      }),
    ).toMatchObject({ status: "succeeded", partial: false });
  });

  it("refuses out-of-stock items", async () => {
    const error = await call("ReserveStock", {
      orderId,
      items: [{ sku: "LMP-500", quantity: 1 }],
    }).catch((e: unknown) => e);
    expect(isProviderError(error) && error.message).toBe(
      "Insufficient stock for LMP-500: 1 requested, 0 left",
    );
  });
});
