export const description = "Hangs on its first attempts, answers on attempt `okFrom`";
export const tags = ["test"];
export const input = {
  type: "object",
  properties: { okFrom: { type: "integer", minimum: 1 } },
  required: ["okFrom"],
};
export const output = {
  type: "object",
  properties: { attempt: { type: "integer" }, key: { type: "string" } },
  required: ["attempt", "key"],
};
export async function handler({ okFrom }, { idempotencyKey }) {
  const attempt = Number(idempotencyKey.split(":").at(-1));
  if (attempt < okFrom) await new Promise((resolve) => setTimeout(resolve, 60_000));
  return { attempt, key: idempotencyKey };
}
