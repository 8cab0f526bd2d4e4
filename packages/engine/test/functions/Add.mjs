export const description = "Adds two numbers";
export const tags = ["math"];
export const input = {
  type: "object",
  properties: { a: { type: "number" }, b: { type: "number" } },
  required: ["a", "b"],
};
export const output = {
  type: "object",
  properties: { sum: { type: "number" } },
  required: ["sum"],
};
export async function handler({ a, b }) {
  return { sum: a + b };
}
