export const description = "Returns an email that is not one";
export const tags = ["test"];
export const input = { type: "object" };
export const output = {
  type: "object",
  properties: { email: { type: "string", format: "email" } },
  required: ["email"],
};
export async function handler() {
  return { email: 42 };
}
