export const description = "Sleeps for `ms` milliseconds";
export const tags = ["test"];
export const input = { type: "object", properties: { ms: { type: "integer" } }, required: ["ms"] };
export const output = { type: "object", properties: { slept: { type: "integer" } } };
export async function handler({ ms }) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { slept: ms };
}
