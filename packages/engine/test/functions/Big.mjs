export const description = "Returns a string of `bytes` characters";
export const tags = ["test"];
export const input = {
  type: "object",
  properties: { bytes: { type: "integer" } },
  required: ["bytes"],
};
export const output = { type: "object", properties: { text: { type: "string" } } };
export async function handler({ bytes }) {
  return { text: "x".repeat(bytes) };
}
