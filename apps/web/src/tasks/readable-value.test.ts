import { describe, expect, it } from "vitest";
import { fieldLabel, readableValue } from "./readable-value.ts";

describe("fieldLabel", () => {
  it("writes a field name in words, known abbreviations in capitals", () => {
    expect(fieldLabel("customerEmail")).toBe("Customer email");
    expect(fieldLabel("orderId")).toBe("Order ID");
    expect(fieldLabel("sku")).toBe("SKU");
    expect(fieldLabel("postal_code")).toBe("Postal code");
  });
});

describe("readableValue", () => {
  it("names fields in words and writes scalars as a person reads them", () => {
    expect(
      readableValue({
        customerEmail: "grace@example.com",
        amountCents: 58000,
        express: false,
        note: "",
        coupon: null,
      }),
    ).toEqual({
      kind: "fields",
      fields: [
        {
          key: "customerEmail",
          label: "Customer email",
          value: { kind: "text", text: "grace@example.com" },
        },
        { key: "amountCents", label: "Amount cents", value: { kind: "text", text: "58,000" } },
        { key: "express", label: "Express", value: { kind: "text", text: "no" } },
        { key: "note", label: "Note", value: { kind: "text", text: "empty", muted: true } },
        { key: "coupon", label: "Coupon", value: { kind: "text", text: "none", muted: true } },
      ],
    });
  });

  it("draws a list of flat records as a table, and a list of words as one line", () => {
    expect(
      readableValue([
        { sku: "TEE-010", quantity: 20 },
        { sku: "MUG-001", quantity: 1, gift: true },
      ]),
    ).toEqual({
      kind: "table",
      columns: [
        { key: "sku", label: "SKU" },
        { key: "quantity", label: "Quantity" },
        { key: "gift", label: "Gift" },
      ],
      rows: [
        ["TEE-010", "20", ""],
        ["MUG-001", "1", "yes"],
      ],
    });
    expect(readableValue(["a", "b", 3])).toEqual({ kind: "text", text: "a, b, 3" });
    expect(readableValue([])).toEqual({ kind: "text", text: "none", muted: true });
  });

  it("nests records and mixed lists, and stops summarising deep values", () => {
    expect(readableValue([{ address: { city: "Amsterdam" } }, "x"])).toEqual({
      kind: "list",
      items: [
        {
          kind: "fields",
          fields: [
            {
              key: "address",
              label: "Address",
              value: {
                kind: "fields",
                fields: [
                  { key: "city", label: "City", value: { kind: "text", text: "Amsterdam" } },
                ],
              },
            },
          ],
        },
        { kind: "text", text: "x" },
      ],
    });
    expect(readableValue({ a: { b: { c: { d: { e: 1 } } } } })).toMatchObject({
      fields: [
        {
          value: {
            fields: [
              { value: { fields: [{ value: { fields: [{ value: { text: '{"e":1}' } }] } }] } },
            ],
          },
        },
      ],
    });
  });
});
