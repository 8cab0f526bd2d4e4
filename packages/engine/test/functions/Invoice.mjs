export const description = "Invoices a customer; the customer id may not be empty";
export const tags = ["test"];
export const input = {
  type: "object",
  properties: {
    customerId: { type: "string", minLength: 1 },
    totalCents: { type: "integer", minimum: 0 },
  },
  required: ["customerId", "totalCents"],
};
export const output = {
  type: "object",
  properties: { invoiceId: { type: "string" } },
  required: ["invoiceId"],
};
export async function handler({ customerId, totalCents }) {
  return { invoiceId: `inv-${customerId}-${totalCents}` };
}
