export const description = "Always throws";
export const tags = ["test"];
export const input = { type: "object" };
export const output = { type: "object" };
export async function handler(input) {
  throw new Error(`Fail was asked to fail: ${input.why ?? "no reason"}`);
}
