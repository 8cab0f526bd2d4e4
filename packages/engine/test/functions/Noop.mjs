export const description = "Returns its input unchanged";
export const tags = ["test"];
export const input = { type: "object" };
export const output = { type: "object" };
export async function handler(input) {
  return input;
}
